// A rollout gate said for a pipeline, in the rollout page's words: the decision, why, the counts
// it rests on for the rings in the copy and for the next ring, and any emergency account hit.
import { escapeMarkdown } from '../../domain/lint/markdown';
import { DECISION_WORDS, percent, type GateCounts, type GateResult } from '../../domain/rollout/gate';
import { activeRings, nextRing, ringLabel, type RolloutPlan } from '../../domain/rollout/rollout-plan';
import { isolatedText } from '../../domain/isolate';

export interface GateRun {
  plan: RolloutPlan;
  result: GateResult;
  read: number;
  capped: boolean;
  cap: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

const countsLine = (c: GateCounts) =>
  `${plural(c.signIns, 'sign-in')} of ${plural(c.users, 'user')}, ${c.applied} it applied to: ${c.blocked} blocked (${percent(c.blocked, c.signIns)} %), ${c.interrupted} interrupted (${percent(c.interrupted, c.signIns)} %)`;

function lines(run: GateRun): string[] {
  const { plan, result } = run;
  const rings = activeRings(plan);
  const upcoming = nextRing(plan);
  return [
    `Rollout of '${isolatedText(plan.policyName)}': ${DECISION_WORDS[result.decision]}.`,
    ...result.reasons,
    `Since ${result.since}: ${plural(run.read, 'sign-in')} read${run.capped ? ` (the cap of ${run.cap.toLocaleString('en-US')} was reached)` : ''}.`,
    `In the copy (${rings.length > 0 ? rings.map((r) => ringLabel(plan, r.key)).join(', ') : 'no ring yet'}): ${countsLine(result.copy)}.`,
    ...(result.next && upcoming ? [`${ringLabel(plan, upcoming.key)}, next, by the report-only policy: ${countsLine(result.next)}.`] : []),
    `Thresholds: pause above ${plan.thresholds.maxBlockedPercent} % blocked${
      plan.thresholds.maxInterruptedPercent === null ? '' : ` or ${plan.thresholds.maxInterruptedPercent} % interrupted`
    }; at least ${plural(plan.thresholds.minSignIns, 'sign-in')}.`,
  ];
}

export const gateText = (run: GateRun): string => `${lines(run).join('\n')}\n`;

export function gateMarkdown(run: GateRun): string {
  const [head, ...rest] = lines(run);
  return ['### Conditional Access rollout gate', '', `**${escapeMarkdown(head!)}**`, '', ...rest.map((l) => `- ${escapeMarkdown(l)}`)].join(
    '\n',
  );
}

export function gateJson(run: GateRun): string {
  const { plan, result } = run;
  return `${JSON.stringify(
    {
      format: 'gatehouse.rollout-gate',
      version: 1,
      policy: { id: plan.policyId, name: plan.policyName },
      copyId: plan.copyId,
      decision: result.decision,
      words: DECISION_WORDS[result.decision],
      reasons: result.reasons,
      since: result.since,
      signInsRead: run.read,
      capped: run.capped,
      copy: result.copy,
      next: result.next,
      emergencyHits: result.emergencyHits,
      thresholds: plan.thresholds,
    },
    null,
    2,
  )}\n`;
}
