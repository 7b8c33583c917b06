// The choices and switch records kept on a device, found again for plans whose id changed: an earlier version
// gave a plan the Latin letters of its disruption only ("" for `多要素認証の障害`, so two such plans shared it),
// and a plan's id changes when another plan of the tenant comes to share its Latin one; that newcomer may then
// be given the id the first plan had ('MFA' arriving beside 'MFA 障害', which had 'mfa'). What an old id held
// goes to the one plan that could have had it; when two or more could, to none of them, and the admin is told.
// A plan's id is also given again to a plan made after it was deleted (the same name, or one with the same
// id): what was kept for the deleted plan is not the new one's. A switch record says which plan it was made for
// (its disruption and the policies it turned on); choices do not, so the policies of their plan are kept beside them.
import { isolatedText } from '../isolate';
import { earlierIdsOf, sameDisruption, type ContingencyPlan, type PlanEdits } from './contingency-plan';
import { keptBeforeDeletedOffer, whatTheyHeld } from './kept-before-deleted';
import type { SwitchRecord } from './switch';

export interface SavedChoices {
  /** Edits of recognised plans, by plan id. */
  plans: Record<string, PlanEdits>;
  /** The last switch of each plan, until it is reverted. */
  switches: Record<string, SwitchRecord>;
  /**
   * By plan id, the contingency policies of the plan the choices kept under that id were saved for, as last seen
   * (none: not known, kept by an earlier version for a plan gone since). Written by findSavedChoices.
   */
  choicesFor?: Record<string, string[]>;
}

export interface FoundChoices extends SavedChoices {
  choicesFor: Record<string, string[]>;
  /**
   * Whether something kept under an old id was given to its plan, or set aside from the plan that has that id now,
   * or choicesFor changed: to keep, so it is done once.
   */
  moved: boolean;
  /** What was kept that more than one plan could have had, or that a plan with its id now was not given: in words. */
  unclear: string[];
  /** The same, each with where it is kept: what the admin may forget. */
  held: HeldEntry[];
}

/** Something kept on the device that no plan was given, under its key in `plans` (choices) or `switches` (a switch record). */
export interface HeldEntry {
  kind: 'choices' | 'switch';
  key: string;
  text: string;
  /** Choices an earlier version kept before their plan was deleted, which the plan with their id now may take if the admin says so. */
  offer?: { planId: string; disruption: string; question: string };
}

/** The saved choices without that entry: forgotten, as the admin asked (nothing else keeps it). */
export function forgetHeld(saved: SavedChoices, entry: Pick<HeldEntry, 'kind' | 'key'>): SavedChoices {
  const without = <T>(record: Readonly<Record<string, T>>) => Object.fromEntries(Object.entries(record).filter(([k]) => k !== entry.key));
  if (entry.kind === 'switch') return { ...saved, switches: without(saved.switches) };
  return { ...saved, plans: without(saved.plans), ...(saved.choicesFor ? { choicesFor: without(saved.choicesFor) } : {}) };
}

/**
 * The saved choices with those kept before a plan was deleted given to the plan with their id, as the admin confirmed;
 * unchanged, and `given` false, when not offered now (the policies or the device changed since the offer was shown).
 */
export function giveHeld(
  saved: SavedChoices,
  entry: Pick<HeldEntry, 'kind' | 'key'>,
  plans: readonly ContingencyPlan[],
): { saved: SavedChoices; given: boolean } {
  const found = findSavedChoices(saved, plans);
  const kept: SavedChoices = { plans: found.plans, switches: found.switches, choicesFor: found.choicesFor };
  const offer = found.held.find((h) => h.kind === entry.kind && h.key === entry.key)?.offer;
  const plan = plans.find((p) => p.id === offer?.planId);
  const choices = found.plans[entry.key];
  if (!plan || !choices) return { saved: kept, given: false };
  const { plans: edits, choicesFor } = forgetHeld(kept, entry);
  const given = { ...kept, plans: { ...edits, [plan.id]: choices }, choicesFor: { ...choicesFor, [plan.id]: policiesOf(plan) } };
  return { saved: given, given: true };
}

/**
 * What was kept under an id another plan has now, and could not be given to the plan it was for, is set aside under
 * `set aside: <id>` (a plan id has no space or colon): out of the new holder's reach, still on the device, still said.
 * What was kept for a plan the tenant no longer has goes under `gone: <id>`: never given to a plan (nor mixed into the
 * choices a plan with the id saves since), said while a plan has or could have had the id, kept until the admin
 * forgets it. That either is there also says that what was kept under the id since is the holder's own.
 */
