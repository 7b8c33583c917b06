// How far a recorded contingency switch got, from what the policies and the journal say: the plan's card and
// the notice above the policy list tell the same. A switch is recorded before its first write, so a record
// alone does not mean anything was switched.
import { changedNow, type SwitchRecord } from '../../domain/contingency/switch';
import type { JsonObject } from '../../domain/json';
import { writtenCount, type ApplyRun } from '../../operations/apply-plan';

/** The journal's key of a plan's switch run (or switch back). */
export const switchRunKey = (kind: 'activate' | 'revert', planId: string) => `contingency:${kind}:${planId}`;

export interface HalfDone {
  written: number;
  total: number;
}

/** A switch left between its steps (or stopped): the journal still holds its run, which can go on. */
export function halfDoneOf(run: ApplyRun | null, planId: string): HalfDone | null {
  if (!run || run.finishedAt || run.origin?.key !== switchRunKey('activate', planId)) return null;
  return { written: writtenCount(run), total: run.items.length };
}

export type SwitchProgress =
  | { kind: 'half-done'; written: number; total: number }
  /** Every touched policy is as it was before the switch: its first write refused, or each put back since. */
  | { kind: 'nothing-in-place' }
  | { kind: 'in-part'; changed: number; total: number }
  /** All of it in place, or not known (a touched policy deleted since). */
  | { kind: 'switched' };

export function switchProgress(record: SwitchRecord, policies: readonly JsonObject[], halfDone: HalfDone | null): SwitchProgress {
  if (halfDone) return { kind: 'half-done', ...halfDone };
  const changed = changedNow(record, policies);
  const total = record.touched.length;
  if (changed === 0) return { kind: 'nothing-in-place' };
  if (changed !== null && changed < total) return { kind: 'in-part', changed, total };
  return { kind: 'switched' };
}
