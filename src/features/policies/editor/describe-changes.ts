// The changes between two versions of a policy, in words: "State: On → Report-only",
// "conditions.users.excludeGroups: added CA - Emergency access accounts". Every changed path is
// listed, unknown properties included (by path).
import { lookupName, SPECIAL_VALUES, type NameDirectory, type NameKind } from '../../../graph/names';
import { buildPatch, type Json, type JsonObject } from '../../../graph/policy-body';
import { stateLabels } from '../lib/labels';

export interface Change {
  path: string;
  text: string;
}

const kindsFor = (path: string): NameKind[] => {
  if (/Users$/.test(path)) return ['user'];
  if (/Groups$/.test(path)) return ['group'];
  if (/Roles$/.test(path)) return ['role'];
  if (/Applications$/.test(path)) return ['application'];
  if (/ServicePrincipals$/.test(path)) return ['servicePrincipal'];
  if (/Locations$/.test(path)) return ['namedLocation'];
  if (/termsOfUse$/.test(path)) return ['termsOfUse'];
  return [];
};

const show = (value: Json | undefined): string => (value === undefined || value === null ? 'not set' : typeof value === 'string' ? value : JSON.stringify(value));
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function at(policy: JsonObject, path: string[]): Json | undefined {
  let current: Json | undefined = policy;
  for (const key of path) current = isObject(current) ? current[key] : undefined;
  return current;
}

export function describeChanges(before: JsonObject, after: JsonObject, names?: NameDirectory): Change[] {
  const changes: Change[] = [];
  const walk = (patch: JsonObject, path: string[]) => {
    for (const [key, value] of Object.entries(patch)) {
      const full = [...path, key];
      const dotted = full.join('.');
      const old = at(before, full);
      if (isObject(value) && isObject(old)) {
        walk(value, full);
        continue;
      }
      if (dotted === 'state') {
        changes.push({ path: dotted, text: `State: ${stateLabels[String(old)] ?? show(old)} → ${stateLabels[String(value)] ?? show(value)}` });
      } else if ((Array.isArray(value) && (Array.isArray(old) || old == null)) || (value === null && Array.isArray(old))) {
        // A list that was emptied or removed reads as removals, not as "[...] → not set".
        const now = (value ?? []) as Json[];
        const was = (old ?? []) as Json[];
        const name = (id: Json) => (typeof id === 'string' ? (SPECIAL_VALUES[id] ?? lookupName(names, kindsFor(key), id)?.displayName ?? id) : JSON.stringify(id));
        const added = now.filter((v) => !was.some((w) => JSON.stringify(w) === JSON.stringify(v))).map(name);
        const removed = was.filter((w) => !now.some((v) => JSON.stringify(w) === JSON.stringify(v))).map(name);
        const parts = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''].filter(Boolean);
        changes.push({ path: dotted, text: `${dotted}: ${parts.join('; ') || 'reordered'}` });
      } else {
        changes.push({ path: dotted, text: `${dotted}: ${show(old)} → ${show(value)}` });
      }
    }
  };
  walk(buildPatch(before, after), []);
  return changes;
}
