// The changes between two versions of a policy, in words an admin reads at a glance:
// "State: On → Report-only", "Excluded group 'Break glass' added", "Grant: require MFA → block",
// "Sign-in frequency: every 12 hours → every time". Every changed path yields a sentence; properties
// without words of their own (unknown ones included) are named by their path. Each change keeps the
// path it is about, so a view can take the admin to its lines. An empty list against none (absent or
// null) is no change: Graph reads them alike. With the comparison's options, other forms that say the
// same thing (ids in another order, switched-off controls) are no difference either; a diff that shows
// the noise asks for empty lists to be said too, so its words and its text agree.
import { quiet } from './comparable-form';
import { guestWords } from './describe-guests';
import { isolatedText } from './isolate';
import { lookupName, SPECIAL_VALUES, type NameDirectory, type NameKind } from './references';
import { buildPatch, type CompareOptions, type Json, type JsonObject } from './policy-body';
import {
  clientAppLabels,
  cloudAppSecurityLabels,
  platformLabels,
  riskLabel,
  shortControlLabels,
  stateLabels,
  transferMethodLabels,
} from './labels';
import { isJsonObject as isObject } from './json';

export interface DescribeOptions extends CompareOptions {
  /** The two versions come from two tenants: same-named objects are each tenant's own, not a change. */
  acrossTenants?: boolean;
  /** Say an empty list against none ("an empty list → not set"), for a diff whose text shows that noise. */
  sayEmptyLists?: boolean;
}

export interface Change {
  /** The dotted path of what changed (a whole group, e.g. grantControls, when described as one). */
  path: string;
  text: string;
}

const strings = (value: Json | undefined): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const isNothing = (value: Json | undefined) => value === undefined || value === null;
/** A value in a sentence: a string (a policy's new name) isolated, as names are. */
const show = (value: Json | undefined): string =>
  value === undefined || value === null ? 'not set' : typeof value === 'string' ? isolatedText(value) : JSON.stringify(value);

function at(policy: JsonObject, path: readonly string[]): Json | undefined {
  let current: Json | undefined = policy;
  for (const key of path) current = isObject(current) ? current[key] : undefined;
  return current;
}

interface ListWords {
  one: string;
  many: string;
  kinds?: NameKind[];
  labels?: Record<string, string>;
  value?: (v: string) => string;
  /** What "All", "None" and the like mean in this list. */
  specials?: Record<string, string>;
}

const ids = (one: string, kinds: NameKind[], specials?: Record<string, string>): ListWords => ({ one, many: `${one}s`, kinds, specials });
// AllAgentIdUsers: the user accounts of agents, not the agent identities of clientApplications.
const ALL_USERS = { All: 'All users', None: 'No users', AllAgentIdUsers: 'All agent users' };
const ALL_RESOURCES = { All: 'All resources', None: 'No resources' };
const ANY_LOCATION = { All: 'Any network or location' };
const LISTS: Record<string, ListWords> = {
  'conditions.users.includeUsers': ids('Included user', ['user'], ALL_USERS),
  'conditions.users.excludeUsers': ids('Excluded user', ['user'], ALL_USERS),
  'conditions.users.includeGroups': ids('Included group', ['group']),
  'conditions.users.excludeGroups': ids('Excluded group', ['group']),
  'conditions.users.includeRoles': ids('Included role', ['role'], { All: 'All directory roles' }),
  'conditions.users.excludeRoles': ids('Excluded role', ['role'], { All: 'All directory roles' }),
  'conditions.applications.includeApplications': ids('Included resource', ['application'], ALL_RESOURCES),
  'conditions.applications.excludeApplications': ids('Excluded resource', ['application'], ALL_RESOURCES),
  'conditions.applications.includeUserActions': { one: 'User action', many: 'User actions' },
  'conditions.applications.includeAuthenticationContextClassReferences': ids('Authentication context', ['authenticationContext']),
  'conditions.clientApplications.includeServicePrincipals': {
    one: 'Included workload identity',
    many: 'Included workload identities',
    kinds: ['servicePrincipal'],
  },
  'conditions.clientApplications.excludeServicePrincipals': {
    one: 'Excluded workload identity',
    many: 'Excluded workload identities',
    kinds: ['servicePrincipal'],
  },
  // Agent identities (Graph beta): the service principals of agents, and agent users (preview).
  'conditions.clientApplications.includeAgentIdServicePrincipals': {
    one: 'Included agent identity',
    many: 'Included agent identities',
    kinds: ['servicePrincipal'],
    specials: { All: 'All agent identities' },
  },
  'conditions.clientApplications.excludeAgentIdServicePrincipals': {
    one: 'Excluded agent identity',
    many: 'Excluded agent identities',
    kinds: ['servicePrincipal'],
  },
  'conditions.agents.includeAgentUsers': ids('Included agent user', ['user'], { All: 'All agent users' }),
  'conditions.agents.excludeAgentUsers': ids('Excluded agent user', ['user']),
  'conditions.agentContext.includeAgentContexts': { one: 'Included agent context', many: 'Included agent contexts' },
  'conditions.agentContext.excludeAgentContexts': { one: 'Excluded agent context', many: 'Excluded agent contexts' },
  'conditions.locations.includeLocations': ids('Included location', ['namedLocation'], ANY_LOCATION),
  'conditions.locations.excludeLocations': ids('Excluded location', ['namedLocation'], ANY_LOCATION),
  'conditions.platforms.includePlatforms': { one: 'Included platform', many: 'Included platforms', labels: platformLabels },
  'conditions.platforms.excludePlatforms': { one: 'Excluded platform', many: 'Excluded platforms', labels: platformLabels },
  'conditions.clientAppTypes': { one: 'Client app', many: 'Client apps', labels: clientAppLabels },
  'conditions.userRiskLevels': { one: 'User risk level', many: 'User risk levels', value: riskLabel },
  'conditions.signInRiskLevels': { one: 'Sign-in risk level', many: 'Sign-in risk levels', value: riskLabel },
  'conditions.servicePrincipalRiskLevels': { one: 'Service principal risk level', many: 'Service principal risk levels', value: riskLabel },
  'conditions.agentIdRiskLevels': { one: 'Agent risk level', many: 'Agent risk levels', value: riskLabel },
  // A named location's own lists (its change history and revert show them in words too).
  ipRanges: { one: 'IP range', many: 'IP ranges' },
  countriesAndRegions: { one: 'Country or region', many: 'Countries and regions' },
};

