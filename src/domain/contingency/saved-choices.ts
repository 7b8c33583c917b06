// The choices and switch records kept on a device, found again for plans whose id changed: an earlier version
// gave a plan the Latin letters of its disruption only ("" for `多要素認証の障害`, so two such plans shared it),
// and a plan's id changes when another plan of the tenant comes to share its Latin one; that newcomer may then
// be given the id the first plan had ('MFA' arriving beside 'MFA 障害', which had 'mfa'). What an old id held
// goes to the one plan that could have had it; when two or more could, to none of them, and the admin is told.
import { isolatedText } from '../isolate';
import { earlierIdsOf, sameDisruption, type ContingencyPlan, type PlanEdits } from './contingency-plan';
import type { SwitchRecord } from './switch';

export interface SavedChoices {
  /** Edits of recognised plans, by plan id. */
  plans: Record<string, PlanEdits>;
  /** The last switch of each plan, until it is reverted. */
  switches: Record<string, SwitchRecord>;
}

export interface FoundChoices extends SavedChoices {
  /** Whether something kept under an old id was given to its plan, or set aside from the plan that has that id now: to keep, so it is moved once. */
  moved: boolean;
  /** What was kept under an old id that more than one plan could have had: given to none, in words. */
  unclear: string[];
}

/**
 * What was kept under an id another plan has now, and could not be given to the plan it was for, is set aside under
 * `set aside: <id>` (a plan id has no space or colon): out of the new holder's reach, still on the device, still said.
 * That it is there also says that what was kept under the id since is the holder's own.
 */
const ASIDE = /^set aside(?: (\d+))?: (.*)$/su;
const asideKey = (id: string, n: number) => (n === 1 ? `set aside: ${id}` : `set aside ${n}: ${id}`);
const isAside = (key: string, id: string) => ASIDE.exec(key)?.[2] === id;

const names = (plans: readonly ContingencyPlan[]) => plans.map((p) => `‘${isolatedText(p.disruption)}’`).join(' and ');

interface Rules<T> {
  /**
   * Of an entry kept under the id `holder` has now: undefined when it is the holder's; the plan it is for when the
   * entry names another (a switch names its disruption); the plans it may be for when it cannot tell.
   */
  heldFor: (entry: T, holder: ContingencyPlan, entries: Readonly<Record<string, T>>) => ContingencyPlan | ContingencyPlan[] | undefined;
  /** Among the plans that could have had an old id, the ones the entry itself points at. */
  narrow: (entry: T, candidates: readonly ContingencyPlan[]) => readonly ContingencyPlan[];
  /** Said of an entry more than one plan could have had. */
  unclearWords: (entry: T, candidates: readonly ContingencyPlan[]) => string;
  /** Said of an entry for one plan that has its own entry since; unsaid when that one simply replaces it. */
  supersededWords?: (entry: T, plan: ContingencyPlan) => string;
}

/** Each entry kept under an id no plan has now, or under one a plan has now that it was not for, given to the one plan it was for. */
function place<T>(entries: Readonly<Record<string, T>>, plans: readonly ContingencyPlan[], rules: Rules<T>) {
  const holders = new Map(plans.map((p) => [p.id, p]));
  const placed: Record<string, T> = { ...entries };
  const unclear: string[] = [];
  let moved = false;
  const setAside = (key: string, id: string, entry: T) => {
    let n = 1;
    while (asideKey(id, n) in placed) n += 1;
    delete placed[key];
    placed[asideKey(id, n)] = entry;
    moved = true;
  };
  for (const [key, entry] of Object.entries(entries)) {
    const id = ASIDE.exec(key)?.[2] ?? key;
    const holder = id === key ? holders.get(id) : undefined;
    if (holder) {
      const verdict = rules.heldFor(entry, holder, entries);
      if (!verdict) continue;
      if (Array.isArray(verdict)) {
        unclear.push(rules.unclearWords(entry, verdict));
        setAside(key, id, entry);
      } else if (verdict.id in placed) {
        unclear.push(rules.supersededWords?.(entry, verdict) ?? rules.unclearWords(entry, [verdict]));
        setAside(key, id, entry);
      } else {
        placed[verdict.id] = entry;
        delete placed[key];
        moved = true;
      }
      continue;
    }
    const couldHave = plans.filter((p) => earlierIdsOf(p.disruption).includes(id));
    const pointedAt = rules.narrow(entry, couldHave);
    const candidates = pointedAt.length > 0 ? pointedAt : couldHave;
    // None: a plan this tenant has no policies for now (they may come back); kept as it is.
    if (candidates.length === 0) continue;
    // Every candidate has its own, newer entry: nothing to give (said when that matters).
    if (candidates.every((p) => p.id in placed)) {
      if (candidates.length === 1 && rules.supersededWords) unclear.push(rules.supersededWords(entry, candidates[0]!));
      continue;
    }
    if (candidates.length > 1) {
      unclear.push(rules.unclearWords(entry, candidates));
      continue;
    }
    placed[candidates[0]!.id] = entry;
    delete placed[key];
    moved = true;
  }
  return { placed, moved, unclear };
}

const switchWords = (record: SwitchRecord) =>
  `The switch of ${record.at.slice(0, 10)}${record.by ? ` by ${isolatedText(record.by)}` : ''}, recorded on this device by an earlier version`;

/** The saved choices keyed on the plans' ids now, and what could not be given to one plan. */
export function findSavedChoices(saved: SavedChoices, plans: readonly ContingencyPlan[]): FoundChoices {
  const edits = place(saved.plans, plans, {
    // Choices do not say whose they are: when another plan could have had the holder's id, they may be that plan's,
    // unless what was kept under the id before has been set aside already (then these were saved for the holder since).
    heldFor: (_, holder, entries) => {
      const others = plans.filter((p) => p !== holder && earlierIdsOf(p.disruption).includes(holder.id));
      if (others.length === 0 || Object.keys(entries).some((key) => isAside(key, holder.id))) return undefined;
      return plans.filter((p) => p === holder || others.includes(p));
    },
    narrow: () => [],
    unclearWords: (_, candidates) =>
      `Choices saved on this device by an earlier version belong to one of the plans for ${names(candidates)}, which it cannot tell apart: neither plan was given them. Check what each one suspends and which exclusions it adds.`,
  });
  const named = (record: SwitchRecord, among: readonly ContingencyPlan[]) =>
    among.filter((p) => sameDisruption(p.disruption, record.disruption));
  const switches = place(saved.switches, plans, {
    // A switch names its disruption: kept by the holder unless it names another plan of the tenant.
    heldFor: (record, holder) => named(record, plans).find((p) => p !== holder),
    narrow: (record, candidates) => {
      const byName = named(record, candidates);
      if (byName.length > 0) return byName;
      const touched = new Set(record.touched.map((t) => t.policyId));
      return candidates.filter((p) => p.enable.some((s) => touched.has(s.policyId)));
    },
    unclearWords: (record, candidates) =>
      `${switchWords(record)}, belongs to one of the plans for ${names(candidates)}, which it cannot tell apart: neither plan was given it, so neither can be switched back from here. Check those plans’ policies in the policy list.`,
    supersededWords: (record, plan) =>
      `${switchWords(record)} for ${names([plan])}, was not given to that plan, which has another switch recorded: this one cannot be switched back from here. Check that plan’s policies in the policy list.`,
  });
  return {
    plans: edits.placed,
    switches: switches.placed,
    moved: edits.moved || switches.moved,
    unclear: [...edits.unclear, ...switches.unclear],
  };
}
