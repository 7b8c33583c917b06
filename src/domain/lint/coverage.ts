// Coverage of the tenant: the protections Microsoft, Maester and CISA expect every tenant to have,
// each counted only when a policy applies it unconditionally (scope.ts). A gap is one finding for
// the tenant, naming the policies that come close and what narrows them. Before Settings names the
// emergency accounts, an excluded user or group whose name says emergency or break glass is read as
// them: each finding says so in a few words, and likelyEmergencyNote says once what to do about it
// (the Lint page shows it above the coverage findings).
import { builtInRole } from '../import/built-in-roles';
import { isJsonObject, objectIn as obj, stringsIn as list } from '../json';
import { narrowing, type Allowance } from './scope';
import {
  blocks,
  idsIn,
  includesAllResources,
  includesAllUsers,
  policyWords,
  requiresMfa,
  tenantOf,
  type PolicyView,
  type Tenant,
} from './tenant';
import type { ExternalId, LintInput, LintRule, RuleResult } from './types';

const maester = (id: string): ExternalId => ({ source: 'maester', id });
const scuba = (id: string): ExternalId => ({ source: 'scubagear', id });

const EMERGENCY_WORDS = /\b(emergency|break[\s_-]*glass)\b/i;

/** The tenant as coverage reads it, and the excluded users and groups taken for the unnamed emergency accounts. */
interface Reading {
  tenant: Tenant;
  likelyEmergency: Set<string>;
}

function readingOf(tenant: Tenant): Reading {
  const likelyEmergency = new Set<string>();
  if (!tenant.emergency)
    for (const p of tenant.policies)
      for (const id of [...idsIn(p.users.excludeUsers), ...idsIn(p.users.excludeGroups)])
        if (EMERGENCY_WORDS.test(tenant.nameOf(id))) likelyEmergency.add(id.toLowerCase());
  if (likelyEmergency.size === 0) return { tenant, likelyEmergency };
  return { tenant: { ...tenant, emergencyIds: new Set([...tenant.emergencyIds, ...likelyEmergency]) }, likelyEmergency };
}

/** The likely emergency accounts and groups these policies exclude, each once. */
function likelyExcludedBy(policies: PolicyView[], reading: Reading): { groups: string[]; users: string[] } {
  const likely = (key: 'excludeGroups' | 'excludeUsers') => [
    ...new Set(policies.flatMap((p) => idsIn(p.users[key]).filter((id) => reading.likelyEmergency.has(id.toLowerCase())))),
  ];
  return { groups: likely('excludeGroups'), users: likely('excludeUsers') };
}

/** "the group 'CA - Emergency access accounts' and the user 'Break Glass 01'", and whether that is a group, an account or more. */
function namesOf({ groups, users }: { groups: string[]; users: string[] }, tenant: Tenant): { joined: string; what: string } | null {
  const named = [...groups.map((id) => `the group ${tenant.nameOf(id)}`), ...users.map((id) => `the user ${tenant.nameOf(id)}`)];
  if (named.length === 0) return null;
  const one = named.length === 1;
  return {
    joined: one ? named[0]! : `${named.slice(0, -1).join(', ')} and ${named.at(-1)!}`,
    what: one ? (groups.length ? 'group' : 'account') : 'accounts',
  };
}

/** "the group 'CA - Emergency access accounts' (likely your emergency access group)"; null when the policies exclude none. */
function likelyEmergencyWords(policies: PolicyView[], reading: Reading): string | null {
  const names = namesOf(likelyExcludedBy(policies, reading), reading.tenant);
  return names && `${names.joined} (likely your emergency access ${names.what})`;
}

/**
 * What the findings only point at, said once for the tenant: which excluded accounts or groups are
 * read as the emergency ones, and what that means. Null once Settings names the emergency accounts,
 * or when no policy excludes an account or group whose name says emergency or break glass.
 */
