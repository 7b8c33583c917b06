// A staged rollout of one policy, as Microsoft's phased rollout does it: the policy stays (or is put)
// report-only for everyone while an enforced copy covers rings of users, one more at a time; gates
// between rings are read from sign-ins; finishing turns the policy itself on and removes the copy,
// so its id, history and watchers survive. This module holds the plan as data, kept on the device and
// in backups, and reads a plan back from loose JSON (a backup edited by hand is never trusted).
import { isolatedText } from '../isolate';
import { isJsonObject, objectIn, type Json } from '../json';
import { REPORT_ONLY } from '../types';

/** A ring's group: one of the tenant's, or one the rollout creates (assigned, empty until members are added). */
export interface RingGroup {
  /** The group's id; null for a group to be created that does not exist yet. */
  id: string | null;
  name: string;
  /** True when the rollout creates it through the plan's group creation. */
  created: boolean;
}

export type RingState = 'waiting' | 'active';

export interface RolloutRing {
  /** Stable within the plan: "ring-1", "ring-2"… */
  key: string;
  group: RingGroup;
  state: RingState;
  /** When it last joined the copy (the end of the write): its gate reads sign-ins from here. */
  startedAt: string | null;
}

export interface GateThresholds {
  /** Pause when more than this share of the sign-ins are blocked (percent). */
  maxBlockedPercent: number;
  /** Pause when more than this share are interrupted for a control (percent); null: counted, not gating. */
  maxInterruptedPercent: number | null;
  /** Fewer sign-ins than this since the ring started: the gate waits. At least 1. */
  minSignIns: number;
}

/** A gate judged on one or two sign-ins passes on luck: 20 lets one blocked sign-in in 20 show as 5 %, under the 10 % that pauses. */
export const DEFAULT_MIN_SIGN_INS = 20;

export const DEFAULT_THRESHOLDS: GateThresholds = { maxBlockedPercent: 10, maxInterruptedPercent: null, minSignIns: DEFAULT_MIN_SIGN_INS };

export type RolloutEventKind =
  'planned' | 'started' | 'advanced' | 'gate' | 'overridden' | 'rolledBack' | 'finished' | 'cancelled' | 'copyDeleted';

/** One line of the timeline: what was done or decided, when, for which ring, with the counts it rested on. */
export interface RolloutEvent {
  at: string;
  kind: RolloutEventKind;
  /** The ring's key, when the event is about one. */
  ring: string | null;
  text: string;
  counts?: { signIns: number; blocked: number; interrupted: number };
  /** A gate's decision: 'advance', 'wait', 'pause' or 'blocked'. */
  decision?: 'advance' | 'wait' | 'pause' | 'blocked';
}

/** The write a page started and has not seen finish: what to record once the plan flow says it is done. */
export interface PendingStep {
  kind: 'start' | 'advance' | 'rollback' | 'finish' | 'cancel';
  ring: string | null;
}

/** 'cancelled': put back as it was before the rollout (the policy's state restored, the copy off, then maybe deleted). */
export type RolloutStatus = 'planned' | 'running' | 'finishing' | 'finished' | 'cancelled';

export interface RolloutPlan {
  /** The policy rolled out (its id is what survives). */
  policyId: string;
  policyName: string;
  /** The enforced copy's name and, once created, its id. */
  copyName: string;
  copyId: string | null;
  /** The policy's state before the rollout began. */
  stateBefore: string;
  /** The grant and session controls when the rollout began: frozen while it runs. */
  frozen: { grantControls: Json; sessionControls: Json } | null;
  rings: RolloutRing[];
  thresholds: GateThresholds;
  status: RolloutStatus;
  pending: PendingStep | null;
  events: RolloutEvent[];
  createdAt: string;
}

const STATE_IN_A_SENTENCE: Readonly<Record<string, string>> = { enabled: 'on', disabled: 'off', [REPORT_ONLY]: 'report-only' };
/** The policy's state before the rollout as a sentence says it: "on", "off", "report-only". */
export const stateBeforeWords = (plan: Pick<RolloutPlan, 'stateBefore'>) => STATE_IN_A_SENTENCE[plan.stateBefore] ?? plan.stateBefore;

export const COPY_SUFFIX = ' [rollout]';
export const copyNameOf = (policyName: string) => `${policyName}${COPY_SUFFIX}`;

export function newRolloutPlan(policy: { id: string; displayName: string; state: string }, groups: RingGroup[], now: Date): RolloutPlan {
  const at = now.toISOString();
  return {
    policyId: policy.id,
    policyName: policy.displayName,
    copyName: copyNameOf(policy.displayName),
    copyId: null,
    stateBefore: policy.state,
    frozen: null,
    rings: groups.map((group, i) => ({ key: `ring-${i + 1}`, group, state: 'waiting', startedAt: null })),
    thresholds: { ...DEFAULT_THRESHOLDS },
    status: 'planned',
    pending: null,
    events: [{ at, kind: 'planned', ring: null, text: `Planned in ${groups.length} ring${groups.length === 1 ? '' : 's'}.` }],
    createdAt: at,
  };
}