const SCALARS: Record<string, string> = {
  displayName: 'Name',
  description: 'Description',
  'conditions.insiderRiskLevels': 'Insider risk',
  'conditions.authenticationFlows.transferMethods': 'Authentication flows',
  'sessionControls.disableResilienceDefaults': 'Resilience defaults disabled',
  'sessionControls.signInFrequency.authenticationType': 'Sign-in frequency asks again for',
  // A named location's own settings.
  isTrusted: 'Trusted location',
  includeUnknownCountriesAndRegions: 'Unknown countries and regions included',
  countryLookupMethod: 'Country lookup',
};

/** Scalars whose values have words of their own. */
const SCALAR_VALUES: Record<string, Record<string, string>> = {
  'sessionControls.signInFrequency.authenticationType': {
    primaryAndSecondaryAuthentication: 'primary and secondary authentication',
    secondaryAuthentication: 'secondary authentication',
  },
};

function flagsText(value: Json | undefined, labels: Record<string, string>): string {
  return typeof value === 'string' && value
    ? value
        .split(',')
        .map((v) => labels[v.trim()] ?? v.trim())
        .join(', ')
    : 'not set';
}

function grantText(grant: Json | undefined, names: NameDirectory | undefined): string {
  if (!isObject(grant)) return 'no grant controls';
  const controls = strings(grant.builtInControls);
  if (controls.includes('block')) return 'block';
  const required = controls.map((c) => (c === 'mfa' ? 'MFA' : (shortControlLabels[c] ?? c).toLowerCase()));
  const strength = isObject(grant.authenticationStrength) ? grant.authenticationStrength : null;
  if (strength) {
    const id = typeof strength.id === 'string' ? strength.id : '';
    const name =
      typeof strength.displayName === 'string'
        ? strength.displayName
        : (lookupName(names, ['authenticationStrength'], id)?.displayName ?? id);
    required.push(`authentication strength '${isolatedText(name)}'`);
  }
  required.push(
    ...strings(grant.termsOfUse).map((id) => `terms of use '${isolatedText(lookupName(names, ['termsOfUse'], id)?.displayName ?? id)}'`),
  );
  required.push(...strings(grant.customAuthenticationFactors).map((id) => `custom control '${id}'`));
  if (required.length === 0) return 'no grant controls';
  if (required.length === 1) return `require ${required[0]}`;
  return `require ${grant.operator === 'AND' ? 'all' : 'one'} of ${required.join(', ')}`;
}

function frequencyText(value: Json | undefined): string {
  if (!isObject(value) || value.isEnabled !== true) return 'not set';
  if (value.frequencyInterval === 'everyTime') return 'every time';
  if (typeof value.value !== 'number') return 'on, without an interval';
  const unit = String(value.type ?? '');
  return `every ${String(value.value)} ${value.value === 1 ? unit.replace(/s$/, '') : unit}`.trim();
}

