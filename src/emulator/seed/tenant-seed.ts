// Turns a tenant's seed description into emulator state, writing the audit trail the real
// service would have written for recent creations, updates and deletions.
import { completePolicy } from '../core/policy-shape';
import { recordAudit } from '../core/audit';
import { stableId } from '../core/ids';
import { defaultFaults, type Agreement, type JsonObject, type Principal, type TenantState } from '../core/model';
import { daysAgo } from './builders';
import type { buildDirectory } from './directory';
import { roles } from './role-templates';

export const builtInStrengths = {
  mfa: '00000000-0000-0000-0000-000000000002',
  passwordless: '00000000-0000-0000-0000-000000000003',
  phishingResistant: '00000000-0000-0000-0000-000000000004',
};

const builtInStrengthPolicies: JsonObject[] = [
  {
    id: builtInStrengths.mfa,
    displayName: 'Multifactor authentication',
    description: 'Combinations of methods that satisfy strong authentication, such as a password + SMS',
    policyType: 'builtIn',
    requirementsSatisfied: 'mfa',
    createdDateTime: '2021-12-01T00:00:00Z',
    modifiedDateTime: '2021-12-01T00:00:00Z',
    allowedCombinations: [
      'windowsHelloForBusiness',
      'fido2',
      'x509CertificateMultiFactor',
      'deviceBasedPush',
      'temporaryAccessPassOneTime',
      'temporaryAccessPassMultiUse',
      'password,microsoftAuthenticatorPush',
      'password,softwareOath',
      'password,hardwareOath',
      'password,sms',
      'password,voice',
      'federatedMultiFactor',
      'microsoftAuthenticatorPush,federatedSingleFactor',
      'softwareOath,federatedSingleFactor',
      'hardwareOath,federatedSingleFactor',
      'sms,federatedSingleFactor',
      'voice,federatedSingleFactor',
    ],
  },
  {
    id: builtInStrengths.passwordless,
    displayName: 'Passwordless MFA',
    description: 'Passwordless methods that satisfy strong authentication, such as Passwordless sign-in with the Microsoft Authenticator',
    policyType: 'builtIn',
    requirementsSatisfied: 'mfa',
    createdDateTime: '2021-12-01T00:00:00Z',
    modifiedDateTime: '2021-12-01T00:00:00Z',
    allowedCombinations: ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor', 'deviceBasedPush'],
  },
  {
    id: builtInStrengths.phishingResistant,
    displayName: 'Phishing-resistant MFA',
    description: 'Phishing-resistant, Passwordless methods for the strongest authentication, such as a FIDO2 security key',
    policyType: 'builtIn',
    requirementsSatisfied: 'mfa',
    createdDateTime: '2021-12-01T00:00:00Z',
    modifiedDateTime: '2021-12-01T00:00:00Z',
    allowedCombinations: ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor'],
  },
];

export interface HistoryEntry {
  policy: string;
  daysAgo: number;
  /** A user's display name, or "app:<name>" for a change made by an application. */
  by: string;
  /** Produces the version before this change from the current one. */
  change: (current: JsonObject) => JsonObject;
}

export interface TenantSeed {
  key: string;
  id: string;
  displayName: string;
  defaultDomain: string;
  directory: ReturnType<typeof buildDirectory>;
  admin: string;
  reader: string;
  policies: JsonObject[];
  deletedPolicies: JsonObject[];
  namedLocations: JsonObject[];
  deletedNamedLocations: JsonObject[];
  customStrengths: { id: string; displayName: string; description: string; allowedCombinations: string[] }[];
  authenticationContexts: JsonObject[];
  agreements: Agreement[];
  history: HistoryEntry[];
  /** Who belongs to which group and holds which role, beyond the admin's and the reader's roles. */
  groupMembers?: Record<string, string[]>;
  roleMembers?: Record<string, string[]>;
}

const AUDIT_RETENTION_DAYS = 30;

