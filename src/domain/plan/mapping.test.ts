import { describe, expect, it } from 'vitest';
import { emptyImportSet, type ImportSet } from '../import/import-set';
import type { JsonObject } from '../json';
import { buildPlan, sourcePolicies } from './build-plan';
import { buildMapping, missingGroupCreates, NOT_CREATABLE, uncreatableGroups } from './mapping';
import { planObjects } from './object-rows';
import { defaultChoices, type MappingRow, type PlanChoices, type PlanTarget, type TargetCandidate } from './types';

const AI_ADMIN = 'd2562ede-74db-457e-a7b6-544e236ebb61';
const GRAPH_CLI = '14d82eec-204b-4c2f-b7e8-296a70dab67e';
const CUSTOM_ROLE = 'eeeeeeee-0000-0000-0000-000000000001';
const ADMINS = 'aaaaaaaa-0000-0000-0000-000000000002';
const PILOT = 'aaaaaaaa-0000-0000-0000-000000000003';
const CRM = 'dddddddd-0000-0000-0000-000000000001';

const policy = (displayName: string, conditions: JsonObject): JsonObject => ({
  id: `cccccccc-0000-0000-0000-${String(displayName.length).padStart(12, '0')}`,
  displayName,
  state: 'enabled',
  conditions: { clientAppTypes: ['all'], ...conditions },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
});

/** An export that carries bare ids and no reference table, as IntuneManagement writes one. */
function bareExport(policies: JsonObject[]): ImportSet {
  const set = emptyImportSet();
  set.origin.tenantId = '11111111-1111-1111-1111-111111111111';
  set.sections.policies = policies;
  return set;
}

/** Another tenant, whose lookups found nothing for any of these ids. */
const tenant = (ids: string[], found: Record<string, TargetCandidate[]> = {}): PlanTarget => ({
  tenantId: '22222222-2222-2222-2222-222222222222',
  policies: [],
  namedLocations: [],
  authenticationStrengths: [],
  authenticationContexts: [],
  termsOfUse: [],
  directory: new Map(ids.map((id) => [id, found[id] ?? []])),
});

function mapping(set: ImportSet, target: PlanTarget, choices: PlanChoices = defaultChoices()): MappingRow[] {
  return buildMapping(set, sourcePolicies(set), target, choices, new Map(), false);
}
const rowOf = (rows: MappingRow[], value: string) => rows.find((row) => row.sourceValue === value)!;
const texts = (row: MappingRow) => row.problems.map((p) => `${p.severity}: ${p.text}`);

describe('Microsoft’s own roles and apps', () => {
  const set = bareExport([
    policy('CA100 Admins MFA', {
      users: { includeRoles: [AI_ADMIN, CUSTOM_ROLE] },
      applications: { includeApplications: ['All'], excludeApplications: [GRAPH_CLI] },
    }),
  ]);
  const rows = mapping(set, tenant([AI_ADMIN, CUSTOM_ROLE, GRAPH_CLI]));

  it('are named, and proposed as the same id, even where the tenant’s lookup found nothing', () => {
    expect(rowOf(rows, AI_ADMIN)).toMatchObject({
      sourceName: 'AI Administrator',
      status: 'same',
      why: 'A built-in role: its template id is the same in every tenant.',
      choice: { action: 'use', targetId: AI_ADMIN, targetName: 'AI Administrator' },
      problems: [],
    });
    expect(rowOf(rows, GRAPH_CLI)).toMatchObject({
      sourceName: 'Microsoft Graph Command Line Tools',
      status: 'same',
      why: 'A Microsoft app: its application id is the same in every tenant.',
      choice: { action: 'use', targetId: GRAPH_CLI },
      problems: [],
    });
  });

  it('are told apart from a custom role, whose id is its own tenant’s and still asks', () => {
    expect(rowOf(rows, CUSTOM_ROLE)).toMatchObject({ sourceName: null, status: 'none', choice: null });
    expect(rowOf(rows, CUSTOM_ROLE).problems.map((p) => p.severity)).toEqual(['blocker']);
  });

  it('keep what the tenant found when it found the app by its appId', () => {
    const found = tenant([GRAPH_CLI], {
      [GRAPH_CLI]: [{ id: GRAPH_CLI, kind: 'application', displayName: 'Microsoft Graph Command Line Tools', by: 'appId' }],
    });
    expect(rowOf(mapping(set, found), GRAPH_CLI)).toMatchObject({ status: 'match', why: 'Found by its application id.' });
  });
});

