// The one JSON document every `gatehouse diff --format json` prints (against a backup, another backup, a
// desired state with --baseline, or each tenant of a tenants file), so one jq script reads them all.
// The README's "Drift as JSON" section is its schema; change both together, and the version with them.

export const DIFF_FORMAT = 'gatehouse.diff';
export const DIFF_VERSION = 2;

/**
 * One object that differs. Against a backup: added, removed or changed (by id). Against a desired state
 * (--baseline): missing from the tenant, or differs from it (matched by the planner).
 */
export interface DiffItem {
  /** policies, namedLocations, authenticationStrengths, authenticationContexts, termsOfUse; with --baseline also groups. */
  section: string;
  name: string;
  id: string | null;
  kind: 'added' | 'removed' | 'changed' | 'missing' | 'differs';
  changes: string[];
  /** The latest change to it in the audit log, when read (the tenant's side only). */
  author?: { by: string; at: string; activity?: string };
}

/** One comparison: what was compared with what, and what differs. */
export interface DiffResult {
  from: string;
  to: string;
  drift: DiffItem[];
  /** What the admin should know of the comparison (a damaged backup, an audit log not read, a mapping's notes). */
  note: string | null;
  /** The comparison cannot be trusted (a backup lost files, another tenant's backup, references not placed): exit 2. */
  damaged: boolean;
  /** With --baseline: references the plan could not place in the tenant. */
  unplaced?: string[];
}

export const diffDocument = (result: DiffResult) =>
  `${JSON.stringify({ format: DIFF_FORMAT, version: DIFF_VERSION, ...result }, null, 2)}\n`;

/** Each tenant of a tenants file: its comparison, or why it could not be made. */
export type TenantDiff = { id: string; name: string; baseline: string } & DiffResult;
export type TenantDiffError = { id: string; name: string; error: string };

export const tenantsDiffDocument = (tenants: (TenantDiff | TenantDiffError)[]) =>
  `${JSON.stringify({ format: DIFF_FORMAT, version: DIFF_VERSION, tenants }, null, 2)}\n`;
