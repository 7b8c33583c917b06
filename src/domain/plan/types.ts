// The plan for writing a backup (or any import) into a tenant: one row per object in the order it
// will be written, each with its action and why, every referenced id mapped to the target, and
// what stops the plan from being applied. Built by a pure function of the import, the target as
// read and the admin's choices, so the review screen, the command line and the tests agree.
import type { ReferenceKind } from '../bundle/bundle';
import type { JsonObject } from '../json';
import type { EmergencyAccess, Memberships, Principal } from '../lockout';
import type { AgentKind, NameKind, ResolvedName } from '../references';

export type { AgentKind };

/** `restore`: the policy is in Deleted policies; it comes back with its id (and its history), then is brought to the plan's version. */
export type PlanAction = 'create' | 'update' | 'restore' | 'reuse' | 'skip';
export type PlanRowKind = 'group' | 'namedLocation' | 'authenticationStrength' | 'authenticationContext' | 'policy';

/** What a referenced value stands for: a directory object, or an object of Conditional Access itself. */
export type MappingKind = ReferenceKind | 'namedLocation' | 'authenticationStrength' | 'authenticationContext' | 'termsOfUse';

/** A directory object in the target that may stand for a source reference, and what it was found by. */
export interface TargetCandidate {
  id: string;
  kind: MappingKind;
  displayName: string;
  userPrincipalName?: string | null;
  mail?: string | null;
  appId?: string | null;
  roleTemplateId?: string | null;
  by: 'id' | 'userPrincipalName' | 'mail' | 'displayName' | 'appId' | 'roleTemplateId';
}

/** The tenant a plan writes to, as read just before planning. */
export interface PlanTarget {
  tenantId: string;
  policies: JsonObject[];
  namedLocations: JsonObject[];
  authenticationStrengths: JsonObject[];
  authenticationContexts: JsonObject[];
  termsOfUse: JsonObject[];
  /**
   * The tenant's deleted policies (each with `deletedDateTime`): a policy of the import found here is
   * restored rather than created again. Absent when they could not be read (beta only, global cloud only).
   */
  deletedPolicies?: JsonObject[];
  /** The tenant's deleted named locations: one the import carries is restored, not created again. Absent as above. */
  deletedNamedLocations?: JsonObject[];
  /** Candidates for each source reference, keyed by the value as it appears in the source. */
  directory: ReadonlyMap<string, TargetCandidate[]>;
  /**
   * Who must not be locked out in the target: the admin signed in there and its emergency accounts.
   * No admin for an app-only run (the command line): the emergency accounts alone are guarded.
   */
  guard?: { admin: Principal | null; emergency: EmergencyAccess; memberships?: Memberships };
}

/** How a policy's state is chosen: report-only, as in the source, off, or as the target has it now. */
export type StateChoice = 'reportOnly' | 'source' | 'off' | 'target';

export type MappingChoice = { action: 'use'; targetId: string; targetName: string } | { action: 'create' } | { action: 'drop' };

export interface PlanChoices {
  /** The state written policies get unless a row says otherwise. */
  states: 'reportOnly' | 'source';
  /** By mapping key. */
  mapping: Record<string, MappingChoice>;
  /** By row key. */
  rows: Record<string, { action?: PlanAction; state?: StateChoice }>;
  /** Problems the admin has confirmed one by one (dropped exclusions, lock-out risks), by confirm key. */
  confirmed: readonly string[];
  /** Source rows to include (row keys); absent means all. */
  selection?: readonly string[];
  /** `contoso.com` → `fabrikam.com`: proposes users by their translated sign-in names. */
  domains?: readonly { from: string; to: string }[];
}

export const defaultChoices = (): PlanChoices => ({ states: 'reportOnly', mapping: {}, rows: {}, confirmed: [] });

/**
 * What kind of thing blocks (each has its own next step in words, plan-words.ts): a reference nothing stands for
 * yet (a group apart, which may be created), an exclusion left out, a body Graph would refuse, a lock-out (or one
 * in the moment a policy deleted while On is back, which its planned state cannot prevent), several
 * tenant objects of the name, a referenced object of several names, the service's policy limit.
 */