describe('leaving out an included reference', () => {
  const admins = policy('CA101 Admins', {
    users: { includeRoles: [AI_ADMIN], includeGroups: [ADMINS] },
    applications: { includeApplications: ['All'] },
  });
  const crm = policy('CA2 CRM', { users: { includeUsers: ['All'] }, applications: { includeApplications: [CRM] } });
  const set = bareExport([admins, crm]);
  const target = tenant([AI_ADMIN, ADMINS, CRM], {
    [ADMINS]: [{ id: 'ffffffff-0000-0000-0000-000000000001', kind: 'group', displayName: 'Tenant admins', by: 'displayName' }],
  });
  const drop = (...keys: string[]): PlanChoices => ({
    ...defaultChoices(),
    mapping: Object.fromEntries(keys.map((key) => [key, { action: 'drop' } as const])),
  });

  it('warns what the policy no longer covers, and that it still includes something else', () => {
    const rows = mapping(set, target, drop(`role:${AI_ADMIN}`));
    expect(texts(rowOf(rows, AI_ADMIN))).toEqual([
      "warning: Leaving out the role 'AI Administrator' narrows 'CA101 Admins': it is in the included roles, so the policy no longer applies to the holders of this role.",
      "warning: It was the last of the included roles of 'CA101 Admins': the policy still applies through what else it includes.",
    ]);
  });

  it('says Graph refuses a policy left including no one, which the plan then blocks', () => {
    const choices = drop(`role:${AI_ADMIN}`, `group:${ADMINS}`);
    const rows = mapping(set, target, choices);
    expect(texts(rowOf(rows, ADMINS))).toContain(
      "warning: 'CA101 Admins' then includes no one: Graph refuses a policy that includes no users, groups, roles, guests or workload identities, so the plan blocks it until something stands for the group aaaaaaaa-0000-0000-0000-000000000002 or the policy is left out of the plan.",
    );
    expect(rowOf(rows, AI_ADMIN).problems.every((p) => p.severity === 'warning')).toBe(true);
    const plan = buildPlan(set, target, choices);
    const row = plan.rows.find((r) => r.displayName === 'CA101 Admins')!;
    expect(row.problems.map((p) => p.text)).toContain(
      'Graph would refuse it: Include users (use ["None"] to include nobody) or workload identities.',
    );
  });

  it('names a policy whose name could turn the sentence (right-to-left letters) isolated', () => {
    const hebrew = policy('מדיניות 2', {
      users: { includeRoles: [AI_ADMIN, CUSTOM_ROLE] },
      applications: { includeApplications: ['All'] },
    });
    const rows = mapping(bareExport([hebrew]), tenant([AI_ADMIN, CUSTOM_ROLE]), drop(`role:${AI_ADMIN}`));
    expect(texts(rowOf(rows, AI_ADMIN))[0]).toBe(
      "warning: Leaving out the role 'AI Administrator' narrows '\u2068מדיניות 2\u2069': it is in the included roles, so the policy no longer applies to the holders of this role.",
    );
  });

  it('says Graph refuses a policy left targeting nothing', () => {
    const rows = mapping(set, target, drop(`application:${CRM}`));
    expect(texts(rowOf(rows, CRM))).toEqual([
      `warning: Leaving out the application ${CRM} narrows 'CA2 CRM': it is in the included resources, so the policy no longer applies to sign-ins to this resource.`,
      `warning: 'CA2 CRM' then targets nothing: Graph refuses a policy that targets no resource, user action or authentication context, so the plan blocks it until something stands for the application ${CRM} or the policy is left out of the plan.`,
    ]);
  });

  it('says nothing when the reference was gone in the source too', () => {
    const gone = bareExport([admins]);
    gone.references = [{ kind: 'role', id: AI_ADMIN, displayName: 'AI Administrator', exists: false }];
    expect(rowOf(mapping(gone, target), AI_ADMIN).problems).toEqual([]);
  });
});

