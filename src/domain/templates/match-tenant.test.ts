import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { fromMicrosoftTemplate } from './gallery-template';
import { matchTemplates } from './match-tenant';

const DIR_SYNC_ROLE = 'd29b2b05-8046-44ba-8758-1e26182fcf32';
const EMERGENCY_GROUP = 'e0000000-0000-4000-8000-000000000001';
const SYNC_ACCOUNT = 'e0000000-0000-4000-8000-000000000002';
const FABRIKAM = 'e0000000-0000-4000-8000-000000000003';
const ALL_GUEST_TYPES = 'internalGuest,b2bCollaborationGuest,b2bCollaborationMember,b2bDirectConnectUser,otherExternalUser,serviceProvider';

// Microsoft's templates as the demo tenant's Graph returns them (src/emulator/seed/templates.ts), written out.
const microsoftTemplate = (id: string, name: string, users: JsonObject, conditions: JsonObject = {}, controls = ['mfa']) =>
  fromMicrosoftTemplate({
    id,
    name,
    description: name,
    scenarios: 'zeroTrust',
    details: {
      conditions: {
        userRiskLevels: [],
        signInRiskLevels: [],
        clientAppTypes: ['all'],
        platforms: null,
        locations: null,
        applications: { includeApplications: ['All'], excludeApplications: [], includeUserActions: [] },
        users: {
          includeUsers: [],
          excludeUsers: ['Current administrator will be excluded'],
          includeGroups: [],
          excludeGroups: [],
          includeRoles: [],
          excludeRoles: [],
          includeGuestsOrExternalUsers: null,
          excludeGuestsOrExternalUsers: null,
          ...users,
        },
        ...conditions,
      },
      grantControls: {
        operator: 'OR',
        builtInControls: controls,
        customAuthenticationFactors: [],
        termsOfUse: [],
        authenticationStrength: null,
      },
      sessionControls: null,
    },
  });
const guestMfa = microsoftTemplate('a4072ac0-722b-4991-981b-7f9755daef14', 'Require multifactor authentication for guest access', {
  includeUsers: ['GuestsOrExternalUsers'],
});
const everyoneMfa = microsoftTemplate('a3d0a415-b068-4326-9251-f9cdf9feeb64', 'Require multifactor authentication for all users', {
  includeUsers: ['All'],
  excludeRoles: [DIR_SYNC_ROLE],
});
const legacyBlock = microsoftTemplate(
  '0b2282f9-2862-4178-88b5-d79340b36cb8',
  'Block legacy authentication',
  { includeUsers: ['All'] },
  { clientAppTypes: ['exchangeActiveSync', 'other'] },
  ['block'],
);

// The demo tenant's policies (src/emulator/seed/contoso.ts and contoso-preprod.ts) as Graph returns them, written out.
const tenantPolicy = (name: string, users: JsonObject, conditions: JsonObject = {}, controls = ['mfa']): JsonObject => ({
  id: `00000000-0000-4000-8000-${name.slice(2, 5).padStart(12, '0')}`,
  templateId: null,
  displayName: name,
  state: 'enabled',
  conditions: { clientAppTypes: ['all'], ...conditions, applications: { includeApplications: ['All'] }, users, clientApplications: null },
  grantControls: { operator: 'OR', builtInControls: controls },
  sessionControls: null,
});
const ca001 = tenantPolicy('CA001: Require MFA for all users', {
  includeUsers: ['All'],
  excludeGroups: [EMERGENCY_GROUP],
  excludeUsers: [SYNC_ACCOUNT],
  excludeRoles: [DIR_SYNC_ROLE],
});
const ca002 = tenantPolicy(
  'CA002: Block legacy authentication',
  { includeUsers: ['All'], excludeGroups: [EMERGENCY_GROUP] },
  { clientAppTypes: ['exchangeActiveSync', 'other'] },
  ['block'],
);
const ca014 = tenantPolicy('CA014: Require MFA for all guests', {
  includeGuestsOrExternalUsers: {
    guestOrExternalUserTypes: ALL_GUEST_TYPES,
    externalTenants: { '@odata.type': '#microsoft.graph.conditionalAccessAllExternalTenants', membershipKind: 'all' },
  },
});
const fabrikamGuests = tenantPolicy('CA038: Try - require MFA for guests from Fabrikam', {
  includeGuestsOrExternalUsers: {
    guestOrExternalUserTypes: 'b2bCollaborationGuest',
    externalTenants: {
      '@odata.type': '#microsoft.graph.conditionalAccessEnumeratedExternalTenants',
      membershipKind: 'enumerated',
      members: [FABRIKAM],
    },
  },
});