const ASIDE = /^(set aside|gone)(?: (\d+))?: (.*)$/su;
type Aside = 'set aside' | 'gone';
const asideKey = (kind: Aside, id: string, n: number) => (n === 1 ? `${kind}: ${id}` : `${kind} ${n}: ${id}`);
const isAside = (key: string, id: string) => ASIDE.exec(key)?.[3] === id;

const names = (plans: readonly ContingencyPlan[]) => plans.map((p) => `‘${isolatedText(p.disruption)}’`).join(' and ');

interface Rules<T> {
  /**
   * Of an entry kept under the id `holder` has now: undefined when it is the holder's; the plan it is for when the
   * entry names another (a switch names its disruption); the plans it may be for when it cannot tell.
   */
  heldFor: (
    entry: T,
    holder: ContingencyPlan,
    entries: Readonly<Record<string, T>>,
  ) => ContingencyPlan | ContingencyPlan[] | 'gone' | undefined;
  /** Among the plans that could have had an old id, the ones the entry itself points at; 'gone' when it is for none of them. */
  narrow: (entry: T, candidates: readonly ContingencyPlan[]) => readonly ContingencyPlan[] | 'gone';
  /** Said of an entry more than one plan could have had. */
  unclearWords: (entry: T, candidates: readonly ContingencyPlan[]) => string;
  /** Said of an entry for one plan that has its own entry since; unsaid when that one simply replaces it. */
  supersededWords?: (entry: T, plan: ContingencyPlan) => string;
  /**
   * Said of an entry (kept under `key`) for a plan the tenant no longer has, while these plans have or could have had
   * its id; `owned`: one of them has its own entry (the admin chose for it since).
   */
  goneWords: (entry: T, plans: readonly ContingencyPlan[], key: string, owned: boolean) => string;
  /** Whether an entry set aside as a gone plan's (under `key`) is the plan's that has its id now: its policies restored. */
  regained?: (key: string, holder: ContingencyPlan) => boolean;
}

/** Each entry kept under an id no plan has now, or under one a plan has now that it was not for, given to the one plan it was for. */
function place<T>(entries: Readonly<Record<string, T>>, plans: readonly ContingencyPlan[], rules: Rules<T>) {
  const holders = new Map(plans.map((p) => [p.id, p]));
  const placed: Record<string, T> = { ...entries };
  const unclear: { key: string; text: string }[] = [];
  // Where each entry set aside was kept before: what was kept beside it there stays beside it.
  const from: Record<string, string> = {};
  let moved = false;
  const say = (key: string, text: string) => unclear.push({ key, text });
  const setAside = (key: string, id: string, entry: T, text: string, kind: Aside = 'set aside') => {
    let n = 1;
    while (asideKey(kind, id, n) in placed) n += 1;
    delete placed[key];
    placed[asideKey(kind, id, n)] = entry;
    from[asideKey(kind, id, n)] = key;
    say(asideKey(kind, id, n), text);
    moved = true;
  };
  const couldHaveHad = (id: string) => plans.filter((p) => earlierIdsOf(p.disruption).includes(id));
  const owned = (some: readonly ContingencyPlan[]) => some.some((p) => p.id in placed);
  const gone: [key: string, entry: T, id: string][] = [];
  for (const [key, entry] of Object.entries(entries)) {
    const aside = ASIDE.exec(key);
    const id = aside?.[3] ?? key;
    if (aside?.[1] === 'gone') {
      gone.push([key, entry, id]);
      continue;
    }
    const holder = aside ? undefined : holders.get(id);
    if (holder) {
      const verdict = rules.heldFor(entry, holder, entries);
      if (!verdict) continue;
      if (verdict === 'gone') {
        setAside(key, id, entry, rules.goneWords(entry, [holder], key, false), 'gone');
      } else if (Array.isArray(verdict)) {
        setAside(key, id, entry, rules.unclearWords(entry, verdict));
      } else if (verdict.id in placed) {
        setAside(key, id, entry, rules.supersededWords?.(entry, verdict) ?? rules.unclearWords(entry, [verdict]));
      } else {
        placed[verdict.id] = entry;
        delete placed[key];
        moved = true;
      }
      continue;
    }
    const couldHave = couldHaveHad(id);
    // None: a plan this tenant has no policies for now (they may come back); kept as it is.
    if (couldHave.length === 0) continue;
    const pointedAt = rules.narrow(entry, couldHave);
    if (pointedAt === 'gone') {
      setAside(key, id, entry, rules.goneWords(entry, couldHave, key, owned(couldHave)), 'gone');
      continue;
    }
    const candidates = pointedAt.length > 0 ? pointedAt : couldHave;
    // Every candidate has its own, newer entry: nothing to give (said when that matters).
    if (candidates.every((p) => p.id in placed)) {
      if (candidates.length === 1 && rules.supersededWords) say(key, rules.supersededWords(entry, candidates[0]!));
      continue;
    }
    if (candidates.length > 1) {
      say(key, rules.unclearWords(entry, candidates));
      continue;
    }
    placed[candidates[0]!.id] = entry;
    delete placed[key];
    moved = true;
  }
  // Set aside for a plan gone before this read, so weighed once every entry is placed.
  for (const [key, entry, id] of gone) {
    const holder = holders.get(id);
    if (holder && !(holder.id in placed) && rules.regained?.(key, holder)) {
      placed[holder.id] = entry;
      delete placed[key];
      moved = true;
      continue;
    }
    const confusable = [holder ?? couldHaveHad(id)].flat();
    // Kept, and said, even once one of those plans has its own: only the admin forgets what was saved.
    if (confusable.length > 0) say(key, rules.goneWords(entry, confusable, key, owned(confusable)));
  }
  return { placed, moved, unclear, from };
}