export function likelyEmergencyNote(input: LintInput): string | null {
  const reading = readingOf(tenantOf(input));
  const names = namesOf(likelyExcludedBy(reading.tenant.policies, reading), reading.tenant);
  if (!names) return null;
  const [is, it, says] = names.what === 'accounts' ? ['are', 'them', 'their names say'] : ['is', 'it', 'its name says'];
  return (
    `${names.joined.replace(/^t/, 'T')} ${is} likely your emergency access ${names.what}, as ${says}: ` +
    `until Settings names the emergency accounts, the coverage rules do not count excluding ${it} against a policy.`
  );
}

/** The gap, and up to three policies that would close it but for what narrows them. */
function gap(reading: Reading, what: string, candidates: PolicyView[], allow: Allowance, elsewhere = ''): RuleResult[] {
  const shown = candidates.slice(0, 3);
  const close = shown.map((p) => `${policyWords(p)} comes close, but ${narrowing(p, reading.tenant, allow).join(', ')}.`);
  const more = candidates.length > 3 ? ` ${candidates.length - 3} more ${candidates.length === 4 ? 'comes' : 'come'} close.` : '';
  const likely = likelyEmergencyWords(shown, reading);
  const aside = likely ? ` Not counted against ${shown.length > 1 ? 'them' : 'it'}: ${likely}.` : '';
  return [
    { message: `${what}${elsewhere}${close.length ? ` ${close.join(' ')}` : elsewhere ? '' : ' No policy comes close.'}${more}${aside}` },
  ];
}

/** Covered once the likely emergency accounts are named: a suggestion, not a gap. */
function coveredIfNamed(reading: Reading, description: string, covering: PolicyView[]): RuleResult[] {
  const first = covering[0]!;
  const likely = likelyEmergencyWords([first], reading) ?? 'the emergency access accounts';
  return [{ severity: 'info', message: `${description.replace(/\.$/, '')}: ${policyWords(first)} does, excluding only ${likely}.` }];
}

function coverageRule(spec: {
  id: string;
  description: string;
  external: ExternalId[];
  gap: string;
  allow?: Allowance;
  candidate(p: PolicyView, tenant: Tenant): boolean;
}): LintRule {
  return {
    id: spec.id,
    category: 'coverage',
    severity: 'warning',
    description: spec.description,
    external: spec.external,
    check(tenant) {
      const candidates = tenant.policies.filter((p) => spec.candidate(p, tenant));
      if (candidates.some((p) => narrowing(p, tenant, spec.allow).length === 0)) return [];
      const reading = readingOf(tenant);
      const covering = candidates.filter((p) => narrowing(p, reading.tenant, spec.allow).length === 0);
      if (covering.length > 0) return coveredIfNamed(reading, spec.description, covering);
      return gap(reading, spec.gap, candidates, spec.allow ?? {});
    },
  };
}

const everyone = (p: PolicyView) => includesAllUsers(p) && includesAllResources(p);

export const mfaForEveryone = coverageRule({
  id: 'coverage-mfa-for-everyone',
  description: 'A policy that is On requires multifactor authentication for all users on all resources.',
  external: [maester('MT.1007'), scuba('MS.AAD.3.2v1')],
  gap: 'No policy that is On requires multifactor authentication (or an authentication strength) for all users on all resources without conditions.',
  candidate: (p) => everyone(p) && requiresMfa(p),
});

export const legacyAuthenticationBlocked = coverageRule({
  id: 'coverage-legacy-authentication-blocked',
  description: 'A policy that is On blocks legacy authentication (Exchange ActiveSync and other clients) for all users on all resources.',
  external: [maester('MT.1009'), maester('MT.1010'), scuba('MS.AAD.1.1v1')],
  gap: 'No policy that is On blocks Exchange ActiveSync clients and other clients (legacy authentication) for all users on all resources.',
  allow: { clientAppTypes: true },
  candidate: (p) => {
    const clients = list(p.conditions.clientAppTypes);
    return (
      everyone(p) && blocks(p) && clients.includes('other') && (clients.includes('exchangeActiveSync') || clients.includes('easSupported'))
    );
  },
});

