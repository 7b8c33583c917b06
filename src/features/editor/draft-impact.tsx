// In the save review: what the draft would change for the last week's sign-ins, by class (newly
// blocked, newly asked for a control, …) with distinct users and applications, each opening to the
// sign-ins behind it. Emergency accounts and the signed-in admin come first. When the log cannot be
// read, the review says so and points to What if.
import {
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
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
import { Fragment, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { LockoutRisk } from '../../domain/lockout';
import { Link as RouterLink } from 'react-router';
import { alertCouldLockOut, IMPACT_CLASSES, IMPACT_WORDS, type ImpactClass } from '../../domain/evaluation/bulk/impact';
import type { JsonObject } from '../../domain/json';
import { paths } from '../../shared/routes/paths';
import { alertSentence, distrustSentence, riskSentence, trustDetails, trustHeadline, WHO_WORDS } from './draft-impact-words';
import type { ImpactAnswer } from '../../domain/evaluation/impact-of-draft';
import { IMPACT_DAYS, useDraftImpact } from './use-draft-impact';
import { TableScroll } from '../../shared/ui/table-scroll';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  samples: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  checked: { cursor: 'pointer', width: 'fit-content' },
});

/**
 * How far to trust the figures, said first in plain words (a warning when not enough, saying once the
 * figure that made it so); the counts behind it (what was compared, where it differs, what could not be
 * judged) wait behind a disclosure, smaller.
 */
function HowSure({ agreement }: { agreement: ImpactAnswer['agreement'] }) {
  const styles = useStyles();
  const measured = agreement.measured;
  const why = agreement.trusted ? undefined : agreement.why;
  const details = measured ? (
    <details>
      <summary className={styles.checked}>
        <Text size={200}>How this was checked</Text>
      </summary>
      <ul className={styles.samples} aria-label="How this was checked">
        {trustDetails(measured, why).map((detail, i) => (
          <li key={i}>
            <Text size={200}>{detail}</Text>
          </li>
        ))}
      </ul>
    </details>
  ) : null;
  if (!agreement.trusted)
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>How sure this is: not enough to rely on these figures</MessageBarTitle>
          {why ? distrustSentence(why) : agreement.sentence} Check the draft in What if, beside Graph’s own answer.
          {details}
        </MessageBarBody>
      </MessageBar>
    );
  return (
    <div>
      <Text>
        <strong>How sure this is:</strong> {(measured && trustHeadline(measured)) ?? agreement.sentence}
      </Text>
      {details}
    </div>
  );
}

const DEFAULT_CAP = 5_000;

