// The changes between two versions of a policy, in words an admin reads at a glance:
// "State: On → Report-only", "Excluded group 'Break glass' added", "Grant: require MFA → block",
// "Sign-in frequency: every 12 hours → every time". Every changed path yields a sentence; properties
// without words of their own (unknown ones included) are named by their path. Each change keeps the
// path it is about, so a view can take the admin to its lines. An empty list against none (absent or
// null) is no change: Graph reads them alike. With the comparison's options, other forms that say the
// same thing (ids in another order, switched-off controls) are no difference either; a diff that shows
// the noise asks for empty lists to be said too, so its words and its text agree.
import { quiet } from './comparable-form';
import { isolatedText } from './isolate';
import { lookupName, SPECIAL_VALUES, type NameDirectory } from './references';
import { buildPatch, type CompareOptions, type Json, type JsonObject } from './policy-body';
import { stateLabels, transferMethodLabels } from './labels';
import { flagsText, GROUPS, LISTS, SCALAR_VALUES, SCALARS } from './describe-changes-words';
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

const isNothing = (value: Json | undefined) => value === undefined || value === null;
/** A value in a sentence: a string (a policy's new name) isolated, as names are. */
const show = (value: Json | undefined): string =>
  value === undefined || value === null ? 'not set' : typeof value === 'string' ? isolatedText(value) : JSON.stringify(value);

function at(policy: JsonObject, path: readonly string[]): Json | undefined {
  let current: Json | undefined = policy;
  for (const key of path) current = isObject(current) ? current[key] : undefined;
  return current;
}

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
