import { describe, expect, it } from 'vitest';
import { emptyImportSet, type ImportSet, type NamedReference } from '../import/import-set';
import type { JsonObject } from '../json';
import { REPORT_ONLY } from '../types';
import { buildPlan } from './build-plan';
import { referencesToLookUp } from './mapping';
import { nextStep } from './plan-words';
import { sourcePolicies } from './build-plan';
import { defaultChoices, pendingId, type PlanChoices, type PlanTarget, type TargetCandidate } from './types';

const SOURCE_TENANT = '11111111-1111-1111-1111-111111111111';
const TARGET_TENANT = '22222222-2222-2222-2222-222222222222';
const BREAK_GLASS = 'aaaaaaaa-0000-0000-0000-000000000001';
const ADMINS = 'aaaaaaaa-0000-0000-0000-000000000002';
const PILOT = 'aaaaaaaa-0000-0000-0000-000000000003';
const OFFICE = 'bbbbbbbb-0000-0000-0000-000000000001';
const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';

const location = (id: string, cidr: string, name = 'Head office'): JsonObject => ({
  '@odata.type': '#microsoft.graph.ipNamedLocation',
  id,
  displayName: name,
  isTrusted: true,
  ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: cidr }],
  createdDateTime: '2025-01-01T00:00:00Z',
  modifiedDateTime: '2025-01-01T00:00:00Z',
});

const mfaPolicy = (overrides: JsonObject = {}): JsonObject => ({
  id: 'cccccccc-0000-0000-0000-000000000001',
  templateId: null,
  displayName: 'CA001 Require MFA for admins',
  createdDateTime: '2025-01-01T00:00:00Z',
  modifiedDateTime: '2025-02-01T00:00:00Z',
  state: 'enabled',
  conditions: {
    clientAppTypes: ['all'],
    applications: { includeApplications: ['All'] },
    users: { includeRoles: [GLOBAL_ADMIN], includeGroups: [ADMINS], excludeUsers: [BREAK_GLASS], excludeGroups: [PILOT] },
    locations: { includeLocations: ['All'], excludeLocations: [OFFICE] },
  },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  ...overrides,
});

const references: NamedReference[] = [
  { kind: 'user', id: BREAK_GLASS, displayName: 'Break Glass 1', userPrincipalName: 'bg1@contoso.com', exists: true },
  { kind: 'group', id: ADMINS, displayName: 'Tenant admins', exists: true },
  { kind: 'group', id: PILOT, displayName: 'MFA pilot', exists: true },
  { kind: 'role', id: GLOBAL_ADMIN, displayName: 'Global Administrator', roleTemplateId: GLOBAL_ADMIN, exists: true },
];

function source(policies: JsonObject[] = [mfaPolicy()], locations: JsonObject[] = [location(OFFICE, '10.0.0.0/8')]): ImportSet {
  const set = emptyImportSet();
  set.origin.tenantId = SOURCE_TENANT;
  set.sections.policies = policies;
  set.sections.namedLocations = locations;
  set.references = references;
  return set;
}

/** The source tenant as it is now: a restore target. */
const sameTenant = (over: Partial<PlanTarget> = {}): PlanTarget => ({
  tenantId: SOURCE_TENANT,
  policies: [mfaPolicy()],
  namedLocations: [location(OFFICE, '10.0.0.0/8')],
  authenticationStrengths: [],
  authenticationContexts: [],
  termsOfUse: [],
  directory: new Map(
    [BREAK_GLASS, ADMINS, PILOT].map((id) => [id, [{ id, kind: 'group', displayName: 'x', by: 'id' } satisfies TargetCandidate]]),
  ),
  ...over,
});

const candidate = (id: string, kind: TargetCandidate['kind'], displayName: string, by: TargetCandidate['by']): TargetCandidate => ({
  id,
  kind,
  displayName,
  by,
});

/** Another tenant: the break-glass account by its translated sign-in name, the admins group by name, no pilot group. */
const otherTenant = (over: Partial<PlanTarget> = {}): PlanTarget => ({
  tenantId: TARGET_TENANT,
  policies: [],
  namedLocations: [],
  authenticationStrengths: [],
  authenticationContexts: [],
  termsOfUse: [],
  directory: new Map([
    [BREAK_GLASS, [candidate('dddddddd-0000-0000-0000-000000000001', 'user', 'Break Glass 1', 'userPrincipalName')]],
    [ADMINS, [candidate('dddddddd-0000-0000-0000-000000000002', 'group', 'Tenant admins', 'displayName')]],
    [PILOT, []],
  ]),
  ...over,
});

