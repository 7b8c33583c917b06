import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { buildPlan } from '../plan/build-plan';
import { defaultChoices, type PlanTarget } from '../plan/types';
import { REPORT_ONLY } from '../types';
import { baselineTemplates } from './baselines';
import { fillBlanks, findBlanks } from './blanks';
import { CURRENT_ADMIN_BLANK, fromMicrosoftTemplate, type GalleryTemplate } from './gallery-template';
import { matchTemplates } from './match-tenant';
import { prerequisitesOf } from './prerequisites';
import { policyAsTemplate } from './save-as-template';
import { templatesImport } from './template-import';

const ADMIN = 'ad000000-0000-4000-8000-000000000001';
const BREAK_GLASS_GROUP = 'b9000000-0000-4000-8000-000000000001';
const BREAK_GLASS_USER = 'b9000000-0000-4000-8000-000000000002';
const FINANCE = 'f1000000-0000-4000-8000-000000000001';
const DIR_SYNC = 'd29b2b05-8046-44ba-8758-1e26182fcf32';

const details = (users: JsonObject, extra: JsonObject = {}): Record<string, unknown> => ({
  sessionControls: null,
  conditions: {
    userRiskLevels: [],
    signInRiskLevels: [],
    clientAppTypes: ['all'],
    platforms: null,
    applications: { includeApplications: ['All'], excludeApplications: [], includeUserActions: [] },
    users: { includeUsers: [], excludeUsers: ['Current administrator will be excluded'], includeGroups: [], excludeGroups: [], ...users },
    ...extra,
  },
  grantControls: {
    operator: 'OR',
    builtInControls: ['mfa'],
    customAuthenticationFactors: [],
    termsOfUse: [],
    authenticationStrength: null,
  },
});

const mfaAll = fromMicrosoftTemplate({
  id: 'a3d0a415-b068-4326-9251-f9cdf9feeb64',
  name: 'Require multifactor authentication for all users',
  description: 'All users, MFA.',
  scenarios: 'secureFoundation,zeroTrust,remoteWork',
  details: details({ includeUsers: ['All'], excludeRoles: [DIR_SYNC] }),
});
const agents = fromMicrosoftTemplate({
  id: 'c5bf9137-a43c-48e1-9d13-8258b31b855d',
  name: 'Block all agent identities from accessing resources',
  description: 'Agents blocked.',
  scenarios: 'aiAgents',
  details: { ...details({ includeUsers: ['None'], excludeUsers: [] }), grantControls: { operator: 'OR', builtInControls: ['block'] } },
});
const risky = fromMicrosoftTemplate({
  id: '6b619f55-792e-45dc-9711-d83ec9d7ae90',
  name: 'Require multifactor authentication for risky sign-ins',
  description: 'Risk.',
  scenarios: 'zeroTrust,remoteWork',
  details: details({ includeUsers: ['All'] }, { signInRiskLevels: ['high', 'medium'] }),
});

const tenantPolicy = (name: string, over: JsonObject): JsonObject => ({
  id: `0000000${name.length}-0000-4000-8000-${String(name.length).padStart(12, '0')}`,
  templateId: null,
  displayName: name,
  state: 'enabled',
  createdDateTime: '2025-01-01T00:00:00Z',
  conditions: { clientAppTypes: ['all'], applications: { includeApplications: ['All'] }, users: { includeUsers: ['All'] } },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  ...over,
});

describe('Microsoft’s templates in the gallery', () => {
  it('keep their id, their scenarios as Graph sends them (aiAgents too) and a blank for the current administrator', () => {
    expect(mfaAll.templateId).toBe('a3d0a415-b068-4326-9251-f9cdf9feeb64');
    expect(agents.scenarios).toEqual(['aiAgents']);
    expect(mfaAll.policy.state).toBe(REPORT_ONLY);
    expect(mfaAll.policy.displayName).toBe('Require multifactor authentication for all users');
    expect(JSON.stringify(mfaAll.policy)).not.toContain('Current administrator will be excluded');
    expect(findBlanks([mfaAll.policy])).toEqual([
      { value: CURRENT_ADMIN_BLANK, name: 'CURRENT ADMINISTRATOR', kind: 'user', places: ['excluded users'], exclusion: true },
    ]);
  });
});

