// Plan rows for what policies use and the import carries: named locations, custom authentication
// strengths and authentication contexts. Each is matched in the tenant written to by id, then by
// name; the same content is reused, a different one is updated only where the ids say it is the same
// object (a restore). One that merely shares a name keeps the tenant's version and says how it
// differs: it is never overwritten silently. Words shown to the admin say "the tenant", since the
// plan also serves templates and changes of the tenant's own policies (see plan-words.ts).
import { isJsonObject, type Json, type JsonObject } from '../json';
import { sortKeys, stripAnnotations } from '../policy-body';
import type { SectionReference } from '../import/import-set';
import { isolatedText } from '../isolate';
import { KIND_WORDS, mappingKey } from './mapping';
import { BUILT_IN_STRENGTHS } from './reference-places';
import {
  pendingId,
  type MappingChoice,
  type PlanAction,
  type PlanChoices,
  type PlanProblem,
  type PlanRow,
  type PlanRowKind,
  type PlanTarget,
} from './types';

type ObjectKind = Exclude<PlanRowKind, 'group' | 'policy'>;

/** What the service sets, never written back. */
const SERVICE_OWNED = [
  'id',
  'createdDateTime',
  'modifiedDateTime',
  'deletedDateTime',
  'policyType',
  'requirementsSatisfied',
  'combinationConfigurations',
];

/** The body an object is created or compared with: annotations and service-owned fields gone, the type kept (Graph needs it on create). */
export function writableObject(kind: ObjectKind, item: JsonObject): JsonObject {
  // A named location and each of its IP ranges need their type on write; other annotations go.
  const body = (kind === 'namedLocation' ? keepingTypes(item) : stripAnnotations(item)) as JsonObject;
  for (const key of SERVICE_OWNED) delete body[key];
  if (kind === 'authenticationContext') body.id = item.id ?? null;
  return body;
}

function keepingTypes(value: Json): Json {
  if (Array.isArray(value)) return value.map(keepingTypes);
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !key.startsWith('#') && (key === '@odata.type' || !key.includes('@odata.')))
      .map(([key, child]) => [key, keepingTypes(child)]),
  );
}

/** Lists of ranges, countries and combinations compare without their order. */
const normal = (value: Json): Json => {
  if (Array.isArray(value)) return value.map(normal).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normal(v)]));
};

const short = (value: Json | undefined): string => {
  if (value === undefined || value === null) return '(none)';
  if (Array.isArray(value)) {
    const items = value.map((v) => (isJsonObject(v) ? String(v.cidrAddress ?? JSON.stringify(v)) : String(v)));
    return items.length === 0
      ? '(none)'
      : items.length > 6
        ? `${items.slice(0, 6).join(', ')} and ${items.length - 6} more`
        : items.join(', ');
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
};

const PROPERTY_WORDS: Record<string, string> = {
  ipRanges: 'IP ranges',
  countriesAndRegions: 'countries and regions',
  isTrusted: 'trusted',
  includeUnknownCountriesAndRegions: 'unknown countries included',
  countryLookupMethod: 'country lookup',
  allowedCombinations: 'methods',
  displayName: 'name',
  description: 'description',
  isAvailable: 'available to policies',
};

/** How two versions of an object differ, in words: "IP ranges: the import has …, this tenant has …". */
export function objectDifferences(
  kind: ObjectKind,
  imported: JsonObject,
  target: JsonObject,
  [first, second]: readonly [string, string] = ['the import has', 'this tenant has'],
): string[] {
  const a = normal(writableObject(kind, imported)) as JsonObject;
  const b = normal(writableObject(kind, target)) as JsonObject;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => key !== 'id' && JSON.stringify(sortKeys(a[key] ?? null)) !== JSON.stringify(sortKeys(b[key] ?? null)))
    .map((key) => `${PROPERTY_WORDS[key] ?? key}: ${first} ${short(a[key])}, ${second} ${short(b[key])}`);
}

const SECTION: Record<ObjectKind, 'namedLocations' | 'authenticationStrengths' | 'authenticationContexts'> = {
  namedLocation: 'namedLocations',
  authenticationStrength: 'authenticationStrengths',
  authenticationContext: 'authenticationContexts',
};

const nameOf = (item: JsonObject) => (typeof item.displayName === 'string' ? item.displayName : String(item.id ?? ''));
const idOf = (item: JsonObject) => (typeof item.id === 'string' ? item.id : null);

export interface ObjectRows {
  rows: PlanRow[];
  /** How references to these objects resolve, by mapping key. */
  planned: Map<string, MappingChoice & { why: string }>;
  /** Objects the tenant holds several of by name, none the same: their names, for the mapping to offer each. */
  ambiguous: SectionReference[];
}