const choices = (over: Partial<PlanChoices> = {}): PlanChoices => ({ ...defaultChoices(), ...over });

describe('terms of use a backup carries', () => {
  const TERMS = 'eeeeeeee-0000-0000-0000-000000000001';
  const withTerms = () => {
    const set = source([mfaPolicy({ grantControls: { operator: 'AND', builtInControls: ['mfa'], termsOfUse: [TERMS] } })], []);
    set.sections.termsOfUse = [{ id: TERMS, displayName: 'Partner terms of use' }];
    return set;
  };

  it('are named by the backup and found in the target by that name', () => {
    const target = otherTenant({ termsOfUse: [{ id: 'ffffffff-0000-0000-0000-000000000001', displayName: 'Partner terms of use' }] });
    const row = buildPlan(withTerms(), target, choices()).mapping.find((m) => m.kind === 'termsOfUse')!;
    expect(row).toMatchObject({ sourceName: 'Partner terms of use', status: 'match', why: 'Found by its name.' });
    expect(row.choice).toMatchObject({ targetId: 'ffffffff-0000-0000-0000-000000000001' });
  });

  it('say, when the target has none of that name, that the import cannot write them, by name and not by id', () => {
    const row = buildPlan(withTerms(), otherTenant(), choices()).mapping.find((m) => m.kind === 'termsOfUse')!;
    expect(row.status).toBe('none');
    expect(row.why).toContain('an import does not create terms of use');
    expect(row.problems.map((p) => p.text)).toEqual(["Choose what the terms of use 'Partner terms of use' becomes in this tenant."]);
  });
});

describe('a restore into the same tenant', () => {
  it('changes nothing when the tenant is as the backup has it', () => {
    const plan = buildPlan(source(), sameTenant(), choices({ states: 'source' }));
    expect(plan.sameTenant).toBe(true);
    expect(plan.rows.map((r) => [r.kind, r.action])).toEqual([
      ['namedLocation', 'reuse'],
      ['policy', 'skip'],
    ]);
    expect(plan.blockers).toEqual([]);
  });

  it('creates a deleted policy in report-only, without the fields the service owns, and puts a changed location back', () => {
    const plan = buildPlan(source(), sameTenant({ policies: [], namedLocations: [location(OFFICE, '192.168.0.0/16')] }), choices());
    const [loc, policy] = plan.rows;
    expect(loc).toMatchObject({ action: 'update', match: 'id', targetId: OFFICE });
    expect(policy).toMatchObject({ action: 'create', state: { choice: 'reportOnly', value: REPORT_ONLY } });
    for (const field of ['id', 'createdDateTime', 'modifiedDateTime', 'templateId']) expect(policy!.body).not.toHaveProperty(field);
    expect(policy!.body).toMatchObject({ displayName: 'CA001 Require MFA for admins', state: REPORT_ONLY });
    expect(JSON.stringify(policy!.body)).toContain(OFFICE);
    expect(plan.blockers).toEqual([]);
  });

  it('writes the states of the backup when asked, and keeps a policy’s current state on update by default', () => {
    const asBackup = buildPlan(source(), sameTenant({ policies: [] }), choices({ states: 'source' }));
    expect(asBackup.rows.at(-1)!.body).toMatchObject({ state: 'enabled' });

    const changed = mfaPolicy({ state: 'disabled', grantControls: { operator: 'OR', builtInControls: ['block'] } });
    const update = buildPlan(source(), sameTenant({ policies: [changed] }), choices()).rows.at(-1)!;
    expect(update).toMatchObject({ action: 'update', match: 'id', state: { choice: 'target', value: 'disabled' } });
    // Only what changes is sent, whole collections included.
    expect(update.body).toEqual({ grantControls: { builtInControls: ['mfa'] } });
  });

  it('writes a user-action policy off, since it cannot be report-only', () => {
    const registration = mfaPolicy({
      id: 'cccccccc-0000-0000-0000-000000000002',
      displayName: 'Register security info from the office',
      conditions: { applications: { includeUserActions: ['urn:user:registersecurityinfo'] }, users: { includeUsers: ['All'] } },
    });
    const plan = buildPlan(source([registration], []), sameTenant({ policies: [] }), choices());
    expect(plan.rows[0]!.state).toMatchObject({ choice: 'reportOnly', value: 'disabled' });
  });

  it('finds a policy renamed since the backup by its content, and a re-created one by its name', () => {
    const renamed = { ...mfaPolicy(), id: 'eeeeeeee-0000-0000-0000-000000000001', displayName: 'Admins: MFA' };
    const byContent = buildPlan(source(), sameTenant({ policies: [renamed] }), choices()).rows.at(-1)!;
    expect(byContent).toMatchObject({ action: 'update', match: 'content', targetId: renamed.id });
    expect(byContent.body).toEqual({ displayName: 'CA001 Require MFA for admins' });

    const recreated = { ...mfaPolicy(), id: 'eeeeeeee-0000-0000-0000-000000000002' };
    const byName = buildPlan(source(), sameTenant({ policies: [recreated] }), choices({ states: 'source' })).rows.at(-1)!;
    expect(byName).toMatchObject({ action: 'skip', match: 'name' });
  });
});

