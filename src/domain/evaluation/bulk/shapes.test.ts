import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../evaluate-policy';
import type { SignInFacts } from '../sign-in';
import { ada, adaToExchange, context, ids, policy } from '../test-fixtures';
import { BulkEvaluator } from './evaluator';
import { readLog, shapesFor } from './log-shapes';
import { sampleDirectory, sampleSignInLog, sampleTenant } from './sample-log';
import { relevanceOf, ShapeBuilder, shapesOf, type ShapeInput } from './shapes';
import { bulkPolicies, mixedSignIns } from './test-sign-ins';

const input = (facts: SignInFacts, id: string): ShapeInput => ({
  id,
  identityId: facts.identity?.kind === 'user' ? facts.identity.userId : '',
  resourceId: facts.target?.kind === 'application' ? facts.target.appId : '',
  facts,
});

describe('shapes', () => {
  it('counts sign-ins, keeps distinct identities and resources and sample ids per shape', () => {
    const signIns = [
      input(adaToExchange, 'a'),
      input({ ...adaToExchange, ipAddress: '203.0.113.8' }, 'b'), // same corporate range: same shape
      input({ ...adaToExchange, ipAddress: '8.8.8.8' }, 'c'),
      input(adaToExchange, 'd'),
    ];
    const set = shapesOf(signIns, context, 2);
    expect(set.signIns).toBe(4);
    expect(set.shapes.map((s) => [s.count, s.sampleIds])).toEqual([
      [3, ['a', 'b']],
      [1, ['c']],
    ]);
    expect(set.shapes[0]!.identityIds).toEqual([ids.ada]);
    expect(set.shapes[0]!.resourceIds).toEqual([ids.exchange]);
  });

  it('with the policies’ relevance, users differing only in what no policy names share a shape; a user a draft names gets its own', () => {
    const colleague = (n: number): SignInFacts => ({
      ...adaToExchange,
      identity: { ...ada, userId: `colleague-${n}`, groupIds: [ids.mobile, `unnamed-group-${n}`] },
      device: { registered: true, deviceId: `device-${n}`, isCompliant: true, trustType: 'AzureAD' },
    });
    const signIns = Array.from({ length: 50 }, (_, n) => input(colleague(n), `s${n}`));
    const policies = [policy({ users: { includeGroups: [ids.mobile] } })];
    expect(shapesOf(signIns, context).shapes).toHaveLength(50);
    const coarse = shapesOf(signIns, context, 20, relevanceOf(policies));
    expect(coarse.shapes).toHaveLength(1);
    expect(coarse.shapes[0]!.identityIds).toHaveLength(50);
    const draft = policy({ users: { includeUsers: ['colleague-7'] } });
    expect(shapesOf(signIns, context, 20, relevanceOf([...policies, draft])).shapes).toHaveLength(2);
    // A user id in another case names the same user (a GUID): it still gets its own shape.
    expect(
      shapesOf(signIns, context, 20, relevanceOf([...policies, policy({ users: { includeUsers: ['COLLEAGUE-7'] } })])).shapes,
    ).toHaveLength(2);
    // A device filter on compliance splits by compliance only, not by device id.
    const filtered = policy({ conditions: { devices: { deviceFilter: { mode: 'include', rule: 'device.isCompliant -eq True' } } } });
    const relevance = relevanceOf([...policies, filtered]);
    expect(relevance.deviceProperties).toEqual(new Set(['isCompliant']));
    expect(shapesOf(signIns, context, 20, relevance).shapes).toHaveLength(1);
  });

  it('answers through coarse shapes exactly as the engine answers each sign-in', () => {
    // Ada's sign-ins spread over 40 colleagues alike to every policy, so that shapes gather several.
    const signIns = mixedSignIns(2000, 5).map((f, i) =>
      f.identity === ada ? { ...f, identity: { ...ada, userId: `alike-${i % 40}` } } : f,
    );
    const builder = new ShapeBuilder(context, 1, relevanceOf(bulkPolicies));
    const shapeOf = signIns.map((facts, i) => builder.add(input(facts, `s${i}`)));
    // The 40 colleagues are one identity to every policy (group 0 of the shape keys).
    const users = new Set(signIns.map((f) => (f.identity?.kind === 'user' ? f.identity.userId : '')));
    expect(builder.groupSizes[0]).toBeLessThan(users.size - 35);
    const compiled = bulkPolicies.map((p) => new BulkEvaluator(context).compile(p));
    for (const [i, facts] of signIns.entries())
      for (const [k, p] of bulkPolicies.entries()) {
        const full = evaluatePolicy(p, facts, context);
        const fast = compiled[k]!.resultFor(builder.shapes[shapeOf[i]!]!);
        expect([fast.result, fast.failedCondition, fast.missing]).toEqual([full.result, full.failedCondition, full.missing]);
      }
  }, 30_000);

  it('reads a synthetic log once and shapes it for the policies at hand, the same for the same seed', () => {
    const tenant = sampleTenant({
      tenantId: ids.tenant,
      users: 300,
      groupIds: [ids.mobile, ids.contractors, ids.emergency],
      roleTemplateIds: [ids.globalAdmin],
      appIds: [ids.exchange, ids.sharePoint, ids.graph],
      officePrefix: '203.0.113',
      homeCountries: ['NL', 'US'],
      travelCountries: ['BR'],
    });
    const entries = sampleSignInLog(tenant, 5000);
    expect(sampleSignInLog(tenant, 5000)).toEqual(entries);
    const log = readLog(entries, sampleDirectory(tenant), ids.tenant);
    expect(log.signIns).toHaveLength(5000);
    expect(log.notKnown.get('gpsCountry (the Authenticator GPS country is not in the log)')).toBe(5000);
    const shapes = shapesFor(log, bulkPolicies, context);
    expect(shapes.shapes.reduce((n, s) => n + s.count, 0)).toBe(5000);
    expect(shapes.shapes.length).toBeLessThan(2500);
  });
});
