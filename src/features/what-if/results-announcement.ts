// What the page's polite status says when a scenario's answers arrive, for those who do not see the
// table fill: the decision first ("Blocked by …", "Allowed, requires …": the summaries that show it are
// not said, AnnouncedElsewhere), then the engine's counts on the saved policies (and with the draft),
// then Graph's agreement.
// Empty while the engine or Graph is still working, so it is said once, complete; empty when the engine
// failed, which its error says.
import type { SignInEvaluation } from '../../domain/evaluation/evaluate-policies';
import type { PolicyEvaluation } from '../../domain/evaluation/evaluate-policy';
import { decisionParts, partsText } from './decision-words';
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

/** "Blocked by CA001. Policies: 2 apply, 0 in report-only.", with report-only's decision when it would act. */
function outcome({ enforced, reportOnly, results }: SignInEvaluation): string {
  const logged = reportOnly.decision !== 'allow' || reportOnly.session.length > 0 || reportOnly.indeterminate.length > 0;
  return [
    partsText(decisionParts(enforced)),
    ...(logged ? [`Report-only: ${partsText(decisionParts(reportOnly))}`] : []),
    `Policies: ${counts(results)}.`,
  ].join(' ');
}

export function resultsAnnouncement(answers: WhatIfAnswers): string {
  const { saved, draft, graph, graphUnavailable } = answers;
  // The error's own alert says it (with why), once per run: the status said it a second time.
  if (answers.engineError) return '';
  if (!saved || answers.preparing || (!graphUnavailable && graph.isFetching)) return '';
  const parts = [outcome(saved)];
  if (draft) parts.push(`With the draft: ${outcome(draft)}`);
  if (graphUnavailable) parts.push('Graph cannot evaluate this scenario.');
  else if (graph.error) parts.push('Graph did not answer.');
  else if (graph.data) parts.push(agreementSentence(graph.data, saved.results));
  return parts.join(' ');
}