/** Graph's default, primaryAndSecondaryAuthentication, asks for the whole sign-in again; the other only for the second factor. */
const frequencyWithTypeText = (value: Json | undefined): string => {
  const interval = frequencyText(value);
  const secondOnly = isObject(value) && value.isEnabled === true && value.authenticationType === 'secondaryAuthentication';
  return secondOnly ? `${interval}, second factor only (secondary authentication)` : interval;
};

function filterText(value: Json | undefined): string {
  if (!isObject(value) || !value.rule) return 'not set';
  return `${value.mode === 'exclude' ? 'exclude' : 'include'} ${String(value.rule)}`;
}

const guestsText = (value: Json | undefined): string => guestWords(value) || 'not set';

const browserText = (v: Json | undefined) =>
  isObject(v) && v.isEnabled === true ? (v.mode === 'always' ? 'always persistent' : 'never persistent') : 'not set';

const appControlText = (v: Json | undefined) => {
  if (!isObject(v) || v.isEnabled !== true) return 'not set';
  const type = typeof v.cloudAppSecurityType === 'string' ? v.cloudAppSecurityType : null;
  return type ? (cloudAppSecurityLabels[type] ?? type) : 'on';
};

/** Groups described as one sentence, whichever of their members changed. */
const GROUPS: { path: string; label: string; text: (value: Json | undefined, names?: NameDirectory) => string }[] = [
  { path: 'grantControls', label: 'Grant', text: grantText },
  { path: 'sessionControls.signInFrequency', label: 'Sign-in frequency', text: frequencyWithTypeText },
  { path: 'sessionControls.persistentBrowser', label: 'Persistent browser session', text: browserText },
  { path: 'sessionControls.cloudAppSecurity', label: 'Conditional Access App Control', text: appControlText },
  { path: 'conditions.devices.deviceFilter', label: 'Device filter', text: filterText },
  { path: 'conditions.applications.applicationFilter', label: 'Application filter', text: filterText },
  { path: 'conditions.clientApplications.servicePrincipalFilter', label: 'Workload identity filter', text: filterText },
  { path: 'conditions.clientApplications.agentIdServicePrincipalFilter', label: 'Agent identity filter', text: filterText },
  { path: 'conditions.agents.agentFilter', label: 'Agent user filter', text: filterText },
  { path: 'conditions.users.includeGuestsOrExternalUsers', label: 'Included guests or external users', text: guestsText },
  { path: 'conditions.users.excludeGuestsOrExternalUsers', label: 'Excluded guests or external users', text: guestsText },
];

function listSentence(path: string, was: Json[], now: Json[], names: NameDirectory | undefined, options: DescribeOptions): string {
  const words = LISTS[path];
  const key = (v: Json) => JSON.stringify(v);
  const label = (v: Json): string => {
    // A named location's IP range reads as its address, not as the object Graph wraps it in.
    if (typeof v !== 'string') return isObject(v) && typeof v.cidrAddress === 'string' ? v.cidrAddress : key(v);
    if (words?.labels?.[v]) return words.labels[v];
    if (words?.specials?.[v]) return `'${words.specials[v]}'`;
    if (words?.value) return words.value(v);
    return `'${isolatedText(SPECIAL_VALUES[v] ?? (words?.kinds ? lookupName(names, words.kinds, v)?.displayName : undefined) ?? v)}'`;
  };
  let added = now.filter((v) => !was.some((w) => key(w) === key(v)));
  let removed = was.filter((w) => !now.some((v) => key(w) === key(v)));
  // An object of one side and another of the same name on the other: in two tenants, each tenant's own.
  const resolved = (v: Json) => (typeof v === 'string' && words?.kinds ? lookupName(names, words.kinds, v) : undefined);
  const sameNamed: string[] = [];
  for (const v of added) {
    const name = resolved(v);
    const twin =
      name && !name.missing ? removed.find((w) => resolved(w)?.displayName === name.displayName && !resolved(w)?.missing) : undefined;
    if (twin === undefined) continue;
    sameNamed.push(label(v));
    removed = removed.filter((w) => w !== twin);
    added = added.filter((a) => a !== v);
  }
  const twins =
    sameNamed.length === 0
      ? ''
      : options.acrossTenants
        ? `${sameNamed.join(', ')} (a different object in each tenant, same name)`
        : `${sameNamed.join(', ')} replaced by another object of the same name`;
  if (!words) {
    const parts = [
      added.length ? `added ${added.map(label).join(', ')}` : '',
      removed.length ? `removed ${removed.map(label).join(', ')}` : '',
      twins,
    ].filter(Boolean);
    return `${path}: ${parts.join('; ') || 'reordered'}`;
  }
  const lead = (count: number) => (count === 1 ? words.one : words.many);
  // In the order of their names, not of their ids (which the comparison may have sorted); objects
  // that share a label (seven groups "Not in this tenant") are said once, with how many.
  const inNameOrder = (items: Json[]) => {
    const counts = new Map<string, number>();
    for (const text of items.map(label).sort((x, y) => x.localeCompare(y))) counts.set(text, (counts.get(text) ?? 0) + 1);
    return [...counts].map(([text, n]) => (n === 1 ? text : `${text} ×${n}`)).join(', ');
  };
  const parts = [added.length ? `${inNameOrder(added)} added` : '', removed.length ? `${inNameOrder(removed)} removed` : '', twins].filter(
    Boolean,
  );
  if (parts.length === 0) return `${words.many}: reordered`;
  return `${lead(added.length || removed.length || sameNamed.length)} ${parts.join('; ')}`;
}

