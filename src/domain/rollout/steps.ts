// Each step of a rollout as the policies it leaves behind, for the shared plan flow to review, guard,
// write and read back: the start (the policy report-only, the enforced copy with the first ring),
// an advance (the copy gains the next ring), a rollback (the copy loses one ring; with none left it is
// turned off, since a policy must include someone), and the finish (the policy on, with its own
// assignment; the copy is then deleted by the delete operation), and the cancel (the policy back to its
// state before the rollout, the copy off; deleting it is offered after). Then what each step records.
import { describeChanges } from '../describe-changes';
import { emptyImportSet, type ImportSet, type NamedReference } from '../import/import-set';
import { objectIn, type Json, type JsonObject } from '../json';
import { mappingKey } from '../plan/mapping';
import { toWritableBody } from '../policy-body';
import { REPORT_ONLY } from '../types';
import { activeRings, nextRing, ringLabel, stateBeforeWords, type PendingStep, type RolloutPlan, type RolloutRing } from './rollout-plan';
import { isolatedText } from '../isolate';
import { policyCoversRing } from './rings';

/** What a step writes: the policies as they should be after it, in order, and what the plan needs to know. */
export interface StepWrite {
  step: PendingStep;
  policies: JsonObject[];
  /** Groups the step creates, named so the plan knows what the copy names. */
  references: NamedReference[];
  /**
   * New groups the plan creates: the step's own rings' (named by the copy) and, at the start, the later rings'
   * (filled before they join). Asked for, not mapped: the review offers no choice for them.
   */
  groupsAhead: { id: string; displayName: string; purpose: string; shownPurpose: string }[];
  intro: string;
}

/** The value standing for a ring's group in the copy: its id, or a name the plan creates a group for. */
export const ringGroupValue = (plan: Pick<RolloutPlan, 'policyId'>, ring: RolloutRing) =>
  ring.group.id ?? `rollout-group:${plan.policyId}:${ring.key}`;

/** The plan row that creates a ring's new group: the created id is found under it after the run. */
export const groupRowKey = (plan: Pick<RolloutPlan, 'policyId'>, ring: RolloutRing) =>
  `group:${mappingKey('group', ringGroupValue(plan, ring))}`;

/** The plan row of the copy (by id once it exists, else by name), as sourcePolicies keys it. */
export const copyRowKey = (plan: Pick<RolloutPlan, 'copyId' | 'copyName'>) => `policy:${plan.copyId ?? plan.copyName}`;

const clone = (value: JsonObject): JsonObject => JSON.parse(JSON.stringify(value)) as JsonObject;

/** The frozen controls: what the rollout tests must be what the finish turns on. */
export const controlsOf = (policy: JsonObject): { grantControls: Json; sessionControls: Json } => ({
  grantControls: policy.grantControls ?? null,
  sessionControls: policy.sessionControls ?? null,
});

/**
 * The enforced copy: the policy's conditions and (frozen) controls, its users narrowed to the rings'
 * groups, its exclusions kept (an emergency exclusion must hold in the copy too).
 */
export function copyBody(plan: RolloutPlan, original: JsonObject, rings: readonly RolloutRing[], state = 'enabled'): JsonObject {
  const body = clone(toWritableBody(original));
  const conditions = objectIn(body.conditions) as JsonObject;
  const users = objectIn(conditions.users) as JsonObject;
  conditions.users = {
    ...users,
    includeUsers: [],
    includeGroups: rings.map((ring) => ringGroupValue(plan, ring)),
    includeRoles: [],
    includeGuestsOrExternalUsers: null,
  };
  body.conditions = conditions;
  if (plan.frozen) {
    body.grantControls = plan.frozen.grantControls;
    body.sessionControls = plan.frozen.sessionControls;
  }
  return { ...body, ...(plan.copyId && { id: plan.copyId }), displayName: plan.copyName, state };
}

export type FrozenControls = NonNullable<RolloutPlan['frozen']>;

/**
 * How the policy's controls differ from those the rings tested, in words ("Grant: MFA → block"); none
 * when they are the same (or were never frozen). Forms that say the same thing (an empty list, none) are no change.
 */
export function controlChanges(plan: Pick<RolloutPlan, 'frozen'>, original: JsonObject): string[] {
  if (!plan.frozen) return [];
  const now = controlsOf(original);
  return describeChanges(
    { grantControls: plan.frozen.grantControls, sessionControls: plan.frozen.sessionControls },
    { grantControls: now.grantControls, sessionControls: now.sessionControls },
    undefined,
    { hideEmpty: true, sortIds: true },
  ).map((change) => change.text);
}

/**
 * The finish refused: the policy's controls are no longer those the rings tested, so turning it on
 * would enforce for everyone what no ring tried. It names what changed and carries the controls as
 * they are now, which the admin may acknowledge to finish with them anyway.
 */
export class UntestedControlsError extends Error {
  constructor(
    readonly changes: readonly string[],
    readonly controls: FrozenControls,
  ) {
    super(`The policy’s controls changed since the rollout began (${changes.join('; ')}): the rings did not test them.`);
    this.name = 'UntestedControlsError';
  }
}