export const deviceCodeFlowBlocked = coverageRule({
  id: 'coverage-device-code-flow-blocked',
  description: 'A policy that is On blocks the device code flow for all users on all resources.',
  external: [maester('MT.1052'), scuba('MS.AAD.3.9v1')],
  gap: 'No policy that is On blocks the device code flow for all users on all resources.',
  allow: { authenticationFlows: true },
  candidate: (p) => {
    const flows = obj(p.conditions.authenticationFlows).transferMethods;
    return everyone(p) && blocks(p) && typeof flows === 'string' && flows.split(',').includes('deviceCodeFlow');
  },
});

export const securityInfoRegistration = coverageRule({
  id: 'coverage-security-info-registration',
  description: 'A policy that is On protects the registration of security information for all users.',
  external: [maester('MT.1011')],
  gap: "No policy that is On protects the user action 'Register security information' for all users (with multifactor authentication, a compliant device or a block outside trusted locations).",
  allow: { locations: true, guests: true },
  candidate: (p) =>
    includesAllUsers(p) &&
    list(p.apps.includeUserActions).includes('urn:user:registersecurityinfo') &&
    (requiresMfa(p) || blocks(p) || p.controls.includes('compliantDevice') || p.controls.includes('domainJoinedDevice')),
});

export const highUserRisk = coverageRule({
  id: 'coverage-high-user-risk',
  description: 'A policy that is On blocks or remediates high user risk for all users on all resources.',
  external: [maester('MT.1013'), scuba('MS.AAD.2.1v1')],
  gap: 'No policy that is On blocks, or requires a password change or risk remediation for, users at high user risk on all resources.',
  allow: { userRisk: true },
  candidate: (p) =>
    everyone(p) &&
    list(p.conditions.userRiskLevels).includes('high') &&
    (blocks(p) || p.controls.includes('passwordChange') || p.controls.includes('riskRemediation')),
});

export const highSignInRisk = coverageRule({
  id: 'coverage-high-sign-in-risk',
  description: 'A policy that is On blocks or requires multifactor authentication for high-risk sign-ins, for all users on all resources.',
  external: [maester('MT.1012'), scuba('MS.AAD.2.3v1')],
  gap: 'No policy that is On blocks, or requires multifactor authentication for, sign-ins at high sign-in risk for all users on all resources.',
  allow: { signInRisk: true },
  candidate: (p) => everyone(p) && list(p.conditions.signInRiskLevels).includes('high') && (blocks(p) || requiresMfa(p)),
});

const GUEST_TYPES = [
  'internalGuest',
  'b2bCollaborationGuest',
  'b2bCollaborationMember',
  'b2bDirectConnectUser',
  'otherExternalUser',
  'serviceProvider',
];

/** Every kind of guest from every tenant: All users, All guests, or each type with all external tenants. */
function allGuests(p: PolicyView): boolean {
  if (includesAllUsers(p) || list(p.users.includeUsers).includes('GuestsOrExternalUsers')) return true;
  const guests = obj(p.users.includeGuestsOrExternalUsers);
  const types = typeof guests.guestOrExternalUserTypes === 'string' ? guests.guestOrExternalUserTypes.split(',') : [];
  return GUEST_TYPES.every((t) => types.includes(t)) && obj(guests.externalTenants).membershipKind === 'all';
}

export const guestsMfa = coverageRule({
  id: 'coverage-guests-mfa',
  description: 'A policy that is On requires multifactor authentication for every kind of guest and external user on all resources.',
  external: [maester('MT.1016')],
  gap: 'No policy that is On requires multifactor authentication for all guests and external users on all resources.',
  candidate: (p) => allGuests(p) && includesAllResources(p) && requiresMfa(p),
});