export function planObjects(
  kind: ObjectKind,
  items: readonly JsonObject[],
  target: PlanTarget,
  choices: PlanChoices,
  sameTenant: boolean,
  referenced: ReadonlySet<string>,
): ObjectRows {
  const rows: PlanRow[] = [];
  const planned = new Map<string, MappingChoice & { why: string }>();
  const theirs = target[SECTION[kind]];
  const taken = new Set<JsonObject>();
  const ambiguousNames: SectionReference[] = [];
  for (const item of items) {
    const sourceId = idOf(item);
    // Built-in strengths are Microsoft's: the same everywhere, never written.
    if (kind === 'authenticationStrength' && (item.policyType === 'builtIn' || (sourceId && BUILT_IN_STRENGTHS.has(sourceId)))) continue;
    const key = `${kind}:${sourceId ?? nameOf(item)}`;
    const isReferenced = sourceId !== null && referenced.has(mappingKey(kind, sourceId));
    const byId = sourceId ? theirs.find((t) => idOf(t)?.toLowerCase() === sourceId.toLowerCase() && !taken.has(t)) : undefined;
    // A context's id is its slot (c1..c99), the same in every tenant: only the id can match it.
    const named =
      byId || kind === 'authenticationContext'
        ? []
        : theirs.filter((t) => !taken.has(t) && nameOf(t).trim().toLowerCase() === nameOf(item).trim().toLowerCase());
    // Of several of the name, the one with the import's content; else only one of the name is taken for it.
    let byName = named.find((t) => objectDifferences(kind, item, t).length === 0) ?? (named.length === 1 ? named[0] : undefined);
    // Several of the name and none the same: the admin says which, in the mapping (the plan never guesses).
    const ambiguous = !byId && !byName && named.length > 1;
    const picked = ambiguous && sourceId ? choices.mapping[mappingKey(kind, sourceId)] : undefined;
    if (picked?.action === 'use') byName = theirs.find((t) => idOf(t)?.toLowerCase() === picked.targetId.toLowerCase());
    if (ambiguous && sourceId) ambiguousNames.push({ kind, id: sourceId, displayName: nameOf(item) });
    const match = byId ?? byName;
    if (match) taken.add(match);
    // A named location deleted since the backup comes back with its id (policies that name it keep working).
    const deleted = !match && kind === 'namedLocation' && sourceId ? findDeletedLocation(target, sourceId) : undefined;
    const body = writableObject(kind, item);
    const compared = match ?? deleted;
    const differences = compared ? objectDifferences(kind, item, compared) : [];

    let action: PlanAction;
    let why: string;
    let options: PlanAction[];
    if (ambiguous && !match) {
      ({ action, why, options } = undecided(kind, item, named, isReferenced, picked?.action === 'drop'));
    } else if (deleted) {
      action = 'restore';
      why = `In deleted named locations${deletedOn(deleted)}: restored with its id${differences.length ? ', then put back as the import has it' : ''}.`;
      options = isReferenced ? ['restore', 'create'] : ['restore', 'create', 'skip'];
    } else if (!match) {
      action = 'create';
      why = 'Not in the tenant.';
      options = isReferenced ? ['create'] : ['create', 'skip'];
    } else if (differences.length === 0) {
      action = 'reuse';
      why = byId ? 'Already in the tenant, the same.' : 'The tenant has one of the same name and content.';
      options = ['reuse'];
    } else if (byId && sameTenant) {
      action = 'update';
      why = 'The same object, changed since the backup: it is put back as the backup has it.';
      options = ['update', 'reuse'];
    } else {
      action = 'reuse';
      why = byId
        ? `The tenant's ${isolatedText(nameOf(match))} is used as it is; it differs from the import.`
        : 'The tenant has one of the same name but other content: the tenant’s is used, not overwritten.';
      options = ['reuse', 'update'];
    }
    if (ambiguous && match) why = `Chosen in the mapping, of ${named.length} of this name in the tenant. ${why}`;
    const chosen = choices.rows[key]?.action;
    if (chosen && options.includes(chosen)) action = chosen;

    if (action === 'create' && deleted) why = 'Created as a new named location; the deleted one stays in deleted items.';
    const restoring = action === 'restore' && !!deleted;
    const targetId = match ? idOf(match) : restoring ? idOf(deleted!) : null;
    rows.push({
      key,
      kind,
      displayName: nameOf(item),
      action,
      options,
      why,
      sourceId,
      targetId,
      match: byId || restoring ? 'id' : byName ? 'name' : undefined,
      // A restore sends the import's version after it only where the deleted one differs.
      body: action === 'create' || action === 'update' ? body : restoring ? (differences.length ? body : {}) : null,
      // What the import has, also for a reused row: the review shows how the tenant's differs from it.
      intended: body,
      before: match ?? (restoring ? deleted! : null),
      problems:
        ambiguous && !match
          ? sameNameProblems(kind, key, named, isReferenced, action, choices)
          : differences.length > 0 && action !== 'update' && action !== 'restore'
            ? [{ severity: 'warning', text: `Differs from the import: ${differences.join('; ')}.` }]
            : [],
    });
    // One of several of the name is the mapping's to choose: its row there holds the admin's choice.
    if (sourceId && !ambiguous) {
      const resolved: MappingChoice & { why: string } =
        action === 'skip'
          ? { action: 'drop', why: 'Left out of this plan.' }
          : action === 'create'
            ? { action: 'use', targetId: pendingId(key), targetName: nameOf(item), why: 'Created by this plan.' }
            : {
                action: 'use',
                targetId: targetId!,
                targetName: nameOf(match ?? deleted!),
                why:
                  action === 'update'
                    ? 'Updated by this plan.'
                    : action === 'restore'
                      ? 'Restored from deleted items by this plan.'
                      : 'The tenant’s, as it is.',
              };
      planned.set(mappingKey(kind, sourceId), resolved);
    }
  }
  return { rows, planned, ambiguous: ambiguousNames };
}

