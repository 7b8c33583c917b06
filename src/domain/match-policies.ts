// Two sets of policies side by side (a tenant and a backup, or two tenants): each policy matched
// by id, else by display name, then sorted into only in A, only in B, changed and identical. The
// comparison ignores what the service owns and the noise of exports (nulls, empty lists, id order).
import { comparableText, type JsonObject } from './policy-body';

export type MatchStatus = 'onlyA' | 'onlyB' | 'changed' | 'identical';

export interface PolicyMatch {
  /** Stable within one comparison, for URLs: the id on side A, else on side B, else the name. */
  key: string;
  name: string;
  status: MatchStatus;
  a?: JsonObject;
  b?: JsonObject;
  /** How the two were paired. */
  by?: 'id' | 'name';
  /** The id the policy has on side B (a file's policies carry it beside their JSON), if any. */
  bId?: string | null;
}

export interface SetComparison {
  matches: PolicyMatch[];
  counts: Record<MatchStatus, number>;
}

/** A policy as read from a tenant or a file: the id it had, if any, and its JSON. */
export interface SidePolicy {
  id: string | null;
  policy: JsonObject;
}

const nameOf = (policy: JsonObject) => (typeof policy.displayName === 'string' ? policy.displayName : '');
const normalName = (policy: JsonObject) => nameOf(policy).trim().toLowerCase();
const QUIET = { hideEmpty: true, sortIds: true };

export function matchPolicySets(sideA: readonly SidePolicy[], sideB: readonly SidePolicy[]): SetComparison {
  const unmatchedB = new Set(sideB.map((_, i) => i));
  const byId = new Map<string, number>();
  sideB.forEach((item, i) => item.id && byId.set(item.id, i));
  const pairs: { a?: SidePolicy; b?: SidePolicy; by?: 'id' | 'name' }[] = [];
  const waitingForName: SidePolicy[] = [];

  for (const item of sideA) {
    const i = item.id ? byId.get(item.id) : undefined;
    if (i !== undefined && unmatchedB.has(i)) {
      unmatchedB.delete(i);
      pairs.push({ a: item, b: sideB[i], by: 'id' });
    } else waitingForName.push(item);
  }
  // Names can repeat; each name pairs the first unmatched policy of that name on each side.
  const byName = new Map<string, number[]>();
  for (const i of unmatchedB) {
    const key = normalName(sideB[i]!.policy);
    byName.set(key, [...(byName.get(key) ?? []), i]);
  }
  for (const item of waitingForName) {
    const candidates = byName.get(normalName(item.policy));
    const i = candidates?.shift();
    if (i !== undefined && normalName(item.policy) !== '') {
      unmatchedB.delete(i);
      pairs.push({ a: item, b: sideB[i], by: 'name' });
    } else pairs.push({ a: item });
  }
  for (const i of unmatchedB) pairs.push({ b: sideB[i] });

  const counts: Record<MatchStatus, number> = { onlyA: 0, onlyB: 0, changed: 0, identical: 0 };
  const used = new Set<string>();
  const matches = pairs.map(({ a, b, by }): PolicyMatch => {
    const status: MatchStatus = !b
      ? 'onlyA'
      : !a
        ? 'onlyB'
        : comparableText(a.policy, QUIET) === comparableText(b.policy, QUIET)
          ? 'identical'
          : 'changed';
    counts[status]++;
    let key = a?.id ?? b?.id ?? nameOf((a ?? b)!.policy);
    while (used.has(key)) key = `${key}~`;
    used.add(key);
    return { key, name: nameOf((a ?? b)!.policy) || '(no name)', status, a: a?.policy, b: b?.policy, by, bId: b?.id ?? null };
  });
  matches.sort((x, y) => x.name.localeCompare(y.name));
  return { matches, counts };
}
