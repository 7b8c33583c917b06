import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../evaluate-policy';
import type { SignInFacts } from '../sign-in';
import { context, ids, policy } from '../test-fixtures';
import { BulkEvaluator } from './evaluator';
import { shapesOf } from './shapes';
import { bulkPolicies, mixedSignIns } from './test-sign-ins';

const inputs = (facts: ReturnType<typeof mixedSignIns>) =>
  facts.map((f, i) => ({ id: `s${i}`, identityId: f.identity?.kind === 'user' ? f.identity.userId : '', resourceId: '', facts: f }));

describe('BulkEvaluator', () => {
  it('answers every policy for every sign-in exactly as evaluatePolicy does (result, failed condition, missing)', () => {
    const signIns = mixedSignIns(1500);
    const set = shapesOf(inputs(signIns), context);
    const evaluator = new BulkEvaluator(context);
    const compiled = bulkPolicies.map((p) => evaluator.compile(p));
    const kinds = new Set<string>();
    for (const shape of set.shapes)
      for (const [i, policy] of bulkPolicies.entries()) {
        const full = evaluatePolicy(policy, shape.facts, context);
        const fast = compiled[i]!.resultFor(shape);
        kinds.add(`${full.result}`);
        expect({ result: fast.result, failed: fast.failedCondition, missing: fast.missing ?? undefined }).toEqual({
          result: full.result,
          failed: full.failedCondition,
          missing: full.missing,
        });
      }
    expect([...kinds].sort()).toEqual(['applies', 'indeterminate', 'notApplied']);
  }, 30_000);

  it('answers for a sign-in through its shape as for the sign-in itself: addresses in the same locations read the same', () => {
    // 40 sign-ins, each seen 50 times from other addresses in the same named locations.
    const other = (ip: string | undefined, n: number) =>
      ip?.startsWith('203.0.113.') ? `203.0.113.${n % 250}` : ip === '8.8.8.8' ? `9.9.${n % 250}.1` : ip;
    const signIns = mixedSignIns(40, 11).flatMap((f) =>
      Array.from({ length: 50 }, (_, n) => ({ ...f, ...(f.ipAddress ? { ipAddress: other(f.ipAddress, n) } : {}) })),
    );
    const set = shapesOf(inputs(signIns), context);
    expect(set.shapes.length).toBeLessThanOrEqual(40);
    const evaluator = new BulkEvaluator(context);
    const compiled = bulkPolicies.map((p) => evaluator.compile(p));
    const shapeOfKey = new Map(set.shapes.map((s) => [s.key, s]));
    // Rebuild the index per sign-in by adding them again to a fresh builder in the same order.
    const again = shapesOf(inputs(signIns), context);
    expect(again.shapes.map((s) => s.key)).toEqual(set.shapes.map((s) => s.key));
    let checked = 0;
    for (const shape of set.shapes)
      for (const id of shape.sampleIds.slice(0, 3)) {
        const facts = signIns[Number(id.slice(1))]!;
        for (const [i, policy] of bulkPolicies.entries()) {
          expect(evaluatePolicy(policy, facts, context).result).toBe(compiled[i]!.resultFor(shapeOfKey.get(shape.key)!).result);
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(1000);
  });

  it('answers agent risk per agent and level as evaluatePolicy does, not reusing one answer across them', () => {
    const policies = [
      policy({ name: 'Risky agent users', users: { includeUsers: ['All'] }, conditions: { agentIdRiskLevels: 'high' } }),
      policy({
        name: 'Risky agents',
        users: { includeUsers: ['None'] },
        clientApplications: { includeAgentIdServicePrincipals: ['All'] },
        conditions: { agentIdRiskLevels: 'low,medium' },
      }),
      policy({
        name: 'Everyone at agent risk',
        users: { includeUsers: ['All'] },
        clientApplications: { includeServicePrincipals: ['ServicePrincipalsInMyTenant'] },
        conditions: { agentIdRiskLevels: 'high' },
      }),
    ];
    const identities: SignInFacts['identity'][] = [
      { kind: 'user', userId: 'agent-user', groupIds: [], roleTemplateIds: [], agentUser: true },
      { kind: 'user', userId: 'person', groupIds: [], roleTemplateIds: [], agentUser: false },
      { kind: 'user', userId: 'someone', groupIds: [], roleTemplateIds: [] },
      {
        kind: 'workloadIdentity',
        servicePrincipalId: 'agent-1',
        servicePrincipalType: 'application',
        ownedByThisTenant: true,
        agentIdentity: true,
      },
      // Not known whether an agent: each kind names its own missing fact, which one cached answer must not blur.
      { kind: 'workloadIdentity', servicePrincipalId: 'sp-1', servicePrincipalType: 'application', ownedByThisTenant: true },
      undefined,
    ];
    const levels = ['none', 'low', 'high', undefined] as const;
    const signIns = identities.flatMap((identity) =>
      levels.map((level): SignInFacts => ({
        ...(identity && { identity }),
        target: { kind: 'application', appId: ids.exchange },
        ipAddress: '8.8.8.8',
        authenticationFlow: 'none',
        ...(level ? { agentIdRiskLevel: level } : {}),
      })),
    );
    const set = shapesOf(inputs(signIns), context);
    const evaluator = new BulkEvaluator(context);
    const compiled = policies.map((p) => evaluator.compile(p));
    const results = new Set<string>();
    for (const shape of set.shapes)
      for (const [i, p] of policies.entries()) {
        const full = evaluatePolicy(p, shape.facts, context);
        const fast = compiled[i]!.resultFor(shape);
        results.add(`${full.result}:${full.failedCondition ?? ''}`);
        expect({ result: fast.result, failed: fast.failedCondition, missing: fast.missing ?? undefined }).toEqual({
          result: full.result,
          failed: full.failedCondition,
          missing: full.missing,
        });
      }
    expect([...results].sort()).toEqual([
      'applies:',
      'indeterminate:agentIdRisk',
      'indeterminate:users',
      'indeterminate:workloadIdentities',
      'notApplied:agentIdRisk',
      'notApplied:users',
      'notApplied:workloadIdentities',
    ]);
  });

  it('refuses shapes of another shape set, whose group indices mean other facts', () => {
    const compiled = new BulkEvaluator(context).compile(bulkPolicies[0]);
    compiled.resultFor(shapesOf(inputs(mixedSignIns(5)), context).shapes[0]!);
    expect(() => compiled.resultFor(shapesOf(inputs(mixedSignIns(5)), context).shapes[0]!)).toThrow(/another shape set/);
  });

  it('explains a shape in words with the full engine', () => {
    const set = shapesOf(inputs(mixedSignIns(50)), context);
    const compiled = new BulkEvaluator(context).compile(bulkPolicies[1]);
    const shape = set.shapes.find((s) => compiled.resultFor(s).result === 'notApplied')!;
    const words = compiled.explain(shape);
    expect(words.result).toBe('notApplied');
    expect(words.reason.length).toBeGreaterThan(10);
  });
});