export const adminPortalsMfa = coverageRule({
  id: 'coverage-admin-portals-mfa',
  description: 'A policy that is On requires multifactor authentication for all users on Microsoft Admin Portals (or all resources).',
  external: [],
  gap: 'No policy that is On requires multifactor authentication for all users on Microsoft Admin Portals (or on all resources).',
  candidate: (p) =>
    includesAllUsers(p) &&
    (includesAllResources(p) || list(p.apps.includeApplications).includes('MicrosoftAdminPortals')) &&
    requiresMfa(p),
});

/** CISA's highly privileged roles (ScubaGear's Entra ID baseline), by template id. */
export const HIGHLY_PRIVILEGED_ROLES = [
  'Global Administrator',
  'Privileged Role Administrator',
  'User Administrator',
  'SharePoint Administrator',
  'Exchange Administrator',
  'Hybrid Identity Administrator',
  'Application Administrator',
  'Cloud Application Administrator',
].map((name) => ({ name, id: builtInRole(name)!.templateId }));

const PHISHING_RESISTANT = '00000000-0000-0000-0000-000000000004';
const PHISHING_RESISTANT_METHODS = new Set(['fido2', 'windowsHelloForBusiness', 'x509CertificateMultiFactor']);

/** The built-in phishing-resistant strength, or a custom one that allows only phishing-resistant methods. */
function phishingResistant(p: PolicyView, tenant: Tenant): boolean {
  if (!p.strengthId) return false;
  if (p.strengthId === PHISHING_RESISTANT) return true;
  const custom = (tenant.input.authenticationStrengths ?? []).find((s) => s.id === p.strengthId);
  const combinations = list(isJsonObject(custom) ? custom.allowedCombinations : undefined);
  return combinations.length > 0 && combinations.every((c) => c.split(',').every((m) => PHISHING_RESISTANT_METHODS.has(m)));
}

export const phishingResistantAdmins: LintRule = {
  id: 'coverage-phishing-resistant-admins',
  category: 'coverage',
  severity: 'warning',
  description: 'Policies that are On require phishing-resistant MFA of every highly privileged role on all resources.',
  external: [scuba('MS.AAD.3.6v1')],
  check(tenant) {
    const candidates = tenant.policies.filter(
      (p) =>
        includesAllResources(p) &&
        phishingResistant(p, tenant) &&
        (includesAllUsers(p) || HIGHLY_PRIVILEGED_ROLES.some((r) => list(p.users.includeRoles).includes(r.id))),
    );
    const missingWith = (as: Tenant) => {
      const covering = candidates.filter((p) => narrowing(p, as).length === 0);
      const covered = (roleId: string) => covering.some((p) => includesAllUsers(p) || list(p.users.includeRoles).includes(roleId));
      return { covering, missing: HIGHLY_PRIVILEGED_ROLES.filter((r) => !covered(r.id)) };
    };
    if (missingWith(tenant).missing.length === 0) return [];
    const reading = readingOf(tenant);
    const { covering, missing } = missingWith(reading.tenant);
    if (missing.length === 0)
      return coveredIfNamed(
        reading,
        phishingResistantAdmins.description,
        covering.filter((p) => likelyEmergencyWords([p], reading)),
      );
    const roles = missing.map((r) => r.name).join(', ');
    return gap(
      reading,
      `No policy that is On requires the authentication strength 'Phishing-resistant MFA' on all resources for these highly privileged roles: ${roles}.`,
      candidates.filter((p) => !covering.includes(p)),
      {},
      covering.length ? ` ${covering.map(policyWords).join(', ')} ${covering.length > 1 ? 'cover' : 'covers'} the others.` : '',
    );
  },
};

export const coverageRules: readonly LintRule[] = [
  mfaForEveryone,
  phishingResistantAdmins,
  legacyAuthenticationBlocked,
  deviceCodeFlowBlocked,
  securityInfoRegistration,
  highUserRisk,
  highSignInRisk,
  guestsMfa,
  adminPortalsMfa,
];