const switchOf = (record: SwitchRecord) => `The switch of ${record.at.slice(0, 10)}${record.by ? ` by ${isolatedText(record.by)}` : ''}`;
const switchWords = (record: SwitchRecord) => `${switchOf(record)}, recorded on this device by an earlier version`;
const thePlans = (plans: readonly ContingencyPlan[]) => `${plans.length === 1 ? 'the plan' : 'the plans'} for ${names(plans)}`;

/** The policies a plan turns on, which tell it from a plan given its id after it was deleted. */
const policiesOf = (plan: ContingencyPlan) => plan.enable.map((s) => s.policyId);
const hasAnyOf = (plan: ContingencyPlan, policyIds: readonly string[]) => plan.enable.some((s) => policyIds.includes(s.policyId));
/** A switch was made for the plan it names, and turned on that plan's policies: a plan of that name made since has others. */
const madeFor = (record: SwitchRecord, plan: ContingencyPlan) => {
  const touched = record.touched.map((t) => t.policyId);
  return sameDisruption(plan.disruption, record.disruption) && hasAnyOf(plan, touched);
};

const sameFor = (a: Readonly<Record<string, string[]>>, b: Readonly<Record<string, string[]>>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([id, ids]) => b[id]?.join('\n') === ids.join('\n'));