/** A list that is empty on one side and absent (or null) on the other: no entry came or went. */
function emptyListSentence(path: string, old: Json | undefined, now: Json | undefined): string {
  const say = (v: Json | undefined) => (Array.isArray(v) ? 'an empty list' : 'not set');
  return `${LISTS[path]?.many ?? path}: ${say(old)} → ${say(now)}`;
}

export function describeChanges(
  original: JsonObject,
  modified: JsonObject,
  names?: NameDirectory,
  options: DescribeOptions = {},
): Change[] {
  // The comparison's forms, so what the diff text hides is no sentence either.
  const quieted = options.hideEmpty || options.sortIds;
  const before = quieted ? ((quiet(original, options) as JsonObject | undefined) ?? {}) : original;
  const after = quieted ? ((quiet(modified, options) as JsonObject | undefined) ?? {}) : modified;
  const changes: Change[] = [];
  const described = new Set<string>();
  const walk = (patch: JsonObject, path: string[]) => {
    for (const [key, value] of Object.entries(patch)) {
      const full = [...path, key];
      const dotted = full.join('.');
      const group = GROUPS.find((g) => dotted === g.path || dotted.startsWith(`${g.path}.`));
      if (group && described.has(group.path)) continue;
      if (group) {
        const groupPath = group.path.split('.');
        const was = group.text(at(before, groupPath), names);
        const is = group.text(at(after, groupPath), names);
        // When the words cannot tell the versions apart, the change is named by its path below.
        if (was !== is) {
          described.add(group.path);
          changes.push({ path: group.path, text: `${group.label}: ${was} → ${is}` });
          continue;
        }
      }
      const old = at(before, full);
      // Objects added or removed whole are described member by member, like any other change.
      if (!(dotted in SCALARS) && (isObject(value) || (value === null && isObject(old)))) {
        walk(isObject(value) ? value : Object.fromEntries(Object.keys(old as JsonObject).map((k) => [k, null])), full);
        continue;
      }
      const now = at(after, full);
      // Null against absent says nothing in any words: no sentence reads "not set → not set".
      if (isNothing(old) && isNothing(now)) continue;
      const listOrNothing = (v: Json | undefined) => isNothing(v) || Array.isArray(v);
      if (
        listOrNothing(old) &&
        listOrNothing(now) &&
        ((old as Json[] | null) ?? []).length === 0 &&
        ((now as Json[] | null) ?? []).length === 0
      ) {
        if (options.sayEmptyLists) changes.push({ path: dotted, text: emptyListSentence(dotted, old, now) });
        continue;
      }
      if (dotted === 'state') {
        changes.push({ path: dotted, text: `State: ${stateLabels[String(old)] ?? show(old)} → ${stateLabels[String(now)] ?? show(now)}` });
      } else if ((Array.isArray(now) || now == null) && (Array.isArray(old) || old == null) && (Array.isArray(now) || Array.isArray(old))) {
        // A list that was emptied or removed reads as removals, not as "[...] → not set".
        changes.push({ path: dotted, text: listSentence(dotted, (old ?? []) as Json[], (now ?? []) as Json[], names, options) });
      } else if (dotted === 'conditions.insiderRiskLevels') {
        changes.push({ path: dotted, text: `Insider risk: ${flagsText(old, {})} → ${flagsText(now, {})}` });
      } else if (dotted === 'conditions.authenticationFlows.transferMethods') {
        changes.push({
          path: dotted,
          text: `Authentication flows: ${flagsText(old, transferMethodLabels)} → ${flagsText(now, transferMethodLabels)}`,
        });
      } else {
        const words = SCALAR_VALUES[dotted];
        const say = (v: Json | undefined) => (words && typeof v === 'string' ? (words[v] ?? show(v)) : show(v));
        changes.push({ path: dotted, text: `${SCALARS[dotted] ?? dotted}: ${say(old)} → ${say(now)}` });
      }
    }
  };
  walk(buildPatch(before, after), []);
  return changes;
}