/** The guard's risks with the impact's: one entry per person, their reasons joined. */
export function withImpactRisks(guard: readonly LockoutRisk[], impact: readonly LockoutRisk[]): LockoutRisk[] {
  const merged = guard.map((r) => ({ ...r }));
  for (const risk of impact) {
    const same = merged.find((r) => r.who === risk.who);
    if (same) same.why = `${same.why} ${risk.why}`;
    else merged.push(risk);
  }
  return merged;
}
const GRAVE: ImpactClass[] = ['newlyBlocked', 'newlyRequiredWouldPrompt'];

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function DraftImpact({
  policyId,
  draft,
  onRisks,
  onChecking,
  timeoutMs,
  hold = false,
  saving = false,
}: {
  policyId: string | null;
  draft: JsonObject;
  /** Hits on emergency accounts and the signed-in admin, for the lock-out guard's acknowledgement. */
  onRisks?(risks: LockoutRisk[]): void;
  /**
   * Whether recent sign-ins are still being read or evaluated (their risks not known yet). A log that
   * cannot be read, or an evaluation that failed, ends the check: what it says is a warning, not a block.
   */
  onChecking?(checking: boolean): void;
  /** How long the check may take before it ends as not read in time (CHECK_TIMEOUT_MS unless said). */
  timeoutMs?: number;
  /** Saving (or just saved): keep the answer the admin read, not one against the policy as just written. */
  hold?: boolean;
  /** The save is under way: the sign-in log's next page waits for it (a failed save lets the read go on). */
  saving?: boolean;
}) {
  const styles = useStyles();
  const [cap, setCap] = useState(DEFAULT_CAP);
  const [open, setOpen] = useState<ImpactClass | null>(null);
  const state = useDraftImpact(policyId, draft, cap, timeoutMs, hold, saving);
  const alerts = state.kind === 'done' ? state.answer.impact.alerts : null;
  const names = state.kind === 'done' ? state.answer.names : null;
  const checking = state.kind === 'reading' || state.kind === 'evaluating';
  useEffect(() => {
    onChecking?.(checking);
  }, [checking, onChecking]);
  // Unread or failed, the sign-ins name nobody: no risk of an earlier answer stays behind.
  const ended = state.kind === 'unavailable' || state.kind === 'failed' || state.kind === 'timedOut';
  useEffect(() => {
    if (ended) onRisks?.([]);
  }, [ended, onRisks]);
  useEffect(() => {
    if (!alerts || !names) return;
    onRisks?.(
      alerts
        // Newly blocked or prompted; under a blocking draft, not evaluated too (not knowing is no pass).
        .filter((a) => alertCouldLockOut(a, draft))
        .map((a) => ({
          who: `${isolatedText(names[a.identityId] ?? a.identityId)} (${a.who === 'emergencyAccount' ? 'emergency access' : 'you'})`,
          why: riskSentence(a.class, a.signIns, IMPACT_DAYS),
        })),
    );
  }, [alerts, names, onRisks, draft]);
  const nameOf = (id: string) => names?.[id] ?? id;
  /** Names from the log (users, workloads, applications), each isolated, in a list: "Ada, Ben". */
  const nameList = (ids: readonly string[]) =>
    ids.map((id, i) => (
      <Fragment key={id}>
        {i > 0 ? ', ' : null}
        <Isolated>{nameOf(id)}</Isolated>
      </Fragment>
    ));
  // The button pressed to read again leaves with what it was in: the keyboard stays on the check, not the page's start.
  const root = useRef<HTMLElement>(null);
  const [refocus, setRefocus] = useState(0);
  useLayoutEffect(() => {
    if (refocus > 0) root.current?.focus();
  }, [refocus]);
  const readAgain = (read: () => void) => {
    read();
    setRefocus((n) => n + 1);
  };

  return (
    <section className={styles.root} aria-labelledby="impact-title" ref={root} tabIndex={-1}>
      <h3 id="impact-title" className={styles.heading}>
        Impact on the last {IMPACT_DAYS} days of sign-ins
      </h3>
      {state.kind === 'reading' ? (
        <Spinner size="tiny" label={`Reading the sign-in logs… ${state.read.toLocaleString('en')} read`} />
      ) : state.kind === 'evaluating' ? (
        <Spinner size="tiny" label={`Evaluating ${plural(state.signIns, 'sign-in')} with the saved policy and with the draft…`} />
      ) : state.kind === 'unavailable' ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The sign-in logs cannot be read</MessageBarTitle>
            {state.why} Try the draft against made-up sign-ins instead:{' '}
            <Link as="span" inline>
              <RouterLink to={paths.whatIf(policyId ?? 'new')}>What if</RouterLink>
            </Link>
            .
          </MessageBarBody>
        </MessageBar>
      ) : state.kind === 'failed' ? (
        <MessageBar intent="warning">
          <MessageBarBody>The impact could not be computed: {state.message}</MessageBarBody>
        </MessageBar>
      ) : state.kind === 'timedOut' ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {state.stage === 'reading'
                ? 'Recent sign-ins could not be read in time'
                : 'The impact on recent sign-ins could not be worked out in time'}
            </MessageBarTitle>
            The lock-out check used the policies only.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => readAgain(state.retry)}>{state.stage === 'reading' ? 'Read the sign-ins again' : 'Try again'}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        <>
          {state.answer.impact.alerts.map((alert) => (
            <MessageBar key={`${alert.identityId}:${alert.class}`} intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>
                  {alert.who === 'emergencyAccount' ? 'An emergency account is affected' : 'You are affected'}
                </MessageBarTitle>
                {alertSentence(
                  alert.class,
                  <>
                    <Isolated>{nameOf(alert.identityId)}</Isolated> ({alert.who === 'emergencyAccount' ? 'emergency access' : 'you'})
                  </>,
                  alert.signIns,
                  IMPACT_DAYS,
                )}
              </MessageBarBody>
            </MessageBar>
          ))}
          {state.answer.agreement.trusted ? null : <HowSure agreement={state.answer.agreement} />}
          <Text role="status">
            {state.answer.impact.summary}
            {state.answer.impact.stopsEnforcing
              ? ' The policy is on now: once the draft is saved, its sign-ins would no longer be enforced by it.'
              : ''}
          </Text>
          {state.answer.agreement.trusted ? <HowSure agreement={state.answer.agreement} /> : null}
          <Text size={200}>
            {plural(state.answer.impact.signIns, 'sign-in')} in {plural(state.answer.impact.shapes, 'distinct shape')}
            {state.capped ? `: the newest ${cap.toLocaleString('en')} only (the cap), not the whole ${IMPACT_DAYS} days` : ''}.
            {state.answer.usersUnread ? ` ${plural(state.answer.usersUnread, 'sign-in')} by users whose groups could not be read.` : ''}{' '}
            {state.capped ? (
              <Button size="small" appearance="transparent" onClick={() => readAgain(() => setCap((c) => c * 4))}>
                Read up to {(cap * 4).toLocaleString('en')}
              </Button>
            ) : null}
          </Text>
          <TableScroll label="Impact of the draft by kind">
            <Table aria-label="Impact of the draft by kind" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Sign-ins that would be</TableHeaderCell>
                  <TableHeaderCell>Sign-ins</TableHeaderCell>
                  <TableHeaderCell>Users and workloads</TableHeaderCell>
                  <TableHeaderCell>Applications</TableHeaderCell>
                  <TableHeaderCell>Details</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {IMPACT_CLASSES.filter((c) => state.answer.impact.classes[c].signIns > 0).map((c) => {
                  const impact = state.answer.impact.classes[c];
                  return (
                    <TableRow key={c} aria-label={IMPACT_WORDS[c]}>
                      <TableCell>
                        <Text weight={GRAVE.includes(c) ? 'semibold' : 'regular'}>{IMPACT_WORDS[c]}</Text>
                        <div id={`impact-details-${c}`}>
                          {open === c ? (
                            <Text as="p" size={200} aria-label={WHO_WORDS[c]}>
                              Who: {nameList([...impact.identityIds.slice(0, 30)].sort((a, b) => nameOf(a).localeCompare(nameOf(b))))}
                              {impact.identityIds.length > 30 ? ` and ${impact.identityIds.length - 30} more` : ''}.
                            </Text>
                          ) : null}
                          {open === c ? (
                            <ul className={styles.samples} aria-label={`Sign-ins ${IMPACT_WORDS[c]}`}>
                              {impact.items.slice(0, 10).map((item) => (
                                <li key={item.shapeIndex}>
                                  {nameList(item.identityIds.slice(0, 3))}
                                  {item.identityIds.length > 3 ? ` and ${item.identityIds.length - 3} more` : ''} to{' '}
                                  {nameList(item.resourceIds.slice(0, 2))}: {plural(item.signIns, 'sign-in')}
                                  {item.requires ? `, asked for ${item.requires}` : ''}
                                  {item.missing?.length ? `, needs ${item.missing.join(', ')}` : ''} (request ids to find in the sign-in
                                  logs: {item.sampleIds.slice(0, 2).join(', ')})
                                </li>
                              ))}
                            </ul>
                          ) : null}
                        </div>
                      </TableCell>
                      <TableCell>{impact.signIns.toLocaleString('en')}</TableCell>
                      <TableCell>{impact.identityIds.length.toLocaleString('en')}</TableCell>
                      <TableCell>{impact.resourceIds.length.toLocaleString('en')}</TableCell>
                      <TableCell>
                        <Button
                          size="small"
                          aria-expanded={open === c}
                          aria-controls={`impact-details-${c}`}
                          onClick={() => setOpen(open === c ? null : c)}
                        >
                          {open === c ? 'Hide' : 'Show sign-ins'}
                        </Button>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
