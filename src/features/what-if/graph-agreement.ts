// Graph's answer beside the engine's on the saved policies, policy by policy, and the sentence above
// the table. A policy the engine cannot decide is no agreement, whatever Graph says: it is counted
// apart, with what the engine would need, so the sentence never claims agreement over a row that
// shows two different verdicts. Nor is one Graph could not decide (notEnoughInformation: it may
// apply), whatever the engine says: undecided, neither agreement nor disagreement.
import type { PolicyEvaluation } from '../../domain/evaluation/evaluate-policy';
import { missingInWords } from '../../domain/evaluation/scenario-words';
import type { GraphWhatIfResult } from '../../graph/what-if';

export type Verdict = 'agree' | 'disagree' | 'cannotTell' | 'graphUndecided' | 'notAnswered';

/** Graph's "not enough information": analysisReasons is a flags enum, comma-separated. */
export const graphUndecided = (graph: GraphWhatIfResult) =>
  !graph.policyApplies && graph.analysisReasons.split(',').some((r) => r.trim() === 'notEnoughInformation');

/** How the engine's answer stands beside Graph's; null for a policy the engine did not evaluate (a new draft). */
export function verdictOf(graph: GraphWhatIfResult | undefined, engine: PolicyEvaluation | undefined): Verdict | null {
  if (!engine) return null;
  if (!graph) return 'notAnswered';
  if (engine.result === 'indeterminate') return 'cannotTell';
  if (graphUndecided(graph)) return 'graphUndecided';
  return graph.policyApplies === (engine.result === 'applies') ? 'agree' : 'disagree';
}

const policies = (n: number) => `${n} polic${n === 1 ? 'y' : 'ies'}`;

/** The sentence over the table: agreement only when every saved policy agrees. */
export function agreementSentence(graph: readonly GraphWhatIfResult[], saved: readonly PolicyEvaluation[]): string {
  const graphById = new Map(graph.map((r) => [r.id, r]));
  const count = { agree: 0, disagree: 0, cannotTell: 0, graphUndecided: 0, notAnswered: 0 };
  const needed: string[] = [];
  for (const engine of saved) {
    const verdict = verdictOf(graphById.get(engine.policyId), engine)!;
    count[verdict] += 1;
    if (verdict === 'cannotTell') needed.push(...(engine.missing ?? []));
  }
  if (count.disagree + count.cannotTell + count.graphUndecided + count.notAnswered === 0)
    return 'Graph and Gatehouse agree on every policy.';
  const parts = [
    count.disagree > 0
      ? `Graph and Gatehouse disagree on ${policies(count.disagree)}, shown first, and agree on ${count.agree}`
      : `Graph and Gatehouse agree on ${policies(count.agree)}`,
  ];
  if (count.cannotTell > 0) {
    const words = missingInWords(needed);
    parts.push(`on ${count.cannotTell} Gatehouse cannot tell${words.length > 0 ? ` without ${words.join(', ')}` : ''}`);
  }
  if (count.graphUndecided > 0)
    parts.push(`on ${count.graphUndecided} Graph had not enough information to decide: neither agreement nor disagreement`);
  if (count.notAnswered > 0) parts.push(`on ${count.notAnswered} Graph gave no answer`);
  return `${parts.join('; ')}.`;
}