const sameControls = (a: FrozenControls, b: FrozenControls) => JSON.stringify(a) === JSON.stringify(b);

const withState = (original: JsonObject, state: string): JsonObject => ({ ...clone(original), state });

function write(
  plan: RolloutPlan,
  step: PendingStep,
  policies: JsonObject[],
  rings: readonly RolloutRing[],
  intro: string,
  ahead: readonly RolloutRing[] = [],
): StepWrite {
  const fresh = rings.filter((ring) => !ring.group.id);
  // Raw names in the purpose, which becomes the new group's description in the tenant (isolates would be stray
  // characters there); isolated in the words the plan shows.
  const created = (ring: RolloutRing, then: string) => {
    const purpose = (name: (text: string) => string) =>
      `ring ${plan.rings.indexOf(ring) + 1} (${name(ring.group.name)}) of the rollout of “${name(plan.policyName)}”${then}`;
    return {
      id: ringGroupValue(plan, ring),
      displayName: ring.group.name,
      purpose: purpose((text) => text),
      shownPurpose: purpose(isolatedText),
    };
  };
  return {
    step,
    policies,
    references: fresh.map((ring) => ({ kind: 'group', id: ringGroupValue(plan, ring), displayName: ring.group.name, exists: true })),
    groupsAhead: [
      ...fresh.map((ring) => created(ring, '')),
      ...ahead.filter((ring) => !ring.group.id).map((ring) => created(ring, ', to be filled before it joins')),
    ],
    intro,
  };
}

export function startStep(plan: RolloutPlan, original: JsonObject): StepWrite {
  const first = plan.rings[0];
  if (!first) throw new Error('A rollout needs at least one ring.');
  const frozen = { ...plan, frozen: controlsOf(original) };
  // Every ring's new group is created now: a later ring's can then be filled before it joins the copy.
  const later = plan.rings.slice(1).filter((ring) => !ring.group.id);
  return write(
    plan,
    { kind: 'start', ring: first.key },
    [withState(original, REPORT_ONLY), copyBody(frozen, original, [first])],
    [first],
    `The start of the rollout: “${isolatedText(plan.policyName)}” report-only for everyone, and “${isolatedText(plan.copyName)}” enforced for ${ringLabel(plan, first.key)}. ` +
      (later.length
        ? `The later rings’ new group${later.length === 1 ? ' is' : 's are'} created now, empty: add ${later.length === 1 ? 'its' : 'their'} members in Microsoft Entra before ${later.length === 1 ? 'its ring joins' : 'each ring joins'}. `
        : ''),
    later,
  );
}

/** A cancelled rollout is over: what it put back is not to be undone by a step of it. */
function refuseCancelled(plan: RolloutPlan, doing: string) {
  if (plan.status === 'cancelled') throw new Error(`The rollout was cancelled: it cannot be ${doing}.`);
}

export function advanceStep(plan: RolloutPlan, original: JsonObject): StepWrite {
  refuseCancelled(plan, 'advanced');
  const ring = nextRing(plan);
  if (!ring) throw new Error('Every ring is in the rollout already.');
  const rings = plan.rings.filter((r) => r.state === 'active' || r.key === ring.key);
  return write(
    plan,
    { kind: 'advance', ring: ring.key },
    // The policy stays report-only: should someone have changed that, the step puts it back.
    [withState(original, REPORT_ONLY), copyBody(plan, original, rings)],
    [ring],
    `${ringLabel(plan, ring.key)} joins “${isolatedText(plan.copyName)}”. `,
  );
}

export function rollbackStep(plan: RolloutPlan, original: JsonObject, ringKey: string): StepWrite {
  refuseCancelled(plan, 'rolled back');
  const ring = plan.rings.find((r) => r.key === ringKey && r.state === 'active');
  if (!ring) throw new Error('That ring is not in the rollout.');
  const left = activeRings(plan).filter((r) => r.key !== ringKey);
  const copy = left.length > 0 ? copyBody(plan, original, left) : copyBody(plan, original, [ring], 'disabled');
  return write(
    plan,
    { kind: 'rollback', ring: ringKey },
    [copy],
    [],
    left.length > 0
      ? `${ringLabel(plan, ringKey)} leaves “${isolatedText(plan.copyName)}”. `
      : `${ringLabel(plan, ringKey)} was the only ring: “${isolatedText(plan.copyName)}” is turned off (a policy must include someone). `,
  );
}

/**
 * The finish: the policy on for its own users. Refused (UntestedControlsError) when its controls are no
 * longer those the rings tested, unless `acknowledged` are exactly the controls it has now: the admin
 * saw what changed and chose to turn those on. Controls changed again since are refused again.
 */
