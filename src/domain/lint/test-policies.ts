// Policies for the lint's tests, in the shapes of the demo tenant's (Contoso) policies, written
// here rather than imported from the emulator's seed: domain tests do not depend on the emulator.
import type { JsonObject } from '../json';
import { HIGHLY_PRIVILEGED_ROLES } from './coverage';

export const NOW = new Date('2026-11-30T12:00:00Z');
export const EMERGENCY_GROUP = 'e1e1e1e1-0000-4000-8000-000000000001';
export const SERVICE_GROUP = 'e1e1e1e1-0000-4000-8000-000000000002';
export const GONE_GROUP = 'e1e1e1e1-0000-4000-8000-0000000000ff';
export const SYNC_ROLE = 'd29b2b05-8046-44ba-8758-1e26182fcf32';
export const PHISHING_RESISTANT = '00000000-0000-0000-0000-000000000004';

export interface Shape {
  name?: string;
  state?: string;
  users?: JsonObject;
  applications?: JsonObject;
  conditions?: JsonObject;
  grant?: JsonObject | null;
  session?: JsonObject | null;
  daysAgo?: number;
}

let counter = 0;

/** A policy as Graph returns it: read-only fields, every part present. */
export function policy(shape: Shape = {}): JsonObject {
  counter += 1;
  const created = new Date(NOW.getTime() - (shape.daysAgo ?? 5) * 86_400_000).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    templateId: null,
    displayName: shape.name ?? `Policy ${counter}`,
    createdDateTime: created,
    modifiedDateTime: null,
    state: shape.state ?? 'enabled',
    conditions: {
      clientAppTypes: ['all'],
      ...shape.conditions,
      applications: shape.applications ?? { includeApplications: ['All'] },
      users: shape.users ?? { includeUsers: ['All'], excludeGroups: [EMERGENCY_GROUP] },
      clientApplications: null,
    },
    grantControls:
      shape.grant === undefined ? { operator: 'OR', builtInControls: ['mfa'] } : shape.grant && { operator: 'OR', ...shape.grant },
    sessionControls: shape.session ?? null,
  };
}

const allButEmergency = { includeUsers: ['All'], excludeGroups: [EMERGENCY_GROUP] };

/** Contoso's protections, one shape each (CA001, CA002, CA003, CA004, CA011, CA012, CA014, CA018, CA022). */
export const demo = {
  mfaForAll: (s: Shape = {}) =>
    policy({ name: 'CA001: Require MFA for all users', users: { ...allButEmergency, excludeRoles: [SYNC_ROLE] }, ...s }),
  blockLegacy: (s: Shape = {}) =>
    policy({
      name: 'CA002: Block legacy authentication',
      conditions: { clientAppTypes: ['exchangeActiveSync', 'other'] },
      grant: { builtInControls: ['block'] },
      ...s,
    }),
  phishingResistantAdmins: (s: Shape = {}) =>
    policy({
      name: 'CA003: Require phishing-resistant MFA for admins',
      users: { includeRoles: HIGHLY_PRIVILEGED_ROLES.map((r) => r.id), excludeGroups: [EMERGENCY_GROUP] },
      grant: { builtInControls: [], authenticationStrength: { id: PHISHING_RESISTANT } },
      ...s,
    }),
  securityInfo: (s: Shape = {}) =>
    policy({
      name: 'CA004: Secure security info registration',
      users: { includeUsers: ['All'], excludeUsers: ['GuestsOrExternalUsers'], excludeGroups: [EMERGENCY_GROUP] },
      applications: { includeUserActions: ['urn:user:registersecurityinfo'] },
      conditions: { locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] } },
      ...s,
    }),
  signInRisk: (s: Shape = {}) =>
    policy({ name: 'CA011: Require MFA for medium and high sign-in risk', conditions: { signInRiskLevels: ['high', 'medium'] }, ...s }),
  userRisk: (s: Shape = {}) =>
    policy({
      name: 'CA012: Require password change for high user risk',
      conditions: { userRiskLevels: ['high'] },
      grant: { operator: 'AND', builtInControls: ['mfa', 'passwordChange'] },
      ...s,
    }),
  guests: (s: Shape = {}) =>
    policy({
      name: 'CA014: Require MFA for all guests',
      users: {
        includeGuestsOrExternalUsers: {
          guestOrExternalUserTypes:
            'internalGuest,b2bCollaborationGuest,b2bCollaborationMember,b2bDirectConnectUser,otherExternalUser,serviceProvider',
          externalTenants: { '@odata.type': '#microsoft.graph.conditionalAccessAllExternalTenants', membershipKind: 'all' },
        },
      },
      ...s,
    }),
  deviceCode: (s: Shape = {}) =>
    policy({
      name: 'CA018: Block device code flow',
      users: { includeUsers: ['All'], excludeGroups: [EMERGENCY_GROUP, SERVICE_GROUP] },
      conditions: { authenticationFlows: { transferMethods: 'deviceCodeFlow,authenticationTransfer' } },
      grant: { builtInControls: ['block'] },
      ...s,
    }),
  adminPortals: (s: Shape = {}) =>
    policy({ name: 'CA022: Require MFA for admin portals', applications: { includeApplications: ['MicrosoftAdminPortals'] }, ...s }),
};
