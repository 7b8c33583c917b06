// The per-tenant checks of a run over many tenants: emergency accounts named by id or sign-in name,
// drift in any section in words with its author, lint with the bundle's suppressions, the folder name.
import { describe, expect, it } from 'vitest';
import { createBundle, type BundleSections, type ReferenceEntry } from '../bundle/bundle';
import type { JsonObject } from '../json';
import { driftItems, driftSummary, emergencyAccessOf, emergencyWorst, lintBundle, tenantFolderName } from './tenant-checks';

const GLASS = { kind: 'user', id: 'u-glass', displayName: 'Break Glass 01', userPrincipalName: 'glass@contoso.example', exists: true };
const GROUP = { kind: 'group', id: 'g-emergency', displayName: 'Emergency accounts', exists: true };
const references = [GLASS, GROUP] as ReferenceEntry[];

const policy = (id: string, name: string, extra: JsonObject = {}): JsonObject => ({
  id,
  displayName: name,
  state: 'enabled',
  conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
  ...extra,
});

const sections = (policies: JsonObject[], namedLocations: JsonObject[] = []): BundleSections => ({
  policies,
  namedLocations,
  authenticationStrengths: [],
  authenticationContexts: [],
  termsOfUse: [],
});
const bundleOf = (s: BundleSections) => createBundle(s, references, { tenantId: 't', tenantName: 'T', capturedAt: new Date('2026-11-01') });

describe('tenant checks', () => {
  it('names the emergency accounts by id or sign-in name, with their names from the backup; none named is no analysis', async () => {
    expect(emergencyAccessOf({ users: ['GLASS@contoso.example'], groups: ['g-emergency'] }, references)).toEqual({
      users: [{ id: 'u-glass', name: 'Break Glass 01' }],
      groups: [{ id: 'g-emergency', name: 'Emergency accounts' }],
    });
    expect(emergencyAccessOf({ users: ['unknown-id'], groups: [] }, references)).toEqual({
      users: [{ id: 'unknown-id', name: 'unknown-id' }],
      groups: [],
    });
    expect(emergencyAccessOf({ users: [], groups: [] }, references)).toBeUndefined();
  });

  it("lints with the run's options when given (a stale limit, a naming pattern), else with the defaults", async () => {
    const bundle = await bundleOf(
      sections([policy('p1', 'Block all', { state: 'enabledForReportingButNotEnforced', modifiedDateTime: '2026-11-20T00:00:00Z' })]),
    );
    const rules = (findings: ReturnType<typeof lintBundle>) =>
      findings.map((f) => f.ruleId).filter((r) => r.startsWith('stale') || r === 'naming-pattern');
    const now = new Date('2026-12-01');
    expect(rules(lintBundle(bundle, undefined, now))).toEqual([]);
    expect(rules(lintBundle(bundle, undefined, now, undefined, { staleAfterDays: 7, namingPattern: '^CA\\d{3}' })).sort()).toEqual([
      'naming-pattern',
      'stale-report-only-or-off',
    ]);
  });

  it('finds the block for everyone that reaches the emergency account, and lints it as a lock-out of that account', async () => {
    const bundle = await bundleOf(
      sections([
        policy('p1', 'Block all'),
        policy('p2', 'Block all but glass', {
          conditions: { users: { includeUsers: ['All'], excludeUsers: ['u-glass'] }, applications: { includeApplications: ['All'] } },
        }),
      ]),
    );
    const emergency = emergencyAccessOf({ users: ['u-glass'], groups: [] }, references)!;
    expect(emergencyWorst(bundle, emergency)).toEqual(['critical', null]);
    const affected = (findings: ReturnType<typeof lintBundle>) =>
      findings.filter((f) => f.ruleId === 'emergency-account-affected').map((f) => f.policyId);
    expect(affected(lintBundle(bundle, emergency, new Date('2026-12-01')))).toEqual(['p1']);
    // Without the tenant's emergency accounts there is nothing to say about them.
    expect(affected(lintBundle(bundle, undefined, new Date('2026-12-01')))).toEqual([]);
  });

  it('says what drifted in every section, policies first, with the author the audit log gave', async () => {
    const before = await bundleOf(
      sections(
        [policy('p1', 'Block legacy'), policy('p2', 'Gone')],
        [{ id: 'l1', displayName: 'Office', '@odata.type': '#microsoft.graph.ipNamedLocation', ipRanges: [] }],
      ),
    );
    const after = await bundleOf(
      sections(
        [policy('p1', 'Block legacy', { state: 'disabled' }), policy('p3', 'New')],
        [{ id: 'l1', displayName: 'Office', '@odata.type': '#microsoft.graph.ipNamedLocation', ipRanges: [{ cidrAddress: '10.0.0.0/8' }] }],
      ),
    );
    const items = driftItems(before, after);
    expect(items.map((d) => [d.label, d.kind])).toEqual([
      ['Block legacy', 'changed'],
      ['Gone', 'removed'],
      ['New', 'added'],
      ['Named location: Office', 'changed'],
    ]);
    expect(items[0]!.changes.join('\n')).toContain('State: On → Off');
    expect(driftSummary('base', items, new Map([['p1', { by: 'admin@contoso.example', at: '2026-11-30T10:00:00Z' }]]))).toEqual({
      baseline: 'base',
      added: ['New'],
      removed: ['Gone'],
      changed: [{ name: 'Block legacy', by: 'admin@contoso.example', at: '2026-11-30T10:00:00Z' }, { name: 'Named location: Office' }],
    });
    expect(driftItems(before, before)).toEqual([]);
  });

  it('names a tenant’s folder by its id, safe as a path', () => {
    expect(tenantFolderName({ id: 'B1F0C1E7-0000-4000-8000-000000000001' })).toBe('b1f0c1e7-0000-4000-8000-000000000001');
    expect(tenantFolderName({ id: 'contoso.onmicrosoft.com' })).toBe('contoso.onmicrosoft.com');
  });
});