describe('blanks', () => {
  it('are filled with users in the users place and groups in the groups place beside it, without duplicates', () => {
    const filled = fillBlanks(
      mfaAll.policy,
      new Map([
        [
          CURRENT_ADMIN_BLANK,
          [
            { kind: 'user' as const, id: ADMIN, displayName: 'Ada' },
            { kind: 'user' as const, id: ADMIN.toUpperCase(), displayName: 'Ada again' },
            { kind: 'group' as const, id: BREAK_GLASS_GROUP, displayName: 'Emergency' },
          ],
        ],
      ]),
    );
    const users = (filled.conditions as JsonObject).users as JsonObject;
    expect(users.excludeUsers).toEqual([ADMIN]);
    expect(users.excludeGroups).toEqual([BREAK_GLASS_GROUP]);
    expect(users.excludeRoles).toEqual([DIR_SYNC]);
    expect(findBlanks([filled])).toEqual([]);
  });

  it('of roles, applications and locations are filled in their own places', () => {
    const policy: JsonObject = {
      displayName: 'x',
      conditions: {
        users: { includeRoles: ['<ADMIN ROLE>'] },
        applications: { includeApplications: ['<APP>'] },
        locations: { includeLocations: ['All'], excludeLocations: ['<OFFICE>'] },
      },
    };
    const filled = fillBlanks(
      policy,
      new Map([
        ['<ADMIN ROLE>', [{ kind: 'role' as const, id: '62e90394-69f5-4237-9190-012177145e10', displayName: 'Global Administrator' }]],
        ['<APP>', [{ kind: 'application' as const, id: '00000003-0000-0ff1-ce00-000000000000', displayName: 'SharePoint' }]],
        ['<OFFICE>', [{ kind: 'namedLocation' as const, id: 'e0000000-0000-4000-8000-000000000009', displayName: 'Office' }]],
      ]),
    );
    expect(filled.conditions).toEqual({
      users: { includeRoles: ['62e90394-69f5-4237-9190-012177145e10'] },
      applications: { includeApplications: ['00000003-0000-0ff1-ce00-000000000000'] },
      locations: { includeLocations: ['All'], excludeLocations: ['e0000000-0000-4000-8000-000000000009'] },
    });
  });

  it('not filled stay in the policy, for the plan to ask about', () => {
    const filled = fillBlanks(mfaAll.policy, new Map());
    expect(findBlanks([filled]).map((b) => b.value)).toEqual([CURRENT_ADMIN_BLANK]);
  });
});

