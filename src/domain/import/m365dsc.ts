// Microsoft365DSC configurations: each `AADConditionalAccessPolicy 'Name' { Property = value }`
// block of a .ps1 becomes a policy in Graph's shape. DSC flattens a policy into properties
// (IncludeGroups, SignInFrequencyValue…) and writes names where Graph has ids (groups, roles,
// locations, terms of use, strengths, contexts, users by sign-in name, often with `$Domain`);
// the names stay verbatim for the reference pass, enum values take Graph's casing.
import type { Json, JsonObject } from '../json';
import { blankComments, isHashtable, PsReader, PsToken, type PsHashtable, type PsValue } from './powershell-literals';

export interface DscPolicy {
  policy: JsonObject;
  /** Ensure = 'Absent': the configuration removes this policy, there is nothing to import. */
  absent: boolean;
  line: number;
  /** DSC properties this reader does not know, kept under their camelCase names. */
  unknown: string[];
  /** Variables met in values (`$Domain`), as written. */
  variables: string[];
}

const list = (path: string) => ({ path, kind: 'list' as const });
const scalar = (path: string) => ({ path, kind: 'scalar' as const });
type Target = ReturnType<typeof list> | ReturnType<typeof scalar>;

/** Where each DSC property goes in Graph's policy. */
const PROPERTIES: Record<string, Target> = {
  id: scalar('id'),
  displayname: scalar('displayName'),
  state: scalar('state'),
  includeapplications: list('conditions.applications.includeApplications'),
  excludeapplications: list('conditions.applications.excludeApplications'),
  applicationsfilter: scalar('conditions.applications.applicationFilter.rule'),
  applicationsfiltermode: scalar('conditions.applications.applicationFilter.mode'),
  includeuseractions: list('conditions.applications.includeUserActions'),
  authenticationcontexts: list('conditions.applications.includeAuthenticationContextClassReferences'),
  includeusers: list('conditions.users.includeUsers'),
  excludeusers: list('conditions.users.excludeUsers'),
  includegroups: list('conditions.users.includeGroups'),
  excludegroups: list('conditions.users.excludeGroups'),
  includeroles: list('conditions.users.includeRoles'),
  excluderoles: list('conditions.users.excludeRoles'),
  includeserviceprincipals: list('conditions.clientApplications.includeServicePrincipals'),
  excludeserviceprincipals: list('conditions.clientApplications.excludeServicePrincipals'),
  serviceprincipalfiltermode: scalar('conditions.clientApplications.servicePrincipalFilter.mode'),
  serviceprincipalfilterrule: scalar('conditions.clientApplications.servicePrincipalFilter.rule'),
  includeplatforms: list('conditions.platforms.includePlatforms'),
  excludeplatforms: list('conditions.platforms.excludePlatforms'),
  includelocations: list('conditions.locations.includeLocations'),
  excludelocations: list('conditions.locations.excludeLocations'),
  includedevices: list('conditions.devices.includeDevices'),
  excludedevices: list('conditions.devices.excludeDevices'),
  devicefiltermode: scalar('conditions.devices.deviceFilter.mode'),
  devicefilterrule: scalar('conditions.devices.deviceFilter.rule'),
  userrisklevels: list('conditions.userRiskLevels'),
  signinrisklevels: list('conditions.signInRiskLevels'),
  serviceprincipalrisklevels: list('conditions.servicePrincipalRiskLevels'),
  clientapptypes: list('conditions.clientAppTypes'),
  insiderrisklevels: scalar('conditions.insiderRiskLevels'),
  transfermethods: scalar('conditions.authenticationFlows.transferMethods'),
  grantcontroloperator: scalar('grantControls.operator'),
  builtincontrols: list('grantControls.builtInControls'),
  customauthenticationfactors: list('grantControls.customAuthenticationFactors'),
  termsofuse: list('grantControls.termsOfUse'),
  authenticationstrength: scalar('grantControls.authenticationStrength.id'),
  applicationenforcedrestrictionsisenabled: scalar('sessionControls.applicationEnforcedRestrictions.isEnabled'),
  cloudappsecurityisenabled: scalar('sessionControls.cloudAppSecurity.isEnabled'),
  cloudappsecuritytype: scalar('sessionControls.cloudAppSecurity.cloudAppSecurityType'),
  signinfrequencyisenabled: scalar('sessionControls.signInFrequency.isEnabled'),
  signinfrequencyvalue: scalar('sessionControls.signInFrequency.value'),
  signinfrequencytype: scalar('sessionControls.signInFrequency.type'),
  signinfrequencyinterval: scalar('sessionControls.signInFrequency.frequencyInterval'),
  persistentbrowserisenabled: scalar('sessionControls.persistentBrowser.isEnabled'),
  persistentbrowsermode: scalar('sessionControls.persistentBrowser.mode'),
  disableresiliencedefaultsisenabled: scalar('sessionControls.disableResilienceDefaults'),
  continuousaccessevaluationmode: scalar('sessionControls.continuousAccessEvaluation.mode'),
  securesigninsessionisenabled: scalar('sessionControls.secureSignInSession.isEnabled'),
};

