// The choices and switch records kept on a device, found again for plans whose id changed: an earlier version
// gave a plan the Latin letters of its disruption only ("" for `多要素認証の障害`, so two such plans shared it),
// and a plan's id changes when another plan of the tenant comes to share its Latin one. What an old id held goes
// to the one plan that could have had it; when two or more could, to none of them, and the admin is told.
import { isolatedText } from '../isolate';
import { earlierIdsOf, type ContingencyPlan, type PlanEdits } from './contingency-plan';
import type { SwitchRecord } from './switch';

export interface SavedChoices {
  /** Edits of recognised plans, by plan id. */
  plans: Record<string, PlanEdits>;
  /** The last switch of each plan, until it is reverted. */
  switches: Record<string, SwitchRecord>;
}

export interface FoundChoices extends SavedChoices {
  /** Whether something kept under an old id was given to its plan: to keep, so it is moved once. */
  moved: boolean;
  /** What was kept under an old id that more than one plan could have had: given to none, in words. */
  unclear: string[];
}

const names = (plans: readonly ContingencyPlan[]) => plans.map((p) => `‘${isolatedText(p.disruption)}’`).join(' and ');

/** Each entry kept under an id no plan has now, given to the one plan that could have had that id. */
function place<T>(
  entries: Readonly<Record<string, T>>,
  plans: readonly ContingencyPlan[],
  // Among the plans that could have had the id, the ones the entry itself points at (a switch names its disruption).
  narrow: (entry: T, candidates: readonly ContingencyPlan[]) => readonly ContingencyPlan[],
  unclearWords: (entry: T, candidates: readonly ContingencyPlan[]) => string,
) {
  const ids = new Set(plans.map((p) => p.id));
  const placed: Record<string, T> = { ...entries };
  const unclear: string[] = [];
  let moved = false;
  for (const [id, entry] of Object.entries(entries)) {
    if (ids.has(id)) continue;
    const couldHave = plans.filter((p) => earlierIdsOf(p.disruption).includes(id));
    const pointedAt = narrow(entry, couldHave);
    const candidates = pointedAt.length > 0 ? pointedAt : couldHave;
    // None: a plan this tenant has no policies for now (they may come back); kept as it is.
    // Every candidate has its own, newer entry: nothing to give.
    if (candidates.length === 0 || candidates.every((p) => p.id in placed)) continue;
    if (candidates.length > 1) {
      unclear.push(unclearWords(entry, candidates));
      continue;
    }
    placed[candidates[0]!.id] = entry;
    delete placed[id];
    moved = true;
  }
  return { placed, moved, unclear };
}

/** The saved choices keyed on the plans' ids now, and what could not be given to one plan. */
export function findSavedChoices(saved: SavedChoices, plans: readonly ContingencyPlan[]): FoundChoices {
  const edits = place(
    saved.plans,
    plans,
    () => [],
    (_, candidates) =>
      `Choices saved on this device by an earlier version belong to one of the plans for ${names(candidates)}, which it cannot tell apart: neither plan was given them. Check what each one suspends and which exclusions it adds.`,
  );
  const switches = place(
    saved.switches,
    plans,
    (record, candidates) => {
      const byName = candidates.filter((p) => p.disruption === record.disruption);
      if (byName.length > 0) return byName;
      const touched = new Set(record.touched.map((t) => t.policyId));
      return candidates.filter((p) => p.enable.some((s) => touched.has(s.policyId)));
    },
    (record, candidates) =>
      `The switch of ${record.at.slice(0, 10)}${record.by ? ` by ${isolatedText(record.by)}` : ''}, recorded on this device by an earlier version, belongs to one of the plans for ${names(candidates)}, which it cannot tell apart: neither plan was given it, so neither can be switched back from here. Check those plans’ policies in the policy list.`,
  );
  return {
    plans: edits.placed,
    switches: switches.placed,
    moved: edits.moved || switches.moved,
    unclear: [...edits.unclear, ...switches.unclear],
  };
}