describe('the gallery against a tenant', () => {
  const templates: GalleryTemplate[] = [mfaAll, agents, risky];

  it('finds a policy created from a template by its templateId, whatever its name, and says whether it differs', () => {
    const created = tenantPolicy('Our MFA', {
      templateId: mfaAll.templateId,
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    });
    const [status] = matchTemplates([mfaAll], [created]).map((m) => m.status);
    expect(status).toEqual({ kind: 'present', by: 'templateId', policy: created, identical: false });
  });

  it('finds a template by content, names, state and the tenant’s own exclusions aside', () => {
    const ours = tenantPolicy('CA001: MFA for everyone', {
      state: 'disabled',
      conditions: {
        clientAppTypes: ['all'],
        applications: { includeApplications: ['All'] },
        users: { includeUsers: ['All'], excludeUsers: [BREAK_GLASS_USER], excludeGroups: [BREAK_GLASS_GROUP], excludeRoles: [DIR_SYNC] },
      },
    });
    const matches = matchTemplates(templates, [ours]);
    expect(matches[0]!.status).toEqual({ kind: 'present', by: 'content', policy: ours, identical: true });
    // The same policy is not the risky sign-in template: it lacks the risk condition, the rest alike.
    expect(matches[2]!.status.kind).toBe('gap');
    expect(matches[1]!.status).toEqual({ kind: 'gap' });
  });

  it('calls a policy with the same controls and all but one part alike similar, not present', () => {
    const close = tenantPolicy('MFA except roles', {
      conditions: { clientAppTypes: ['all'], applications: { includeApplications: ['All'] }, users: { includeUsers: ['All'] } },
    });
    const [match] = matchTemplates([mfaAll], [close]);
    expect(match!.status).toMatchObject({ kind: 'similar', policy: close });
    expect(match!.status.kind === 'similar' && match!.status.differ).toEqual(['users']);
  });

  it('names a condition that differs in the admin center’s words', () => {
    const browserOnly = tenantPolicy('MFA in browsers', {
      conditions: {
        clientAppTypes: ['browser'],
        applications: { includeApplications: ['All'] },
        users: { includeUsers: ['All'], excludeRoles: [DIR_SYNC] },
      },
    });
    const [match] = matchTemplates([mfaAll], [browserOnly]);
    expect(match!.status).toMatchObject({ kind: 'similar', differ: ['client apps'] });
  });

  it('of several policies one part away, proposes the closest, whatever their order', () => {
    const conditions = { clientAppTypes: ['all'], applications: { includeApplications: ['All'] } };
    const guests = {
      ...mfaAll,
      policy: { ...mfaAll.policy, conditions: { ...conditions, users: { includeUsers: ['GuestsOrExternalUsers'] } } },
    };
    const everyone = tenantPolicy('MFA for everyone but admins', {
      conditions: { ...conditions, users: { includeUsers: ['All'], excludeRoles: [DIR_SYNC] } },
    });
    const someGuests = tenantPolicy('MFA for guests and one partner', {
      conditions: { ...conditions, users: { includeUsers: ['GuestsOrExternalUsers', 'partner-user'] } },
    });
    for (const order of [
      [everyone, someGuests],
      [someGuests, everyone],
    ])
      expect(matchTemplates([guests], order)[0]!.status).toMatchObject({ kind: 'similar', policy: someGuests, differ: ['users'] });
  });
});

describe('prerequisites', () => {
  it('name P2 for risk, Intune for compliant devices and app protection, nothing for plain MFA', () => {
    expect(prerequisitesOf(risky.policy).map((p) => p.id)).toEqual(['p2-risk']);
    expect(prerequisitesOf(mfaAll.policy)).toEqual([]);
    const mam = baselineTemplates().find((t) => t.name.includes('MAM'))!;
    expect(prerequisitesOf(mam.policy).map((p) => p.id)).toEqual(['intune-app-protection']);
    const device = { ...mfaAll.policy, grantControls: { operator: 'OR', builtInControls: ['compliantDevice', 'domainJoinedDevice'] } };
    expect(prerequisitesOf(device).map((p) => p.id)).toEqual(['intune-compliance', 'hybrid-join']);
    expect(prerequisitesOf(agents.policy)).toEqual([]);
  });
});

describe('shipped baselines', () => {
  it('are Microsoft’s six API samples, their stand-in groups named blanks, attributed', () => {
    const baselines = baselineTemplates();
    expect(baselines).toHaveLength(6);
    for (const baseline of baselines) {
      expect(baseline.attribution).toMatch(/MIT/);
      expect(JSON.stringify(baseline.policy)).not.toContain('f753047e-de31-4c74-a6fb-c38589047723');
      expect(findBlanks([baseline.policy]).map((b) => b.value)).toContain('<EXCLUDED GROUP>');
    }
  });
});