/** "‘Office’ (id …), ‘Office’ (id …)": each object of the name, so the admin can tell them apart. */
const listed = (items: readonly JsonObject[]) => items.map((t) => `‘${isolatedText(nameOf(t))}’ (id ${idOf(t) ?? 'unknown'})`).join(', ');

/** A row for an object the tenant holds several of by its name, none with the import's content, before the admin says which. */
function undecided(
  kind: ObjectKind,
  item: JsonObject,
  named: readonly JsonObject[],
  isReferenced: boolean,
  dropped: boolean,
): { action: PlanAction; why: string; options: PlanAction[] } {
  const many = `${named.length} ${KIND_WORDS[kind]}s in the tenant are named ‘${isolatedText(nameOf(item))}’, none with the import’s content`;
  if (dropped) return { action: 'skip', why: `${many}; it is left out in the mapping.`, options: ['skip'] };
  // A policy names it: which one it stands for is chosen in the mapping, where its candidates are listed.
  if (isReferenced) return { action: 'reuse', why: `${many}: choose which one in the mapping.`, options: ['reuse'] };
  return { action: 'create', why: `${many}: none is taken for it.`, options: ['create', 'skip'] };
}

function sameNameProblems(
  kind: ObjectKind,
  key: string,
  named: readonly JsonObject[],
  isReferenced: boolean,
  action: PlanAction,
  choices: PlanChoices,
): PlanProblem[] {
  if (action === 'skip') return [];
  const which = `The tenant has ${named.length} ${KIND_WORDS[kind]}s of this name and none has the import’s content: ${listed(named)}.`;
  if (isReferenced)
    return [
      { severity: 'blocker', kind: 'sameNameReferenced', text: `${which} Choose in the mapping which one the policies are to name.` },
    ];
  const confirmKey = `same-name:${key}`;
  return [
    {
      severity: 'blocker',
      kind: 'sameNameObject',
      text: `${which} Leave it out, or confirm to create it as another of the same name.`,
      confirmKey,
      confirmed: choices.confirmed.includes(confirmKey),
    },
  ];
}

function findDeletedLocation(target: PlanTarget, id: string): JsonObject | undefined {
  return target.deletedNamedLocations?.find((item) => idOf(item)?.toLowerCase() === id.toLowerCase());
}

const deletedOn = (item: JsonObject) => (typeof item.deletedDateTime === 'string' ? ` (deleted ${item.deletedDateTime.slice(0, 10)})` : '');

/** A group the plan creates: chosen in the mapping (named by these policies), or asked for ahead (with its purpose). */
export interface GroupToCreate {
  mappingKey: string;
  name: string;
  usedBy: string[];
  purpose?: string;
  /** The purpose as the plan shows it (names isolated); the raw one is the group's description. */
  shownPurpose?: string | undefined;
}

/** Rows for the groups the plan creates: created empty, before the policies that name them. */
export function planGroups(creates: readonly GroupToCreate[]): ObjectRows {
  const rows: PlanRow[] = [];
  const planned = new Map<string, MappingChoice & { why: string }>();
  for (const { mappingKey: key, name, usedBy, purpose, shownPurpose } of creates) {
    const rowKey = `group:${key}`;
    const named = usedBy.map((n) => `'${isolatedText(n)}'`).join(', ');
    rows.push({
      key: rowKey,
      kind: 'group',
      displayName: name,
      action: 'create',
      options: ['create'],
      // Asked for by the source (with its purpose), it was not chosen in the mapping, even when a policy names it.
      why: purpose ? `Created now for ${shownPurpose ?? purpose}.` : `Chosen in the mapping; named by ${named}.`,
      sourceId: null,
      targetId: null,
      body: { displayName: name, description: `Created by Gatehouse for ${purpose ?? usedBy.join(', ')}`.slice(0, 1024) },
      intended: { displayName: name },
      before: null,
      problems: [{ severity: 'warning', text: 'Created empty: add its members after the plan is applied.' }],
    });
    planned.set(key, { action: 'use', targetId: pendingId(rowKey), targetName: name, why: 'Created by this plan.' });
  }
  return { rows, planned, ambiguous: [] };
}