/** How DSC connects and runs: nothing of the policy. */
const PLUMBING = new Set([
  'ensure',
  'credential',
  'applicationid',
  'tenantid',
  'certificatethumbprint',
  'certificatepath',
  'certificatepassword',
  'applicationsecret',
  'managedidentity',
  'accesstokens',
  'dependson',
  'psdscrunascredential',
]);

/** Enum values DSC writes in another casing (`Mfa`, `Hours`, `Always`), in Graph's. */
const ENUMS: Record<string, readonly string[]> = {
  'grantControls.builtInControls': [
    'block',
    'mfa',
    'compliantDevice',
    'domainJoinedDevice',
    'approvedApplication',
    'compliantApplication',
    'passwordChange',
    'unknownFutureValue',
    'riskRemediation',
  ],
  'grantControls.operator': ['AND', 'OR'],
  state: ['enabled', 'disabled', 'enabledForReportingButNotEnforced'],
  'conditions.clientAppTypes': ['all', 'browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'easSupported', 'other'],
  'conditions.platforms.includePlatforms': ['android', 'iOS', 'windows', 'windowsPhone', 'macOS', 'linux', 'all'],
  'conditions.platforms.excludePlatforms': ['android', 'iOS', 'windows', 'windowsPhone', 'macOS', 'linux', 'all'],
  'sessionControls.signInFrequency.type': ['days', 'hours'],
  'sessionControls.signInFrequency.frequencyInterval': ['timeBased', 'everyTime'],
  'sessionControls.persistentBrowser.mode': ['always', 'never'],
  'conditions.devices.deviceFilter.mode': ['include', 'exclude'],
  'conditions.applications.applicationFilter.mode': ['include', 'exclude'],
  'conditions.clientApplications.servicePrincipalFilter.mode': ['include', 'exclude'],
};
const GUEST_TYPES = /^(in|ex)cludeguestorexternalusertypes$/;
const TENANTS_KIND = /^(in|ex)cludeexternaltenantsmembershipkind$/;
const TENANTS_MEMBERS = /^(in|ex)cludeexternaltenantsmembers$/;

function enumCase(path: string, value: string): string {
  const known = ENUMS[path]?.find((v) => v.toLowerCase() === value.toLowerCase());
  return known ?? value;
}

/** A DSC value as JSON: tokens become their text, so `$Domain` stays visible where it was. */
function toJson(value: PsValue, variables: Set<string>): Json {
  if (value instanceof PsToken) {
    variables.add(value.text);
    return value.text;
  }
  if (Array.isArray(value)) return value.map((v) => toJson(v, variables));
  if (isHashtable(value)) return Object.fromEntries(value.entries.map(([k, v]) => [k, toJson(v, variables)]));
  if (typeof value === 'string') for (const [variable] of value.matchAll(/\$(\{[^}]+\}|[A-Za-z_][\w:]*)/g)) variables.add(variable);
  return value;
}