/**
 * "Ring 2 (Finance)", the group's name isolated: a right-to-left name ("צוות 3") would otherwise take the
 * ring's number and brackets into its run. Every label is shown or recorded in the timeline, so none is raw.
 */
export const ringLabel = (plan: Pick<RolloutPlan, 'rings'>, key: string | null): string => {
  const index = plan.rings.findIndex((r) => r.key === key);
  return index < 0 ? 'A ring' : `Ring ${index + 1} (${isolatedText(plan.rings[index]!.group.name)})`;
};

export const activeRings = (plan: Pick<RolloutPlan, 'rings'>) => plan.rings.filter((r) => r.state === 'active');
/** The ring an advance adds: the first one waiting, in the plan's order (a rolled-back ring waits again). */
export const nextRing = (plan: Pick<RolloutPlan, 'rings'>) => plan.rings.find((r) => r.state === 'waiting') ?? null;
/** The ring that joined last: its start is where the gate reads from. */
export const latestRing = (plan: Pick<RolloutPlan, 'rings'>) =>
  activeRings(plan).reduce<RolloutRing | null>((last, r) => (!last || (r.startedAt ?? '') > (last.startedAt ?? '') ? r : last), null);

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const EVENT_KINDS: readonly RolloutEventKind[] = [
  'planned',
  'started',
  'advanced',
  'gate',
  'overridden',
  'rolledBack',
  'finished',
  'cancelled',
  'copyDeleted',
];
const DECISIONS = ['advance', 'wait', 'pause', 'blocked'] as const;
const STATUSES: readonly RolloutStatus[] = ['planned', 'running', 'finishing', 'finished', 'cancelled'];
const STEP_KINDS: readonly PendingStep['kind'][] = ['start', 'advance', 'rollback', 'finish', 'cancel'];

/** Rollout plans from loose JSON (a store or a backup); entries that are not plans are left out. */
export function readRolloutPlans(value: unknown): RolloutPlan[] {
  const list = Array.isArray(value) ? value.filter(isJsonObject) : [];
  return list.flatMap((plan): RolloutPlan[] => {
    const policyId = str(plan.policyId);
    const policyName = str(plan.policyName);
    if (!policyId || !policyName) return [];
    const rings = (Array.isArray(plan.rings) ? plan.rings : []).filter(isJsonObject).flatMap((ring): RolloutRing[] => {
      const group = objectIn(ring.group);
      const name = str(group.name);
      const key = str(ring.key);
      if (!name || !key) return [];
      return [
        {
          key,
          group: { id: str(group.id), name, created: group.created === true },
          state: ring.state === 'active' ? 'active' : 'waiting',
          startedAt: str(ring.startedAt),
        },
      ];
    });
    const thresholds = objectIn(plan.thresholds);
    const pending = objectIn(plan.pending);
    const pendingKind = STEP_KINDS.find((k) => k === pending.kind);
    const frozen = isJsonObject(plan.frozen) ? plan.frozen : null;
    return [
      {
        policyId,
        policyName,
        copyName: str(plan.copyName) ?? copyNameOf(policyName),
        copyId: str(plan.copyId),
        stateBefore: str(plan.stateBefore) ?? 'disabled',
        frozen: frozen ? { grantControls: frozen.grantControls ?? null, sessionControls: frozen.sessionControls ?? null } : null,
        rings,
        thresholds: {
          maxBlockedPercent: num(thresholds.maxBlockedPercent, DEFAULT_THRESHOLDS.maxBlockedPercent),
          maxInterruptedPercent:
            thresholds.maxInterruptedPercent === null || thresholds.maxInterruptedPercent === undefined
              ? null
              : num(thresholds.maxInterruptedPercent, 100),
          // A gate that waits for no sign-in judges nothing: a hand-edited 0 is read as 1.
          minSignIns: Math.max(1, Math.round(num(thresholds.minSignIns, DEFAULT_THRESHOLDS.minSignIns))),
        },
        status: STATUSES.find((s) => s === plan.status) ?? 'planned',
        pending: pendingKind ? { kind: pendingKind, ring: str(pending.ring) } : null,
        events: (Array.isArray(plan.events) ? plan.events : []).filter(isJsonObject).flatMap((event): RolloutEvent[] => {
          const kind = EVENT_KINDS.find((k) => k === event.kind);
          const at = str(event.at);
          if (!kind || !at) return [];
          const counts = isJsonObject(event.counts)
            ? {
                signIns: num(event.counts.signIns, 0),
                blocked: num(event.counts.blocked, 0),
                interrupted: num(event.counts.interrupted, 0),
              }
            : undefined;
          const decision = DECISIONS.find((d) => d === event.decision);
          return [
            { at, kind, ring: str(event.ring), text: str(event.text) ?? '', ...(counts && { counts }), ...(decision && { decision }) },
          ];
        }),
        createdAt: str(plan.createdAt) ?? '',
      },
    ];
  });
}
