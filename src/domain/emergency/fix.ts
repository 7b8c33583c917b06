// The bulk fix and its exact revert, as imports for the planner (domain/plan): each chosen policy,
// as just read, with the emergency accounts and groups of Settings merged into its exclusions
// (withExclusions: nothing dropped), and a record of exactly which ids each policy gained. The
// revert removes those ids and nothing else, so an exclusion added by someone else since, or one
// the policy already had, stays.
import type { ImportSet } from '../import/import-set';
import { emptyImportSet } from '../import/import-set';
import { isJsonObject, stringsIn as list, type JsonObject } from '../json';
import type { EmergencyAccess } from '../lockout';
import { withExclusions } from '../policy-body';
import { holdsId } from '../ids';

export interface FixedPolicy {
  id: string;
  name: string;
  /** Ids the fix adds to excludeUsers and excludeGroups: the ones the policy did not already have. */
  addedUsers: string[];
  addedGroups: string[];
}

export interface EmergencyFixRecord {
  tenantId: string;
  /** When the fix run started (the first of them, when fixes were made one after another). */
  at: string;
  policies: FixedPolicy[];
  /** How many fixes the record holds, when more than one: a fix made before the last was reverted adds to it. */
  fixes?: number;
}

const usersOf = (policy: JsonObject) => {
  const conditions = isJsonObject(policy.conditions) ? policy.conditions : {};
  return isJsonObject(conditions.users) ? conditions.users : {};
};

const asImport = (tenantId: string, policies: JsonObject[]): ImportSet => {
  const set = emptyImportSet();
  set.origin.tenantId = tenantId;
  set.sections.policies = policies;
  return set;
};

/** The fix for these policies: the import to plan, and what each policy gains. */
export function emergencyFix(
  tenantId: string,
  policies: readonly JsonObject[],
  emergency: EmergencyAccess,
): { source: ImportSet; fixed: FixedPolicy[] } {
  const users = emergency.users.map((u) => u.id);
  const groups = emergency.groups.map((g) => g.id);
  const fixed: FixedPolicy[] = [];
  const copies: JsonObject[] = [];
  for (const policy of policies) {
    const current = usersOf(policy);
    const addedUsers = users.filter((id) => !holdsId(list(current.excludeUsers), id));
    const addedGroups = groups.filter((id) => !holdsId(list(current.excludeGroups), id));
    if (addedUsers.length + addedGroups.length === 0) continue;
    copies.push(withExclusions(policy, { users, groups }));
    fixed.push({
      id: String(policy.id),
      name: typeof policy.displayName === 'string' ? policy.displayName : String(policy.id),
      addedUsers,
      addedGroups,
    });
  }
  return { source: asImport(tenantId, copies), fixed };
}

/**
 * What a fix run will add, from the writes it was started with (row keys `policy:<id>`, update
 * bodies with only what changes): a policy left out of the run, or whose list the update does not
 * touch (someone added the accounts between the review's read and the plan's), gains nothing.
 */
export function fixRecord(
  tenantId: string,
  at: string,
  fixed: readonly FixedPolicy[],
  writes: readonly { key: string; body: JsonObject }[],
): EmergencyFixRecord {
  const policies: FixedPolicy[] = [];
  for (const entry of fixed) {
    const write = writes.find((w) => w.key === `policy:${entry.id}`);
    if (!write) continue;
    const users = usersOf(write.body);
    const addedUsers = entry.addedUsers.filter((id) => holdsId(list(users.excludeUsers), id));
    const addedGroups = entry.addedGroups.filter((id) => holdsId(list(users.excludeGroups), id));
    if (addedUsers.length + addedGroups.length > 0) policies.push({ ...entry, addedUsers, addedGroups });
  }
  return { tenantId, at, policies };
}

/**
 * A later fix's record added to the earlier one not yet reverted: one revert then takes out what both
 * added (each only ids its policy did not already have, so nothing counts twice), and the earlier
 * fix's way back is never lost by being overwritten.
 */
export function mergeFixRecords(earlier: EmergencyFixRecord | null, later: EmergencyFixRecord): EmergencyFixRecord {
  if (!earlier || earlier.tenantId !== later.tenantId || earlier.policies.length === 0) return later;
  if (later.policies.length === 0) return earlier;
  const union = (a: string[], b: string[]) => [...a, ...b.filter((id) => !a.includes(id))];
  const policies = earlier.policies.map((p) => ({ ...p }));
  for (const entry of later.policies) {
    const known = policies.find((p) => p.id === entry.id);
    if (!known) policies.push(entry);
    else
      Object.assign(known, {
        name: entry.name,
        addedUsers: union(known.addedUsers, entry.addedUsers),
        addedGroups: union(known.addedGroups, entry.addedGroups),
      });
  }
  return { tenantId: later.tenantId, at: earlier.at, policies, fixes: (earlier.fixes ?? 1) + (later.fixes ?? 1) };
}

/**
 * The revert of a fix, from the policies as just read: each loses the ids the fix added, and
 * nothing else changes. A policy that no longer has them (reverted by hand, or deleted) is left out.
 */
export function emergencyRevert(tenantId: string, policies: readonly JsonObject[], record: EmergencyFixRecord): ImportSet {
  const copies: JsonObject[] = [];
  for (const entry of record.policies) {
    const policy = policies.find((p) => p.id === entry.id);
    if (!policy) continue;
    const copy = structuredClone(policy);
    const users = usersOf(copy);
    let changed = false;
    const remove = (key: 'excludeUsers' | 'excludeGroups', ids: string[]) => {
      const current = list(users[key]);
      const kept = current.filter((id) => !ids.includes(id));
      if (kept.length === current.length) return;
      users[key] = kept;
      changed = true;
    };
    remove('excludeUsers', entry.addedUsers);
    remove('excludeGroups', entry.addedGroups);
    if (changed) copies.push(copy);
  }
  return asImport(tenantId, copies);
}

/** Accounts and groups most often excluded from policies that target all users: candidates, never chosen for the admin. */
export interface Candidate {
  kind: 'user' | 'group';
  id: string;
  excludedFrom: number;
  of: number;
  why: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function suggestCandidates(policies: readonly JsonObject[], limit = 5): Candidate[] {
  const broad = policies.filter((p) => list(usersOf(p).includeUsers).includes('All'));
  if (broad.length === 0) return [];
  const counts = new Map<string, { kind: 'user' | 'group'; id: string; n: number }>();
  for (const policy of broad) {
    const users = usersOf(policy);
    for (const [kind, ids] of [
      ['user', list(users.excludeUsers)],
      ['group', list(users.excludeGroups)],
    ] as const) {
      for (const id of new Set(ids.filter((x) => GUID.test(x)))) {
        const entry = counts.get(id) ?? { kind, id, n: 0 };
        entry.n++;
        counts.set(id, entry);
      }
    }
  }
  // Excluded from at least half of the policies that cover everyone: the usual mark of a break-glass exclusion.
  return [...counts.values()]
    .filter((c) => c.n * 2 >= broad.length)
    .sort((a, b) => b.n - a.n || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((c) => ({
      kind: c.kind,
      id: c.id,
      excludedFrom: c.n,
      of: broad.length,
      why: `Excluded from ${c.n} of the ${broad.length} policies that target all users.`,
    }));
}