describe('a policy saved as a template', () => {
  it('has its users, groups and named locations replaced by named blanks; roles and built-in values stay', () => {
    const policy = tenantPolicy('Finance MFA', {
      conditions: {
        clientAppTypes: ['all'],
        applications: { includeApplications: ['All'] },
        users: { includeGroups: [FINANCE], excludeUsers: [BREAK_GLASS_USER, 'GuestsOrExternalUsers'], excludeRoles: [DIR_SYNC] },
        locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted', 'e0000000-0000-4000-8000-000000000001'] },
      },
    });
    const names = {
      names: new Map([
        [`group:${FINANCE}`, { id: FINANCE, kind: 'group' as const, displayName: 'Finance <EU>' }],
        [`user:${BREAK_GLASS_USER}`, { id: BREAK_GLASS_USER, kind: 'user' as const, displayName: 'Break glass 2' }],
      ]),
      failures: [],
    };
    const template = policyAsTemplate({ policy, names, id: 't1', savedAt: '2026-11-30T20:00:00Z' });
    const conditions = template.policy.conditions as JsonObject;
    expect(conditions.users).toEqual({
      includeGroups: ['<GROUP: Finance EU>'],
      excludeUsers: ['<USER: Break glass 2>', 'GuestsOrExternalUsers'],
      excludeRoles: [DIR_SYNC],
    });
    expect((conditions.locations as JsonObject).excludeLocations).toEqual(['AllTrusted', '<LOCATION: e0000000>']);
    expect(template.policy).not.toHaveProperty('id');
    expect(template.policy.state).toBe(REPORT_ONLY);
    expect(template.source).toBe('tenant');
  });
});

describe('templates deployed as one plan', () => {
  const target: PlanTarget = {
    tenantId: '22222222-2222-2222-2222-222222222222',
    policies: [],
    namedLocations: [],
    authenticationStrengths: [],
    authenticationContexts: [],
    termsOfUse: [],
    directory: new Map(),
  };

  it('creates each template report-only, its filled blanks written and the unfilled ones asked for by the mapping', () => {
    const registration = fromMicrosoftTemplate({
      id: 'b8bda7f8-6584-4446-bce9-d871480e53fa',
      name: 'Securing security info registration',
      description: 'Registration.',
      scenarios: 'secureFoundation',
      details: {
        ...details({ includeUsers: ['All'], excludeUsers: ['<BREAK GLASS>', 'Current administrator will be excluded'] }),
        conditions: {
          clientAppTypes: ['all'],
          applications: { includeApplications: [], includeUserActions: ['urn:user:registersecurityinfo'] },
          users: { includeUsers: ['All'], excludeUsers: ['<BREAK GLASS>', 'Current administrator will be excluded'] },
        },
      },
    });
    const source = templatesImport(
      [mfaAll, registration],
      new Map([[CURRENT_ADMIN_BLANK, [{ kind: 'user', id: ADMIN, displayName: 'Ada' }]]]),
    );
    expect(source.references).toEqual([{ kind: 'user', id: '<BREAK GLASS>', displayName: 'BREAK GLASS', exists: true, placeholder: true }]);
    const plan = buildPlan(source, target, defaultChoices());
    const rows = plan.rows.filter((r) => r.kind === 'policy');
    expect(rows.map((r) => [r.displayName, r.action, r.state?.value])).toEqual([
      ['Require multifactor authentication for all users', 'create', REPORT_ONLY],
      // A user action cannot be report-only: the planner writes it Off.
      ['Securing security info registration', 'create', 'disabled'],
    ]);
    expect(((rows[0]!.body!.conditions as JsonObject).users as JsonObject).excludeUsers).toEqual([ADMIN]);
    const blank = plan.mapping.find((m) => m.sourceValue === '<BREAK GLASS>')!;
    expect(blank.status).toBe('none');
    expect(blank.uses.map((u) => u.policyName)).toEqual(['Securing security info registration']);
  });
});