describe('the words of the proposals', () => {
  it('speak of the tenant, not of a target the admin never named', () => {
    const set = bareExport([policy('CA3', { users: { includeGroups: [PILOT] }, applications: { includeApplications: ['All'] } })]);
    const pilot = rowOf(mapping(set, tenant([PILOT])), PILOT);
    expect(pilot.why).toBe('Nothing in the tenant matches it.');
    // Templates and restored backups are written into the tenant the admin is in: "the target" is a copy's word.
    expect(texts(pilot)).toEqual([`blocker: Choose what the group ${PILOT} becomes in this tenant. ${NOT_CREATABLE}`]);
    const location: JsonObject = { '@odata.type': '#microsoft.graph.countryNamedLocation', id: 'loc-1', displayName: 'Nordics' };
    const { rows } = planObjects('namedLocation', [location], tenant([]), defaultChoices(), false, new Set());
    expect(rows[0]!.why).toBe('Not in the tenant.');
    const reused = planObjects(
      'namedLocation',
      [location],
      { ...tenant([]), namedLocations: [location] },
      defaultChoices(),
      false,
      new Set(),
    );
    expect(reused.rows[0]!.why).toBe('Already in the tenant, the same.');
  });
});

describe('creating every missing group', () => {
  it('sets create only for groups that nothing stands for and the admin has not decided', () => {
    const set = bareExport([
      policy('CA4', {
        users: { includeGroups: [PILOT, ADMINS, 'aaaaaaaa-0000-0000-0000-000000000009'], includeRoles: [CUSTOM_ROLE] },
        applications: { includeApplications: ['All'] },
      }),
    ]);
    set.references = [{ kind: 'group', id: PILOT, displayName: 'MFA pilot', exists: true }];
    const target = tenant([PILOT, ADMINS, CUSTOM_ROLE, 'aaaaaaaa-0000-0000-0000-000000000009'], {
      [ADMINS]: [{ id: 'ffffffff-0000-0000-0000-000000000001', kind: 'group', displayName: 'Tenant admins', by: 'displayName' }],
    });
    const choices = { ...defaultChoices(), mapping: { 'group:aaaaaaaa-0000-0000-0000-000000000009': { action: 'drop' } as const } };
    expect(missingGroupCreates(mapping(set, target, choices))).toEqual({ [`group:${PILOT}`]: { action: 'create' } });
  });
});

describe('a group the import knows only by its id', () => {
  // As the seed template 'Require MFA for privileged accounts' has it: an excluded group, no name anywhere in the file.
  const EXCLUDED = 'f753047e-de31-4c74-a6fb-c38589047723';
  const NAMED = 'aaaaaaaa-0000-0000-0000-000000000010';
  const set = bareExport([
    policy('Template 2 - Require MFA for Privileged Accounts', {
      users: { includeRoles: [AI_ADMIN], excludeGroups: [EXCLUDED, NAMED] },
      applications: { includeApplications: ['All'] },
    }),
  ]);
  set.references = [{ kind: 'group', id: NAMED, displayName: 'Break glass', exists: true }];
  const target = tenant([EXCLUDED, NAMED, AI_ADMIN]);

  it('cannot be created, and its row says why and what to do instead', () => {
    const rows = mapping(set, target);
    expect(rowOf(rows, EXCLUDED).canCreate).toBe(false);
    expect(texts(rowOf(rows, EXCLUDED))).toEqual([`blocker: Choose what the group ${EXCLUDED} becomes in this tenant. ${NOT_CREATABLE}`]);
    expect(NOT_CREATABLE).toBe('Its name is not in the import, so it cannot be created: choose a group of this tenant, or leave it out.');
    expect(rowOf(rows, NAMED).canCreate).toBe(true);
  });

  it('is left out of creating every missing group, which counts it as left to choose', () => {
    const rows = mapping(set, target);
    expect(missingGroupCreates(rows)).toEqual({ [`group:${NAMED}`]: { action: 'create' } });
    expect(uncreatableGroups(rows)).toBe(1);
  });

  it('is not created by a saved choice either: the plan creates no group named by an id', () => {
    const choices = {
      ...defaultChoices(),
      mapping: { [`group:${EXCLUDED}`]: { action: 'create' } as const, [`group:${NAMED}`]: { action: 'create' } as const },
    };
    const row = rowOf(mapping(set, target, choices), EXCLUDED);
    expect(row.choice).toBeNull();
    expect(texts(row)).toEqual([`blocker: Choose what the group ${EXCLUDED} becomes in this tenant. ${NOT_CREATABLE}`]);
    const plan = buildPlan(set, target, choices);
    expect(plan.rows.filter((r) => r.kind === 'group').map((r) => [r.displayName, r.action])).toEqual([['Break glass', 'create']]);
  });

  it('is not created under a name that is itself an id', () => {
    const filled = { ...set, references: [{ kind: 'group' as const, id: EXCLUDED, displayName: EXCLUDED.toUpperCase(), exists: true }] };
    expect(rowOf(mapping(filled, target), EXCLUDED).canCreate).toBe(false);
  });
});