/** The saved choices keyed on the plans' ids now, and what could not be given to one plan. */
export function findSavedChoices(saved: SavedChoices, plans: readonly ContingencyPlan[]): FoundChoices {
  const choicesFor = saved.choicesFor ?? {};
  const edits = place(saved.plans, plans, {
    // Choices do not say whose they are: kept for a plan none of whose policies the holder has, they were a deleted
    // plan's. When another plan could have had the holder's id, they may be that plan's, unless what was kept under
    // the id before has been set aside already (then these were saved for the holder since).
    heldFor: (_, holder, entries) => {
      const savedFor = choicesFor[holder.id];
      if (savedFor && !hasAnyOf(holder, savedFor)) return 'gone';
      const others = plans.filter((p) => p !== holder && earlierIdsOf(p.disruption).includes(holder.id));
      if (others.length === 0 || Object.keys(entries).some((key) => isAside(key, holder.id))) return undefined;
      return plans.filter((p) => p === holder || others.includes(p));
    },
    narrow: () => [],
    unclearWords: (_, candidates) =>
      `Choices saved on this device by an earlier version belong to one of the plans for ${names(candidates)}, which it cannot tell apart: neither plan was given them. Check what each one suspends and which exclusions it adds.`,
    // Kept by an earlier version, with the policies of their plan not known ([]): not proof the plan is gone, but
    // nothing tells its return from a plan made since with its id, so they are not given either way; said as such.
    // What they hold is said too: two plans of one name deleted in turn leave two such entries, told apart by it.
    goneWords: (choices, to, key, owned) => {
      const one = to.length === 1;
      const unknown = choicesFor[key]?.length === 0;
      const why = owned
        ? `, which ${one ? 'has' : 'have'} choices of ${one ? 'its' : 'their'} own saved since: these are kept here, apart from ${one ? 'them' : 'those'}, until forgotten.`
        : unknown
          ? `: whose plan they were saved for could not be confirmed, so ${one ? 'it starts' : 'they start'} without them.`
          : `, which ${one ? 'has' : 'have'} none of that plan’s policies: ${one ? 'it starts' : 'they start'} without them.`;
      const said = unknown
        ? `Choices saved on this device by an earlier version, for a plan this tenant did not have when they were last read, were not given to ${thePlans(to)}`
        : `Choices saved on this device for a plan this tenant no longer has were not given to ${thePlans(to)}`;
      return `${said}${why} ${whatTheyHeld(choices)}`;
    },
    // Its policies recorded, and the plan with its id has one of them again (restored from Deleted items): its own.
    regained: (key, holder) => hasAnyOf(holder, choicesFor[key] ?? []),
  });
  const switches = place(saved.switches, plans, {
    // A switch says which plan it was made for: kept by the holder if it is that plan, else given to that plan if
    // the tenant still has it, else (a plan deleted since) to none.
    heldFor: (record, holder) => (madeFor(record, holder) ? undefined : (plans.find((p) => madeFor(record, p)) ?? 'gone')),
    narrow: (record, candidates) => {
      const made = candidates.filter((p) => madeFor(record, p));
      return made.length > 0 ? made : 'gone';
    },
    unclearWords: (record, candidates) =>
      `${switchWords(record)}, belongs to one of the plans for ${names(candidates)}, which it cannot tell apart: neither plan was given it, so neither can be switched back from here. Check those plans’ policies in the policy list.`,
    supersededWords: (record, plan) =>
      `${switchWords(record)} for ${names([plan])}, was not given to that plan, which has another switch recorded: this one cannot be switched back from here. Check that plan’s policies in the policy list.`,
    goneWords: (record, to) =>
      `${switchOf(record)}, recorded on this device for a plan for ‘${isolatedText(record.disruption)}’ that this tenant no longer has, was not given to ${thePlans(to)}: none of ${to.length === 1 ? 'its' : 'their'} policies is among those it changed. It cannot be switched back from here; check the policies it changed in the policy list.`,
  });
  // Whose the choices kept under each id are, as the plans are now; for a plan gone, as last seen, or not known
  // when it was gone before this was kept. Under an earlier id a plan may still be given them: left as it is.
  const holders = new Map(plans.map((p) => [p.id, p]));
  const nextFor: Record<string, string[]> = {};
  // Set aside, they keep what was kept beside them (whether their plan was known, which their words say).
  for (const id of Object.keys(edits.placed)) {
    const holder = holders.get(id);
    const was = edits.from[id];
    const before = choicesFor[id] ?? (was === undefined ? undefined : choicesFor[was]);
    if (holder) nextFor[id] = policiesOf(holder);
    else if (ASIDE.test(id)) {
      if (before) nextFor[id] = before;
    } else if (plans.every((p) => !earlierIdsOf(p.disruption).includes(id))) nextFor[id] = choicesFor[id] ?? [];
  }
  // Kept by an earlier version for a plan seen gone, whose policies were not known: the plan with the id may take them.
  const offerOf = (key: string): Pick<HeldEntry, 'offer'> => {
    const aside = ASIDE.exec(key);
    const plan = aside?.[1] === 'gone' ? holders.get(aside[3]!) : undefined;
    const choices = edits.placed[key];
    if (!plan || !choices || nextFor[key]?.length !== 0 || plan.id in edits.placed) return {};
    const question = keptBeforeDeletedOffer(choices, plan);
    return question ? { offer: { planId: plan.id, disruption: plan.disruption, question } } : {};
  };
  return {
    plans: edits.placed,
    switches: switches.placed,
    choicesFor: nextFor,
    moved: edits.moved || switches.moved || !sameFor(nextFor, choicesFor),
    unclear: [...edits.unclear, ...switches.unclear].map((u) => u.text),
    held: [
      ...edits.unclear.map((u): HeldEntry => ({ kind: 'choices', ...u, ...offerOf(u.key) })),
      ...switches.unclear.map((u): HeldEntry => ({ kind: 'switch', ...u })),
    ],
  };
}
