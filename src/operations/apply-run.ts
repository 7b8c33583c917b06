// A plan's run as the journal keeps it: each write of the plan with where it got, and the writers
// that carry the writes to the tenant (their Graph implementation is in plan-writers.ts).
import type { JsonObject } from '../domain/json';
import type { Plan, PlanRow, PlanRowKind } from '../domain/plan/types';
import type { Clock } from './ports';

export type ApplyStatus = 'pending' | 'running' | 'done' | 'failed';
type WriteAction = 'create' | 'update' | 'restore';

export interface ApplyItem {
  key: string;
  kind: PlanRowKind;
  name: string;
  action: WriteAction;
  status: ApplyStatus;
  /** What is sent, with ids of objects this run creates as tokens until they exist. */
  body: JsonObject;
  /** The object as it should read back. */
  intended: JsonObject;
  targetId: string | null;
  /** The target's modifiedDateTime when planned: an update finds out whether someone changed it since. */
  baseModified: string | null;
  /**
   * When a create was last sent: if the run stops before its answer, a resume looks before sending again.
   * For an update, when its body was first sent (kept while the body is the same).
   */
  sentAt?: string;
  /**
   * An update's body as sent, hashed: a resume that finds the object changed since the plan, at or after
   * `sentAt` and reading as planned, knows the change for this row's own write (whose answer was lost).
   */
  sentHash?: string;
  /** The create's answer was lost; the object was found in the tenant instead of created twice. */
  recovered?: boolean;
  /** After the write: empty when it reads back as planned, else each difference in words. */
  differences?: string[];
  message?: string;
  /** Was under way when the run was cut short (a closed tab): a resume looks in the tenant before it writes again. */
  interrupted?: boolean;
  /** Graph accepted the write, but reading it back found nothing: a resume looks for it before writing again. */
  unconfirmed?: boolean;
  /**
   * Refused for naming an object this run created, which the service still did not see after the waits:
   * not the content's fault; the same run applied again a few minutes later goes on.
   */
  notYetSeen?: boolean;
  /**
   * A restore that landed (the object is back in the tenant, as it was deleted): a resume does not restore
   * it again, it finishes the change after it (a policy's state above all).
   */
  restored?: boolean;
  /** A restored policy's state as it was deleted: what it does until the change after the restore is made. */
  deletedState?: string;
  /**
   * Written, but the version it replaced could not be kept in this device's history (storage full or blocked),
   * so it cannot be restored from here: the warning in words, kept once said.
   */
  versionNotKept?: string;
  /** The warning holds if the write was applied: its answer was lost, and no look could tell. */
  versionNotKeptIfWritten?: boolean;
}

export interface ApplyRun {
  /** The tenant written to. */
  tenantId: string;
  startedAt: string;
  finishedAt?: string;
  items: ApplyItem[];
  /** Ids of the objects this run created, by row key: later rows name them. */
  created: Record<string, string>;
  stopped?: string;
  /**
   * Each write needs the one before it (a rollout's step, a contingency switch): the run stops at the
   * first that fails, since the next would leave the tenant in a state nobody planned.
   */
  inOrder?: boolean;
  /** Where the console started it: what it is, in words, and the page that resumes it (absent from the command line). */
  origin?: RunOrigin;
}

export interface RunOrigin {
  /** What the run is, for telling one run from another on the same page (a rollout's step, a plan's switch). */
  key: string;
  /** The page that resumes it, with its search ("/rollout?policy=…"). */
  path: string;
  /** In words: "Contingency: the switch to the plan for Compliance service disruption". */
  label: string;
}

/** How objects of each kind are written and read; the Graph implementation is in plan-writers.ts. */
export interface PlanWriters {
  create(kind: PlanRowKind, body: JsonObject): Promise<JsonObject>;
  /**
   * Answers the object as read back when the update reads it anyway (a policy's save does; another kind only when it
   * finds the object already as planned, and sends nothing). Written, but the
   * version it replaced could not be kept on this device: it tells `onVersionNotKept`, in words. It tells it too,
   * `ifWritten`, before failing a write whose answer was lost that no look could confirm: it may be in the tenant.
   * It tells `onWrittenNow` when this call sent the write and it landed, not when it found the object already as
   * planned (which may be an earlier attempt's lost write).
   */
  update(
    kind: PlanRowKind,
    id: string,
    body: JsonObject,
    item: {
      intended: JsonObject;
      baseModified: string | null;
      onVersionNotKept?: (words: string, ifWritten?: boolean) => void;
      onWrittenNow?: () => void;
    },
  ): Promise<JsonObject | void>;
  /**
   * Brings a deleted object back by its id and answers it as read back; finding it already back (a lost
   * answer, a run resumed) counts as restored.
   */
  restore(kind: PlanRowKind, id: string, onRestored?: () => void): Promise<JsonObject>;
  /** The object as the tenant now has it; `intended` says what was written (its name finds objects read by name). */
  read(kind: PlanRowKind, id: string, intended: JsonObject): Promise<JsonObject>;
  /** After a create whose answer was lost: the object, if the tenant has it (same name and content). */
  findCreated(kind: PlanRowKind, body: JsonObject): Promise<JsonObject | null>;
  /** How what was read differs from what was intended, in words; empty when it is as planned. */
  compare(kind: PlanRowKind, intended: JsonObject, actual: JsonObject): string[];
}

/** How many of the run's writes are done. */
export const writtenCount = (run: ApplyRun): number => run.items.filter((item) => item.status === 'done').length;

/** The rows of a plan that write, in its order, ready to run. */
export function newApplyRun(plan: Plan, tenantId: string, clock: Clock, origin?: RunOrigin, inOrder = false): ApplyRun {
  const writes = plan.rows.filter(
    (row): row is PlanRow & { action: WriteAction } => row.action === 'create' || row.action === 'update' || row.action === 'restore',
  );
  return {
    tenantId,
    startedAt: clock.now().toISOString(),
    ...(origin && { origin }),
    ...(inOrder && { inOrder }),
    created: {},
    items: writes.map((row) => ({
      key: row.key,
      kind: row.kind,
      name: row.displayName,
      action: row.action,
      status: 'pending',
      body: row.body ?? {},
      intended: row.intended ?? {},
      targetId: row.targetId,
      baseModified: typeof row.before?.modifiedDateTime === 'string' ? row.before.modifiedDateTime : null,
      ...(row.action === 'restore' && typeof row.before?.state === 'string' && { deletedState: row.before.state }),
    })),
  };
}
