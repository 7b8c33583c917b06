// "Put my changes on top of theirs": the admin's edits since the version a draft began from, laid on a
// colleague's newer version. Values and nested members the admin changed take the admin's value; a list
// of ids both changed is merged item by item (theirs, less what the admin removed, plus what the admin
// added), so an exclusion the colleague added is not dropped because the admin edited the same list.
import { buildPatch, toWritableBody } from './policy-body';
import { isJsonObject as isObject, type Json, type JsonObject } from './json';

const isIdList = (value: Json | undefined): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

// These stand alone in a list (Graph refuses "All" beside ids): a merge that would mix them takes the admin's list.
const ALONE = new Set(['All', 'None']);

function mergeList(before: readonly string[], mine: readonly string[], theirs: readonly string[]): string[] {
  const removed = new Set(before.filter((id) => !mine.includes(id)));
  const added = mine.filter((id) => !before.includes(id));
  const merged = [...theirs.filter((id) => !removed.has(id)), ...added.filter((id) => !theirs.includes(id))];
  return merged.length > 1 && merged.some((id) => ALONE.has(id)) ? [...mine] : merged;
}

function layMine(theirs: JsonObject, patch: JsonObject, base: JsonObject | undefined): JsonObject {
  const out = structuredClone(theirs);
  for (const [key, mine] of Object.entries(patch)) {
    const now = out[key];
    const before = base?.[key];
    if (isObject(mine) && isObject(now)) out[key] = layMine(now, mine, isObject(before) ? before : undefined);
    else if (isIdList(mine) && isIdList(now) && (before === undefined || before === null || isIdList(before)))
      out[key] = mergeList(before ?? [], mine, now);
    else out[key] = structuredClone(mine);
  }
  return out;
}

/** The draft's edits since `base`, laid on `current` (see above). */
export function rebaseDraft(base: JsonObject, draft: JsonObject, current: JsonObject): JsonObject {
  return layMine(current, buildPatch(base, draft), toWritableBody(base));
}