const closest = (template: typeof guestMfa, policies: JsonObject[]) => matchTemplates([template], policies)[0]!.status;

describe('the gallery on the demo tenant', () => {
  it('matches the guest template with the tenant’s MFA for all guests, not its MFA for all users, whatever their order', () => {
    // The template names guests the old way (includeUsers GuestsOrExternalUsers), CA014 the new (every type, all tenants).
    for (const order of [
      [ca001, ca002, ca014],
      [ca014, ca002, ca001],
    ])
      expect(closest(guestMfa, order)).toMatchObject({ kind: 'similar', policy: ca014, differ: ['users'] });
  });

  it('prefers a policy for some guests to one for everyone, and falls back to MFA for everyone when no policy names guests', () => {
    expect(closest(guestMfa, [ca001, fabrikamGuests])).toMatchObject({ kind: 'similar', policy: fabrikamGuests });
    expect(closest(guestMfa, [ca001, fabrikamGuests, ca014])).toMatchObject({ kind: 'similar', policy: ca014 });
    expect(closest(guestMfa, [ca001, ca002])).toMatchObject({ kind: 'similar', policy: ca001, differ: ['users'] });
  });

  it('keeps the templates the tenant has: MFA for all users is CA001, legacy authentication CA002, guests there or not', () => {
    const policies = [ca001, ca002, ca014];
    expect(closest(everyoneMfa, policies)).toEqual({ kind: 'present', by: 'content', policy: ca001, identical: true });
    expect(closest(legacyBlock, policies)).toEqual({ kind: 'present', by: 'content', policy: ca002, identical: true });
  });
});

describe('the agent templates on the demo tenant', () => {
  // As Microsoft's template and Contoso's CA023 are written (src/emulator/seed/templates.ts, contoso.ts).
  const agentsBlocked = fromMicrosoftTemplate({
    id: 'c5bf9137-a43c-48e1-9d13-8258b31b855d',
    name: 'Block all agent identities from accessing resources',
    description: 'Every agent identity is blocked; exclude the agents you trust.',
    scenarios: 'aiAgents',
    details: {
      conditions: {
        applications: { includeApplications: ['All'], excludeApplications: [], includeUserActions: [] },
        users: { includeUsers: ['None'], excludeUsers: [], includeGroups: [], excludeGroups: [], includeRoles: [], excludeRoles: [] },
        clientApplications: {
          includeServicePrincipals: [],
          includeAgentIdServicePrincipals: ['All'],
          excludeServicePrincipals: [],
          excludeAgentIdServicePrincipals: [],
          servicePrincipalFilter: null,
          agentIdServicePrincipalFilter: null,
        },
      },
      grantControls: {
        operator: 'OR',
        builtInControls: ['block'],
        customAuthenticationFactors: [],
        termsOfUse: [],
        authenticationStrength: null,
      },
      sessionControls: null,
    },
  });
  const blockAgents = (excluded: string[]): JsonObject => ({
    id: '00000000-0000-4000-8000-000000000023',
    displayName: 'CA023: Block agent identities from all resources',
    state: 'enabledForReportingButNotEnforced',
    conditions: {
      applications: { includeApplications: ['All'] },
      users: { includeUsers: ['None'] },
      clientApplications: { includeAgentIdServicePrincipals: ['All'], excludeAgentIdServicePrincipals: excluded },
    },
    grantControls: { operator: 'OR', builtInControls: ['block'] },
  });

  it('finds a policy that blocks every agent but those the tenant trusts: the template asks for those exclusions', () => {
    const trusting = blockAgents(['e0000000-0000-4000-8000-0000000000a1']);
    expect(closest(agentsBlocked, [ca001, trusting])).toEqual({ kind: 'present', by: 'content', policy: trusting, identical: true });
    // CA023 also blocks every agent user: one part more, near.
    const alsoAgentUsers = {
      ...trusting,
      conditions: { ...(trusting.conditions as JsonObject), users: { includeUsers: ['AllAgentIdUsers'] } },
    };
    expect(closest(agentsBlocked, [ca001, alsoAgentUsers])).toMatchObject({ kind: 'similar', policy: alsoAgentUsers, differ: ['users'] });
  });
});