export type BlockerKind =
  | 'unmappedGroup'
  | 'unmapped'
  | 'widened'
  | 'refused'
  | 'lockout'
  | 'restoreLockout'
  | 'sameNamePolicy'
  | 'sameNameObject'
  | 'sameNameReferenced'
  | 'policyLimit';

export interface PlanProblem {
  severity: 'blocker' | 'warning';
  text: string;
  /** A blocker's kind, for the next step said with it; a plan file written before kinds were kept has none. */
  kind?: BlockerKind;
  /** A blocker the admin may lift by confirming this key (item by item); absent when only a change of plan lifts it. */
  confirmKey?: string;
  /** Set when the admin has confirmed it: it no longer blocks. */
  confirmed?: boolean;
  /**
   * In the plan's list of blockers: the row whose choice lifts it (a reference's, else a policy's), by its key; absent
   * for what no row lifts (the policy limit). Plain data: it survives the worker's postMessage.
   */
  at?: { table: 'mapping' | 'rows'; key: string };
}

/** Where a reference is used: the policy, the place, and whether it narrows who the policy covers. */
export interface ReferenceUse {
  rowKey: string;
  policyName: string;
  place: string;
  exclusion: boolean;
  /** The policy's file, when another policy of the import of its name came from another file: what tells the two apart. */
  file?: string;
}

export type ProposalStatus = 'same' | 'match' | 'ambiguous' | 'none' | 'gone' | 'planned';

export interface MappingRow {
  key: string;
  kind: MappingKind;
  /** An agent identity or agent user: every place that names it is one of the agent lists. */
  agent?: AgentKind;
  /** The value as the source has it (an id, or a name or blank from a template). */
  sourceValue: string;
  sourceName: string | null;
  /** UPN, mail or appId as the source knows it. */
  sourceDetail: string | null;
  status: ProposalStatus;
  /** In words: why this proposal. */
  why: string;
  candidates: TargetCandidate[];
  /** The choice in force: the admin's, else the proposal's; absent while nothing is decided. */
  choice: MappingChoice | null;
  /** Whether the admin chose it (rather than taking the proposal). */
  chosen: boolean;
  uses: ReferenceUse[];
  /** What may be chosen: create only for groups (and objects the import carries). */
  canCreate: boolean;
  problems: PlanProblem[];
}

export interface PlanRow {
  key: string;
  kind: PlanRowKind;
  displayName: string;
  action: PlanAction;
  /** Actions the admin may choose instead. */
  options: PlanAction[];
  why: string;
  sourceId: string | null;
  /** The object in the target it updates, restores or reuses (known once created, for created rows). */
  targetId: string | null;
  match?: 'id' | 'name' | 'content';
  /**
   * What will be sent: the whole body for a create, only what changes for an update, and for a restore what
   * changes after it (empty when the policy comes back as planned). Pending ids are tokens.
   */
  body: JsonObject | null;
  /** The object as it should read back afterwards (writable properties), for the check after writing. */
  intended: JsonObject | null;
  /** The target's object now (a restore's: as it was deleted), for the difference. */
  before: JsonObject | null;
  state?: { choice: StateChoice; value: string; options: StateChoice[] };
  problems: PlanProblem[];
}

export interface Plan {
  sameTenant: boolean;
  rows: PlanRow[];
  mapping: MappingRow[];
  /** Every unconfirmed blocker, from the rows and the mapping: applying waits until there are none. */
  blockers: PlanProblem[];
  counts: Record<PlanAction, number>;
}

/** An id the plan does not know yet: an object this run creates. Apply replaces it once the object exists. */
export const pendingId = (rowKey: string) => `gatehouse:pending:${rowKey}`;
export const PENDING_PATTERN = /gatehouse:pending:([^"\s]+)/g;

/**
 * The names of the objects a plan creates, under their pending ids: a difference shown before the
 * run says "Pilot ring (created by the plan)" where the policy will refer to the new group.
 */
export function pendingNames(rows: readonly PlanRow[]): ResolvedName[] {
  return rows.flatMap((row): ResolvedName[] =>
    row.action === 'create' && row.kind !== 'policy'
      ? [{ id: pendingId(row.key), kind: row.kind satisfies NameKind, displayName: `${row.displayName} (created by the plan)` }]
      : [],
  );
}