export function toTenantState(seed: TenantSeed, now: Date): TenantState {
  const { directory } = seed;
  const tenant: TenantState = {
    id: seed.id,
    displayName: seed.displayName,
    defaultDomain: seed.defaultDomain,
    policies: seed.policies.map(completePolicy),
    deletedPolicies: seed.deletedPolicies.map(completePolicy),
    namedLocations: seed.namedLocations,
    deletedNamedLocations: seed.deletedNamedLocations,
    authenticationStrengths: [
      ...builtInStrengthPolicies,
      ...seed.customStrengths.map((s) => ({
        ...s,
        policyType: 'custom',
        requirementsSatisfied: 'mfa',
        createdDateTime: daysAgo(now, 40),
        modifiedDateTime: daysAgo(now, 40),
      })),
    ],
    authenticationContexts: seed.authenticationContexts,
    users: directory.users,
    groups: directory.groups,
    servicePrincipals: directory.servicePrincipals,
    agentIdentities: directory.agentIdentities,
    agreements: seed.agreements,
    groupMembers: seed.groupMembers ?? {},
    // The demo's administrator and reader hold the roles their sign-in claims.
    roleMembers: { [roles.conditionalAccessAdministrator.id]: [seed.admin], [roles.globalReader.id]: [seed.reader], ...seed.roleMembers },
    audits: [],
    faults: defaultFaults(),
  };

  const actor = (name: string): Principal => {
    const user = directory.users.find((u) => u.displayName === name);
    return {
      tenantId: seed.id,
      userId: user?.id ?? '',
      userPrincipalName: user?.userPrincipalName ?? '',
      displayName: name,
      scopes: [],
    };
  };
  const adminName = directory.users.find((u) => u.id === seed.admin)?.displayName ?? '';
  const withinRetention = (days: number) => days < AUDIT_RETENTION_DAYS;

  for (const policy of [...tenant.policies, ...tenant.deletedPolicies]) {
    const created = (now.getTime() - Date.parse(String(policy.createdDateTime))) / 86_400_000;
    if (withinRetention(created))
      recordAudit(tenant, actor(adminName), 'Add', 'Policy', null, policy, new Date(Date.parse(String(policy.createdDateTime))));
  }
  for (const entry of seed.history) {
    const current = tenant.policies.find((p) => p.displayName === entry.policy);
    if (!current || !withinRetention(entry.daysAgo)) continue;
    recordAudit(
      tenant,
      actor(entry.by.startsWith('app:') ? adminName : entry.by),
      'Update',
      'Policy',
      completePolicy(entry.change(current)),
      current,
      new Date(now.getTime() - entry.daysAgo * 86_400_000),
    );
    if (entry.by.startsWith('app:')) {
      const event = tenant.audits.at(-1)!;
      const appName = entry.by.slice(4);
      const sp = directory.servicePrincipals.find((s) => s.displayName === appName);
      event.initiatedBy = {
        user: null,
        app: { appId: sp?.appId ?? '', displayName: appName, servicePrincipalId: sp?.id ?? '', servicePrincipalName: null },
      };
    }
  }
  for (const policy of tenant.deletedPolicies) {
    const { deletedDateTime, ...before } = policy;
    recordAudit(tenant, actor(adminName), 'Delete', 'Policy', before, null, new Date(Date.parse(String(deletedDateTime))));
  }
  for (const location of tenant.deletedNamedLocations) {
    const { deletedDateTime, ...before } = location;
    recordAudit(tenant, actor(adminName), 'Delete', 'NamedLocation', before, null, new Date(Date.parse(String(deletedDateTime))));
  }
  // Stable, like every seeded id: the demo seeds again on a reload before its first save, and an
  // event's link must still lead to it.
  tenant.audits.forEach((event, index) => {
    const correlationId = stableId(`${seed.key}:audit:${index}`);
    event.id = event.id.replace(event.correlationId, correlationId);
    event.correlationId = correlationId;
  });
  return tenant;
}
