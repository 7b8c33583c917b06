// One scenario's answers side by side, a row per policy: Graph's evaluate, the engine on the saved
// policies and the engine with the draft. Rows where Graph and the engine disagree come first (the
// engine's answer for a draft is only as good as its agreement with the service), then those the
// engine or Graph cannot tell, then the policies that apply, then the rest. Each engine cell says why, in words.
import {
  Badge,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { grantInWords, type SignInEvaluation } from '../../domain/evaluation/evaluate-policies';
import type { PolicyEvaluation } from '../../domain/evaluation/evaluate-policy';
import { missingInWords } from '../../domain/evaluation/scenario-words';
import type { GraphWhatIfResult } from '../../graph/what-if';
import { describeError } from '../../graph/describe-error';
import { AnnouncedElsewhere } from '../../shared/ui/announced-elsewhere';
import { ErrorState } from '../../shared/ui/error-state';
import { agreementSentence, graphUndecided, verdictOf } from './graph-agreement';
import type { WhatIfAnswers } from './use-what-if';
import { TableScroll } from '../../shared/ui/table-scroll';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { decisionParts, PartsView, sessionInWords } from './decision-words';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  summaries: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 260px), 1fr))', gap: tokens.spacingHorizontalM },
  reason: { color: tokens.colorNeutralForeground3 },
});

/** Graph's analysisReasons in words (whatIfAnalysisResult, v1.0); notEnoughInformation has a badge of its own. */
const GRAPH_REASONS: Record<string, string> = {
  invalidCondition: 'a condition is invalid',
  users: 'users',
  workloadIdentities: 'workload identities',
  application: 'target resources',
  userActions: 'user actions',
  authenticationContext: 'authentication context',
  devicePlatform: 'device platform',
  devices: 'device filter',
  clientApps: 'client apps',
  location: 'locations',
  signInRisk: 'sign-in risk',
  emptyPolicy: 'the policy is empty',
  invalidPolicy: 'the policy is invalid',
  policyNotEnabled: 'the policy is off',
  userRisk: 'user risk',
  time: 'time',
  insiderRisk: 'insider risk',
  authenticationFlow: 'authentication flows',
  // The documented enum has no member for some conditions (agent risk among them): Graph says this.
  unknownFutureValue: 'a condition Graph’s reasons do not name',
};

/** What a policy that applies asks, as the admin center's What If lists it: its grant, then its session controls. */
function asksInWords({ grant, session = [] }: PolicyEvaluation): string {
  const granted = grant && !grant.block ? grantInWords(grant) : '';
  const sessionWords = sessionInWords(session);
  return `${granted ? ` Requires ${granted}.` : ''}${sessionWords ? ` Session: ${sessionWords}.` : ''}`;
}

function EngineCell({ result }: { result: PolicyEvaluation | undefined }) {
  const styles = useStyles();
  if (!result) return <Text className={styles.reason}>Not in this set</Text>;
  const badge =
    result.result === 'applies' ? (
      <Badge appearance="tint" color={result.grant?.block ? 'danger' : 'brand'}>
        {result.grant?.block ? 'Applies: blocks' : 'Applies'}
      </Badge>
    ) : result.result === 'indeterminate' ? (
      <Badge appearance="tint" color="warning">
        Cannot tell
      </Badge>
    ) : (
      <Badge appearance="outline">Does not apply</Badge>
    );
  return (
    <>
      {badge}
      {result.reportOnly ? <Text size={200}> (report-only)</Text> : null}
      <br />
      <Text size={200} className={styles.reason}>
        {result.reason}
        {result.missing && result.missing.length > 0 ? ` Needs: ${missingInWords(result.missing).join(', ')}.` : ''}
        {result.result === 'applies' ? asksInWords(result) : ''}
      </Text>
    </>
  );
}

/** analysisReasons is a flags enum: the service may name several, comma-separated. */
const reasonsOf = (result: GraphWhatIfResult) => result.analysisReasons.split(',').map((r) => r.trim());

function GraphCell({ result }: { result: GraphWhatIfResult | undefined }) {
  const styles = useStyles();
  if (!result) return <Text className={styles.reason}>Not answered</Text>;
  if (result.policyApplies)
    return (
      <Badge appearance="tint" color="brand">
        Applies
      </Badge>
    );
  // Graph could not decide (no IP address, no country…): the policy may well apply, so never "Does not apply".
  if (graphUndecided(result))
    return (
      <>
        <Badge appearance="tint" color="warning">
          Not enough information
        </Badge>
        <br />
        <Text size={200} className={styles.reason}>
          Graph could not decide without more of the sign-in; the policy may apply.
        </Text>
      </>
    );
  return (
    <>
      <Badge appearance="outline">Does not apply</Badge>
      <br />
      <Text size={200} className={styles.reason}>
        Not matched:{' '}
        {reasonsOf(result)
          .map((r) => GRAPH_REASONS[r] ?? r)
          .join(', ')}
      </Text>
    </>
  );
}