function setPath(target: JsonObject, path: string, value: Json) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as JsonObject;
  }
  node[keys.at(-1)!] = value;
}

const asList = (value: Json): Json[] => (Array.isArray(value) ? value : value === null || value === '' ? [] : [value]);

function policyFrom(table: PsHashtable, line: number): DscPolicy {
  const policy: JsonObject = {};
  const unknown: string[] = [];
  const variables = new Set<string>();
  let absent = false;
  const guests: Record<'include' | 'exclude', { types?: Json; kind?: Json; members?: Json }> = { include: {}, exclude: {} };
  for (const [key, raw] of table.entries) {
    const lower = key.toLowerCase();
    if (lower === 'ensure') absent = typeof raw === 'string' && raw.toLowerCase() === 'absent';
    if (PLUMBING.has(lower)) continue;
    const value = toJson(raw, variables);
    const side = lower.startsWith('in') ? 'include' : 'exclude';
    if (GUEST_TYPES.test(lower)) guests[side].types = value;
    else if (TENANTS_KIND.test(lower)) guests[side].kind = value;
    else if (TENANTS_MEMBERS.test(lower)) guests[side].members = value;
    else {
      const target = PROPERTIES[lower];
      if (!target) {
        unknown.push(key);
        policy[key.charAt(0).toLowerCase() + key.slice(1)] = value;
        continue;
      }
      const cased = (v: Json) => (typeof v === 'string' ? enumCase(target.path, v) : v);
      setPath(policy, target.path, target.kind === 'list' ? asList(value).map(cased) : cased(value));
    }
  }
  for (const side of ['include', 'exclude'] as const) {
    const { types, kind, members } = guests[side];
    const typeList = asList(types ?? null).filter((t): t is string => typeof t === 'string' && t !== '');
    if (typeList.length === 0) continue;
    const users: JsonObject = { guestOrExternalUserTypes: typeList.join(',') };
    if (typeof kind === 'string' && kind !== '') {
      users.externalTenants =
        kind === 'enumerated'
          ? {
              '@odata.type': '#microsoft.graph.conditionalAccessEnumeratedExternalTenants',
              membershipKind: kind,
              members: asList(members ?? null),
            }
          : { '@odata.type': '#microsoft.graph.conditionalAccessAllExternalTenants', membershipKind: kind };
    }
    setPath(policy, `conditions.users.${side}GuestsOrExternalUsers`, users);
  }
  dropDisabledControls(policy);
  return { policy, absent, line, unknown, variables: [...variables] };
}

/** DSC writes every session control with IsEnabled = $false when unused; Graph leaves them out. */
function dropDisabledControls(policy: JsonObject) {
  const session = policy.sessionControls;
  if (typeof session !== 'object' || session === null || Array.isArray(session)) return;
  for (const [name, control] of Object.entries(session)) {
    if (typeof control === 'object' && control !== null && !Array.isArray(control) && control.isEnabled === false) delete session[name];
  }
  if (Object.keys(session).length === 0) delete policy.sessionControls;
}

const BLOCK = /\b([A-Za-z][\w.]*)\s+('[^'\n]*'|"[^"\n]*"|[\w$.-]+)\s*\{/g;

/** Every AADConditionalAccessPolicy block of a configuration, in file order. */
export function readDscConfiguration(text: string): { policies: DscPolicy[]; otherResources: number } {
  const clean = blankComments(text);
  const reader = new PsReader(clean);
  const policies: DscPolicy[] = [];
  let otherResources = 0;
  for (const match of clean.matchAll(BLOCK)) {
    const type = match[1]!;
    if (type.toLowerCase() !== 'aadconditionalaccesspolicy') {
      if (!/^(configuration|node|param|if|else|elseif|foreach|for|while|switch|function|try|catch|finally)$/i.test(type)) otherResources++;
      continue;
    }
    const open = match.index + match[0].length;
    if (open < reader.pos) continue;
    reader.pos = open;
    const table = reader.hashtableBody('}');
    policies.push(policyFrom(table, reader.lineAt(match.index)));
  }
  return { policies, otherResources };
}
