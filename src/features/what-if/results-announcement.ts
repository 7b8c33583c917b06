// What the page's polite status says when a scenario's answers arrive, for those who do not see the
// table fill: the engine's counts on the saved policies (and with the draft), then Graph's agreement.
// Empty while the engine or Graph is still working, so it is said once, complete; empty when the engine
// failed, which its error says.
import type { PolicyEvaluation } from '../../domain/evaluation/evaluate-policy';
import { agreementSentence } from './graph-agreement';
import type { WhatIfAnswers } from './use-what-if';

/** "5 apply, 3 in report-only, 1 undecided". */
function counts(results: readonly PolicyEvaluation[]): string {
  const applying = results.filter((r) => r.result === 'applies');
  const enforced = applying.filter((r) => !r.reportOnly).length;
  const undecided = results.filter((r) => r.result === 'indeterminate').length;
  return [
    `${enforced} ${enforced === 1 ? 'applies' : 'apply'}`,
    `${applying.length - enforced} in report-only`,
    ...(undecided > 0 ? [`${undecided} undecided`] : []),
  ].join(', ');
}

export function resultsAnnouncement(answers: WhatIfAnswers): string {
  const { saved, draft, graph, graphUnavailable } = answers;
  // The error's own alert says it (with why), once per run: the status said it a second time.
  if (answers.engineError) return '';
  if (!saved || answers.preparing || (!graphUnavailable && graph.isFetching)) return '';
  const parts = [`Evaluated: ${counts(saved.results)}.`];
  if (draft) parts.push(`With the draft: ${counts(draft.results)}.`);
  if (graphUnavailable) parts.push('Graph cannot evaluate this scenario.');
  else if (graph.error) parts.push('Graph did not answer.');
  else if (graph.data) parts.push(agreementSentence(graph.data, saved.results));
  return parts.join(' ');
}