function Summary({ title, evaluation }: { title: string; evaluation: SignInEvaluation }) {
  const { enforced, reportOnly } = evaluation;
  return (
    <MessageBar intent={enforced.decision === 'block' ? 'error' : enforced.certain ? 'info' : 'warning'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <PartsView parts={decisionParts(enforced)} />
        {reportOnly.decision !== 'allow' || reportOnly.session.length > 0 || reportOnly.indeterminate.length > 0 ? (
          <>
            {' Report-only: '}
            <PartsView parts={decisionParts(reportOnly)} />
          </>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}

export function WhatIfResults({
  answers,
  draftLabel,
  run,
  onAskAgain,
}: {
  answers: WhatIfAnswers;
  draftLabel: string | null;
  /** Which run of the page this is: an error is a new alert at each, said again when the run fails again. */
  run: number;
  /**
   * Try again on an error (Graph's, or a read the engine needs): the error and its button go while the
   * page asks again, so the page puts the focus elsewhere.
   */
  onAskAgain(): void;
}) {
  const styles = useStyles();
  const { graph, saved, draft } = answers;
  if (answers.engineError)
    return <ErrorState key={run} title="The scenario could not be evaluated" message={answers.engineError} onRetry={onAskAgain} />;
  if (answers.preparing || !saved) return <Spinner label="Reading what Gatehouse needs to evaluate the sign-in…" />;

  const graphById = new Map((graph.data ?? []).map((r) => [r.id, r]));
  const savedById = new Map(saved.results.map((r) => [r.policyId, r]));
  const draftById = new Map((draft?.results ?? []).map((r) => [r.policyId, r]));
  const ids = [...new Set([...saved.results.map((r) => r.policyId), ...(draft?.results ?? []).map((r) => r.policyId)])];
  const rank = (id: string) => {
    const verdict = graph.data ? verdictOf(graphById.get(id), savedById.get(id)) : null;
    if (verdict === 'disagree') return 0;
    if (verdict === 'cannotTell' || verdict === 'graphUndecided') return 1;
    return [savedById.get(id), draftById.get(id)].some((r) => r && r.result !== 'notApplied') || graphById.get(id)?.policyApplies ? 2 : 3;
  };
  const rows = ids
    .map((id) => ({ id, rank: rank(id), name: savedById.get(id)?.displayName ?? draftById.get(id)?.displayName ?? id }))
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));

  return (
    <section className={styles.root} aria-label="Answers">
      {/* Not said as they appear (Fluent says a message bar when it mounts or changes intent): the page's
          status says the run's counts and Graph's agreement, once per run. */}
      <AnnouncedElsewhere>
        <div className={styles.summaries}>
          <Summary title="Gatehouse, saved policies" evaluation={saved} />
          {draft ? <Summary title={`Gatehouse, with ${draftLabel ?? 'the draft'}`} evaluation={draft} /> : null}
        </div>
        {answers.graphUnavailable ? (
          <MessageBar intent="info">
            <MessageBarBody>{answers.graphUnavailable}</MessageBarBody>
          </MessageBar>
        ) : null}
      </AnnouncedElsewhere>
      {answers.graphUnavailable ? null : graph.error ? (
        <ErrorState key={run} {...describeError(graph.error, 'ask Graph to evaluate the scenario')} onRetry={onAskAgain} />
      ) : graph.isFetching ? (
        <Spinner size="tiny" label="Asking Graph…" />
      ) : graph.data ? (
        // Not a live region itself: the page's status says it with the counts, once.
        <Text>{agreementSentence(graph.data, saved.results)}</Text>
      ) : null}
      <TableScroll label="Each policy for this scenario">
        <Table aria-label="Each policy for this scenario" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Policy</TableHeaderCell>
              <TableHeaderCell>Graph (saved)</TableHeaderCell>
              <TableHeaderCell>Gatehouse (saved)</TableHeaderCell>
              {draft ? <TableHeaderCell>Gatehouse (with {draftLabel ?? 'the draft'})</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id} aria-label={isolatedText(row.name)}>
                <TableCell>
                  <Text weight="semibold">
                    <Isolated>{row.name}</Isolated>
                  </Text>
                  {row.rank === 0 ? (
                    <>
                      <br />
                      <Badge appearance="filled" color="warning">
                        Disagreement
                      </Badge>
                    </>
                  ) : null}
                </TableCell>
                <TableCell>
                  <GraphCell result={graphById.get(row.id)} />
                </TableCell>
                <TableCell>
                  <EngineCell result={savedById.get(row.id)} />
                </TableCell>
                {draft ? (
                  <TableCell>
                    <EngineCell result={draftById.get(row.id)} />
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroll>
    </section>
  );
}
