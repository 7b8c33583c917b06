// The gate before the next step: read on demand from the sign-in log, its counts and decision said
// plainly (why it pauses, which emergency account was hit), the admin's override of a pause with a
// reason (kept in the timeline), and what still works when the log cannot be read.
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { DECISION_WORDS, percent, type GateCounts } from '../../domain/rollout/gate';
import { ErrorState } from '../../shared/ui/error-state';
import { formatDateTime } from '../../shared/ui/format';
import { LiveStatus } from '../../shared/ui/live-status';
import { SIGN_IN_CAP, type GateRead } from './use-gate';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

const countsWords = (counts: GateCounts) =>
  `${counts.signIns} sign-in${counts.signIns === 1 ? '' : 's'} of ${counts.users} user${counts.users === 1 ? '' : 's'}, ${counts.applied} it applied to: ` +
  `${counts.blocked} blocked (${percent(counts.blocked, counts.signIns)} %), ${counts.interrupted} interrupted for a control (${percent(counts.interrupted, counts.signIns)} %).`;

export function GatePanel({
  read,
  nextLabel,
  canOverride,
  writable,
  onCheck,
  onOverride,
}: {
  read: GateRead;
  /** "Ring 2 (Finance)", or null when every ring is in. */
  nextLabel: string | null;
  canOverride: boolean;
  writable: boolean;
  onCheck(): void;
  onOverride(reason: string): void;
}) {
  const styles = useStyles();
  const [reason, setReason] = useState('');
  const readButton = useRef<HTMLButtonElement>(null);
  const reading = read.kind === 'reading';
  const before = nextLabel ?? 'the finish';
  return (
    <section className={styles.panel} aria-labelledby="gate-title">
      <h3 id="gate-title">Gate</h3>
      <Text>
        Read from the sign-in log since the last ring started: what the copy did to the rings’ users, and what the policy (report-only for
        everyone) says it would do to {nextLabel ?? 'everyone once it is on'}.
      </Text>
      <div className={styles.row}>
        {/* Focusable while the gate is read: the keyboard stays on it rather than falling to the page's start. */}
        <Button ref={readButton} appearance="primary" disabledFocusable={reading} onClick={onCheck}>
          {read.kind === 'idle' ? 'Read the gate' : 'Read the gate again'}
        </Button>
        {reading ? <Spinner size="tiny" aria-hidden /> : null}
        {/* The phase is said once each; the count of sign-ins read is shown, not said at every page of them. */}
        <LiveStatus>{reading ? read.progress : null}</LiveStatus>
        {reading && read.count !== undefined ? <Text aria-hidden>{read.count.toLocaleString()} read</Text> : null}
      </div>
      {read.kind === 'failed' ? (
        <ErrorState
          {...read.error}
          onRetry={() => {
            // Try again leaves with the failure: the keyboard goes to the gate's button, which stays while it reads.
            readButton.current?.focus();
            onCheck();
          }}
        />
      ) : null}
      {read.kind === 'unavailable' ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>The sign-in logs cannot be read</MessageBarTitle>
            {read.reason} Without them no gate can be read: the rollout still works, each step reviewed and guarded as before, a ring can be
            rolled back, and you may go on by overriding the gate (your reason is kept in the timeline).
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {read.kind === 'done' ? (
        // Not a live region (one that appears already filled is often not read): the decision's message
        // bar says itself when it appears, through the app's announcer.
        <div role="region" aria-label="The gate’s reading" className={styles.panel}>
          <MessageBar
            intent={read.result.decision === 'advance' ? 'success' : read.result.decision === 'wait' ? 'info' : 'error'}
            layout="multiline"
          >
            <MessageBarBody>
              <MessageBarTitle>{DECISION_WORDS[read.result.decision]}</MessageBarTitle>
              {read.result.reasons.length > 0 ? (
                <ul className={styles.list}>
                  {read.result.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              ) : (
                'Nothing above the thresholds, and no emergency account was hit.'
              )}
            </MessageBarBody>
          </MessageBar>
          <Text>
            Since {formatDateTime(read.result.since)}. The copy, for the rings’ users: {countsWords(read.result.copy)}
          </Text>
          {read.result.next && nextLabel ? (
            <Text>
              The policy (report-only), for {nextLabel}: {countsWords(read.result.next)}
            </Text>
          ) : null}
          {read.capped ? (
            <Text>Only the newest {SIGN_IN_CAP.toLocaleString()} sign-ins were read: the counts are of those.</Text>
          ) : (
            <Text>{read.read.toLocaleString()} sign-ins read.</Text>
          )}
        </div>
      ) : null}
      {canOverride ? (
        <div className={styles.row}>
          <Field label="Reason to go on despite the gate" required>
            <Input value={reason} onChange={(_, data) => setReason(data.value)} />
          </Field>
          <Button
            disabledFocusable={!writable || !reason.trim()}
            aria-describedby={!writable || !reason.trim() ? 'override-why' : undefined}
            onClick={() => {
              onOverride(reason.trim());
              setReason('');
            }}
          >
            Override the gate before {before}
          </Button>
          {!writable ? (
            <Text id="override-why">This account cannot change policies: going on past the gate needs one that can.</Text>
          ) : !reason.trim() ? (
            <Text id="override-why">Say why you go on: the reason is kept in the timeline.</Text>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