describe('a policy the tenant holds in Deleted policies', () => {
  const deleted = (overrides: JsonObject = {}) => mfaPolicy({ deletedDateTime: '2026-11-20T09:00:00Z', ...overrides });

  it('is restored by its id rather than created again, report-only by default, with only the change after the restore sent', () => {
    const plan = buildPlan(source(), sameTenant({ policies: [], deletedPolicies: [deleted()] }), choices());
    const policy = plan.rows.at(-1)!;
    expect(policy).toMatchObject({ action: 'restore', options: ['restore', 'create', 'skip'], targetId: mfaPolicy().id });
    expect(policy.why).toContain('In Deleted policies (deleted 2026-11-20)');
    expect(policy.state).toMatchObject({ choice: 'reportOnly', value: REPORT_ONLY });
    expect(policy.body).toEqual({ state: REPORT_ONLY });
    expect(policy.problems.map((p) => p.text)).toEqual([
      'It was On when deleted: restored, it enforces as it was until it is set to Report-only a moment later.',
    ]);
    expect(plan.counts).toMatchObject({ restore: 1, create: 0 });
  });

  it('comes back as it was deleted when asked, with nothing more to send and nothing to warn of', () => {
    const plan = buildPlan(
      source(),
      sameTenant({ policies: [], deletedPolicies: [deleted()] }),
      choices({ rows: { [`policy:${mfaPolicy().id}`]: { state: 'target' } } }),
    );
    const policy = plan.rows.at(-1)!;
    expect(policy).toMatchObject({ action: 'restore', state: { choice: 'target', value: 'enabled' }, body: {} });
    expect(policy.why).toContain('it comes back as planned');
    expect(policy.problems).toEqual([]);
  });

  it('may still be created as a new policy, and says the deleted one stays', () => {
    const plan = buildPlan(
      source(),
      sameTenant({ policies: [], deletedPolicies: [deleted()] }),
      choices({ rows: { [`policy:${mfaPolicy().id}`]: { action: 'create' } } }),
    );
    expect(plan.rows.at(-1)).toMatchObject({ action: 'create', targetId: null, why: expect.stringContaining('which stays there') });
  });

  it('guards the moment it is back as it was deleted: an On block of everyone could lock out the admin', () => {
    const blockAll = mfaPolicy({
      conditions: { applications: { includeApplications: ['All'] }, users: { includeUsers: ['All'] } },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    });
    const guard = { admin: { id: 'admin-1', name: 'Ada' }, emergency: { users: [], groups: [] } };
    const plan = buildPlan(
      source([blockAll], []),
      sameTenant({ policies: [], deletedPolicies: [{ ...blockAll, deletedDateTime: null }], guard }),
      choices(),
    );
    expect(plan.blockers.map((b) => b.text)).toEqual([
      expect.stringContaining('Could lock out Ada (you) in the moment it is back as it was deleted'),
    ]);
    // Its state cannot lift it (it applies after the restore): the way on said is Create on its row, not its state.
    expect(nextStep(plan.blockers[0]!)).toMatch(/^Its planned state applies only once it is back: choose Create on its row/);
    const created = buildPlan(
      source([blockAll], []),
      sameTenant({ policies: [], deletedPolicies: [{ ...blockAll, deletedDateTime: null }], guard }),
      choices({ rows: { [`policy:${blockAll.id}`]: { action: 'create' } } }),
    );
    expect(created.blockers.filter((b) => b.text.includes('in the moment it is back'))).toEqual([]);
  });

  it('of the same name but another id is not restored; the create warns that it may be the same policy', () => {
    const plan = buildPlan(source(), sameTenant({ policies: [], deletedPolicies: [deleted({ id: 'another-id' })] }), choices());
    const policy = plan.rows.at(-1)!;
    expect(policy.action).toBe('create');
    expect(policy.problems.map((p) => p.text)).toContain(
      'A deleted policy of this name is in Deleted policies (deleted 2026-11-20): if it is this policy, restore it from there instead of creating another.',
    );
  });

  it('names a deleted named location it needs: restored with its id before the policy, which keeps naming it', () => {
    const gone = { ...location(OFFICE, '10.0.0.0/8'), deletedDateTime: '2026-11-21T10:00:00Z' };
    const plan = buildPlan(source(), sameTenant({ policies: [], namedLocations: [], deletedNamedLocations: [gone] }), choices());
    const [loc, policy] = plan.rows;
    expect(loc).toMatchObject({ kind: 'namedLocation', action: 'restore', targetId: OFFICE, body: {}, problems: [] });
    expect(loc!.why).toBe('In deleted named locations (deleted 2026-11-21): restored with its id.');
    expect(JSON.stringify(policy!.body)).toContain(OFFICE);
    expect(plan.mapping.find((m) => m.sourceValue === OFFICE)?.choice).toMatchObject({ action: 'use', targetId: OFFICE });

    // Changed before it was deleted: put back as the backup has it after the restore.
    const changed = { ...location(OFFICE, '192.168.0.0/16'), deletedDateTime: '2026-11-21T10:00:00Z' };
    const again = buildPlan(source(), sameTenant({ policies: [], namedLocations: [], deletedNamedLocations: [changed] }), choices());
    expect(again.rows[0]!.why).toContain('then put back as the import has it');
    expect(again.rows[0]!.body).toMatchObject({ ipRanges: [{ cidrAddress: '10.0.0.0/8' }] });
  });

  it('counts against the service’s limit of 195 when restored', () => {
    // Other policies: none has the restored one's id, name or content.
    const many = Array.from({ length: 195 }, (_, i) =>
      mfaPolicy({
        id: `x${i}`,
        displayName: `Existing ${i}`,
        state: 'disabled',
        grantControls: { operator: 'OR', builtInControls: ['block'] },
      }),
    );
    const plan = buildPlan(source(), sameTenant({ policies: many, deletedPolicies: [deleted()] }), choices());
    expect(plan.blockers.map((b) => b.text)).toContain(
      'This tenant would hold 196 policies; the service allows 195. Leave out 1 of the new ones.',
    );
  });
});