export function finishStep(plan: RolloutPlan, original: JsonObject, acknowledged?: FrozenControls): StepWrite {
  refuseCancelled(plan, 'finished');
  const changes = controlChanges(plan, original);
  const now = controlsOf(original);
  if (changes.length > 0 && !(acknowledged && sameControls(acknowledged, now))) throw new UntestedControlsError(changes, now);
  const uncovered = plan.rings.filter((ring) => !policyCoversRing(original, ring.group));
  return write(
    plan,
    { kind: 'finish', ring: null },
    [withState(original, 'enabled')],
    [],
    `The finish: “${isolatedText(plan.policyName)}” is turned on for its own users; “${isolatedText(plan.copyName)}” is deleted afterwards. ` +
      (changes.length > 0
        ? `Its controls are not those the rings tested (${changes.join('; ')}): you chose to turn them on for everyone untested. `
        : '') +
      (uncovered.length > 0
        ? `It does not include all users, nor ${uncovered.map((ring) => ringLabel(plan, ring.key)).join(', ')}: for the members it leaves out, only the copy enforces it, and deleting the copy stops that. `
        : ''),
  );
}

/**
 * The cancel: the policy back to its state before the rollout, its assignment as it is now, then the copy off with its
 * rings. The policy first: should the copy's write fail, the rings are enforced twice for a while, never not at all.
 * A copy never made (or lost from a restored backup) is not written: that would create it.
 */
export function cancelStep(plan: RolloutPlan, original: JsonObject): StepWrite {
  if (plan.status !== 'running') throw new Error('Only a rollout under way can be cancelled.');
  const active = activeRings(plan);
  const lastRolledBack = plan.events.findLast((event) => event.kind === 'rolledBack')?.ring;
  // A policy must include someone: with every ring rolled back, the copy keeps the ring it was turned off with.
  const rings = active.length > 0 ? active : plan.rings.filter((ring) => ring.key === (lastRolledBack ?? plan.rings[0]?.key));
  const copy = plan.copyId && rings.length > 0 ? [copyBody(plan, original, rings, 'disabled')] : [];
  return write(
    plan,
    { kind: 'cancel', ring: null },
    [withState(original, plan.stateBefore), ...copy],
    [],
    `Cancelling the rollout: “${isolatedText(plan.policyName)}” goes back to ${stateBeforeWords(plan)}, as it was before the rollout, with its users as they are now` +
      (copy.length ? `; “${isolatedText(plan.copyName)}” is turned off, its ring groups kept. Deleting it is offered afterwards. ` : '. '),
  );
}

/** A step as the shared plan flow takes it: an import from this tenant (every reference maps to itself), the new groups named. */
export function stepImport(write: StepWrite, tenantId: string): ImportSet {
  const set = emptyImportSet();
  set.origin.tenantId = tenantId;
  set.sections.policies = write.policies;
  set.references = write.references;
  if (write.groupsAhead.length) set.groupsToCreate = write.groupsAhead;
  return set;
}

/** What a finished step leaves in the plan: the copy's id, the new groups' ids, the rings' states, a line of the timeline. */
export function afterStep(
  plan: RolloutPlan,
  step: PendingStep,
  result: { copyId: string | null; groupIds: Readonly<Record<string, string>> },
  now: Date,
): RolloutPlan {
  const at = now.toISOString();
  const rings = plan.rings.map((ring) => {
    const id = result.groupIds[ring.key];
    const group = id && !ring.group.id ? { ...ring.group, id } : ring.group;
    if (ring.key !== step.ring) return { ...ring, group };
    if (step.kind === 'rollback') return { ...ring, group, state: 'waiting' as const, startedAt: null };
    return { ...ring, group, state: 'active' as const, startedAt: at };
  });
  const label = ringLabel(plan, step.ring);
  const event = {
    start: { kind: 'started', text: `Started: the policy report-only, the copy enforced for ${label}.` },
    advance: { kind: 'advanced', text: `${label} joined the copy.` },
    rollback: { kind: 'rolledBack', text: `${label} was rolled back: it left the copy.` },
    finish: { kind: 'finished', text: 'The policy was turned on for its own users.' },
    cancel: {
      kind: 'cancelled',
      text: `Cancelled: the policy was put back to ${stateBeforeWords(plan)}, as before the rollout${plan.copyId ? ', and the copy turned off' : ''}.`,
    },
  }[step.kind] as { kind: 'started' | 'advanced' | 'rolledBack' | 'finished' | 'cancelled'; text: string };
  return {
    ...plan,
    copyId: result.copyId ?? plan.copyId,
    rings,
    status: step.kind === 'finish' ? 'finishing' : step.kind === 'cancel' ? 'cancelled' : 'running',
    pending: null,
    events: [...plan.events, { at, ring: step.ring, ...event }],
  };
}

/** After the copy is deleted: the rollout is over (a cancelled one stays cancelled). */
export function afterCopyDeleted(plan: RolloutPlan, now: Date): RolloutPlan {
  return {
    ...plan,
    copyId: null,
    status: plan.status === 'cancelled' ? 'cancelled' : 'finished',
    events: [
      ...plan.events,
      { at: now.toISOString(), kind: 'copyDeleted', ring: null, text: `“${isolatedText(plan.copyName)}” was deleted.` },
    ],
  };
}