describe('a change of the tenant’s own policies (no reference list)', () => {
  it('writes back as it is an object the policy names and the tenant no longer holds, without asking', () => {
    const GONE_USER = 'aaaaaaaa-0000-0000-0000-0000000000ee';
    const policy = mfaPolicy({
      conditions: { ...(mfaPolicy().conditions as JsonObject), users: { includeUsers: ['All'], excludeUsers: [BREAK_GLASS, GONE_USER] } },
    });
    const change = source([policy]);
    change.references = [];
    const plan = buildPlan(change, sameTenant({ policies: [mfaPolicy()] }), choices({ states: 'source' }));
    const row = plan.mapping.find((m) => m.sourceValue === GONE_USER)!;
    expect(row.status).toBe('gone');
    expect(row.choice).toEqual({ action: 'use', targetId: GONE_USER, targetName: GONE_USER });
    expect(plan.blockers.map((b) => b.text).join(' ')).not.toContain(GONE_USER);
    // Into another tenant, the same unknown object is still asked about.
    const copy = buildPlan(change, { ...sameTenant({ policies: [] }), tenantId: TARGET_TENANT }, choices());
    expect(copy.mapping.find((m) => m.sourceValue === GONE_USER)!.status).not.toBe('gone');
  });
});

describe('a copy into another tenant', () => {
  it('maps by sign-in name and name, and blocks on what it cannot map', () => {
    const plan = buildPlan(source(), otherTenant(), choices());
    const byValue = new Map(plan.mapping.map((m) => [m.sourceValue, m]));
    expect(byValue.get(BREAK_GLASS)).toMatchObject({
      status: 'match',
      choice: { action: 'use', targetId: 'dddddddd-0000-0000-0000-000000000001' },
    });
    expect(byValue.get(ADMINS)).toMatchObject({ status: 'match', why: 'Found by its name.' });
    expect(byValue.get(GLOBAL_ADMIN)).toMatchObject({ status: 'same' });
    expect(byValue.get(PILOT)).toMatchObject({ status: 'none', choice: null });
    // The named location is created first; the policy names it by the id it will get.
    expect(plan.rows.map((r) => [r.kind, r.action])).toEqual([
      ['namedLocation', 'create'],
      ['policy', 'create'],
    ]);
    const body = JSON.stringify(plan.rows[1]!.body);
    expect(body).toContain(pendingId('namedLocation:' + OFFICE));
    expect(body).toContain('dddddddd-0000-0000-0000-000000000001');
    expect(plan.blockers.map((b) => b.text)).toEqual(["Choose what the group 'MFA pilot' becomes in this tenant."]);
  });

  it('a dropped exclusion blocks until confirmed item by item; a created group is flagged empty', () => {
    const drop = { [`group:${PILOT}`]: { action: 'drop' as const } };
    const dropped = buildPlan(source(), otherTenant(), choices({ mapping: drop }));
    expect(dropped.blockers).toHaveLength(1);
    expect(dropped.blockers[0]!.text).toContain("Leaving out the group 'MFA pilot' widens 'CA001 Require MFA for admins'");
    expect(JSON.stringify(dropped.rows.at(-1)!.body)).not.toContain(PILOT);

    const confirmed = buildPlan(source(), otherTenant(), choices({ mapping: drop, confirmed: [dropped.blockers[0]!.confirmKey!] }));
    expect(confirmed.blockers).toEqual([]);

    const created = buildPlan(source(), otherTenant(), choices({ mapping: { [`group:${PILOT}`]: { action: 'create' } } }));
    expect(created.blockers).toEqual([]);
    expect(created.rows[0]).toMatchObject({ kind: 'group', action: 'create', displayName: 'MFA pilot' });
    expect(JSON.stringify(created.rows.at(-1)!.body)).toContain(pendingId(`group:group:${PILOT}`));
    expect(created.mapping.find((m) => m.sourceValue === PILOT)!.problems[0]!.text).toContain(
      'created empty: an exclusion through it excludes nobody',
    );
  });

  it('never overwrites a named location that only shares the name: it is reused and its difference shown', () => {
    const theirs = location('ffffffff-0000-0000-0000-000000000001', '172.16.0.0/12');
    const plan = buildPlan(
      source(),
      otherTenant({ namedLocations: [theirs] }),
      choices({ mapping: { [`group:${PILOT}`]: { action: 'create' } } }),
    );
    const loc = plan.rows.find((r) => r.kind === 'namedLocation')!;
    expect(loc).toMatchObject({ action: 'reuse', match: 'name', options: ['reuse', 'update'] });
    expect(loc.problems[0]!.text).toContain('IP ranges: the import has 10.0.0.0/8, this tenant has 172.16.0.0/12');
    expect(JSON.stringify(plan.rows.at(-1)!.body)).toContain(theirs.id);
  });

  it('a re-run after applying skips what is already there', () => {
    const mapping = { [`group:${PILOT}`]: { action: 'drop' as const } };
    const first = buildPlan(source(), otherTenant(), choices({ mapping, states: 'source' }));
    const locId = 'ffffffff-0000-0000-0000-000000000009';
    const written = JSON.parse(
      JSON.stringify(first.rows.at(-1)!.intended).replaceAll(pendingId(`namedLocation:${OFFICE}`), locId),
    ) as JsonObject;
    const target = otherTenant({
      policies: [{ ...written, id: 'ffffffff-0000-0000-0000-000000000010' }],
      namedLocations: [{ ...location(locId, '10.0.0.0/8') }],
    });
    const again = buildPlan(source(), target, choices({ mapping, states: 'source' }));
    expect(again.rows.map((r) => r.action)).toEqual(['reuse', 'skip']);
    expect(again.counts).toMatchObject({ create: 0, update: 0 });
  });

  it('proposes users by the domain map', () => {
    const refs = referencesToLookUp(source(), sourcePolicies(source()), [{ from: 'contoso.com', to: 'fabrikam.com' }]);
    expect(refs.find((r) => r.id === BREAK_GLASS)?.userPrincipalName).toBe('bg1@fabrikam.com');
  });

  it('the lock-out guard runs with the target’s emergency accounts when policies are written on', () => {
    const blockAll = mfaPolicy({
      conditions: { applications: { includeApplications: ['All'] }, users: { includeUsers: ['All'] } },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    });
    const guard = { admin: { id: 'admin-1', name: 'Ada' }, emergency: { users: [{ id: 'bg-target', name: 'BG' }], groups: [] } };
    const plan = buildPlan(source([blockAll], []), otherTenant({ guard }), choices({ states: 'source' }));
    expect(plan.blockers.map((b) => b.text)).toEqual([
      expect.stringContaining('Could lock out Ada (you)'),
      expect.stringContaining('Could lock out BG (emergency access)'),
    ]);
    const reportOnly = buildPlan(source([blockAll], []), otherTenant({ guard }), choices());
    expect(reportOnly.blockers).toEqual([]);

    // An app-only run (the command line) has no admin signed in: the emergency accounts alone are guarded.
    const appOnly = buildPlan(source([blockAll], []), otherTenant({ guard: { ...guard, admin: null } }), choices({ states: 'source' }));
    expect(appOnly.blockers.map((b) => b.text)).toEqual([expect.stringContaining('Could lock out BG (emergency access)')]);
  });

  it('refuses to pass the service’s limit of 195 policies', () => {
    const many = Array.from({ length: 195 }, (_, i) => mfaPolicy({ id: `x${i}`, displayName: `Existing ${i}`, state: 'disabled' }));
    const plan = buildPlan(source(), otherTenant({ policies: many }), choices({ mapping: { [`group:${PILOT}`]: { action: 'create' } } }));
    expect(plan.blockers.map((b) => b.text)).toContain(
      'This tenant would hold 196 policies; the service allows 195. Leave out 1 of the new ones.',
    );
  });

  it('says which row lifts each blocker, two policies of one name apart; the policy limit, lifted by no row, says none', () => {
    const blockAll = (id: string) =>
      mfaPolicy({
        id,
        displayName: 'CA900 Block all',
        conditions: { applications: { includeApplications: ['All'] }, users: { includeUsers: ['All'] } },
        grantControls: { operator: 'OR', builtInControls: ['block'] },
      });
    const guard = { admin: { id: 'admin-1', name: 'Ada' }, emergency: { users: [], groups: [] } };
    const many = Array.from({ length: 194 }, (_, i) => mfaPolicy({ id: `x${i}`, displayName: `Existing ${i}`, state: 'disabled' }));
    const plan = buildPlan(
      source([blockAll('twin-1'), blockAll('twin-2')], []),
      otherTenant({ policies: many, guard }),
      choices({ states: 'source' }),
    );
    const twins = plan.rows.filter((row) => row.displayName === 'CA900 Block all').map((row) => row.key);
    expect(twins).toHaveLength(2);
    const lockOuts = plan.blockers.filter((b) => b.text.includes('Could lock out Ada'));
    expect(lockOuts.map((b) => b.at)).toEqual(twins.map((key) => ({ table: 'rows', key })));
    const limit = plan.blockers.find((b) => b.text.startsWith('This tenant would hold'));
    expect(limit).toBeDefined();
    expect(limit!.at).toBeUndefined();
    // Survives the worker's postMessage (a structured clone) as it is.
    expect(structuredClone(plan.blockers)).toEqual(plan.blockers);
  });
});
