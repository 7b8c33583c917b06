// A contingency plan's actions: the drill, the switch (or the way back, and the rest of a switch left half
// done), the status of the read before a switch, and a switch refused before anything was written.
import { Button, makeStyles, MessageBarBody, MessageBarTitle, Spinner, tokens } from '@fluentui/react-components';
import { useLayoutEffect, useRef, type RefObject } from 'react';
import { ErrorState, type ErrorStateProps } from '../../shared/ui/error-state';
import { isolatedText } from '../../shared/ui/isolated-text';
import { LiveStatus, UnseenText } from '../../shared/ui/live-status';
import { Notice } from '../../shared/ui/notice';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** A switch refused before anything was written: nothing to change (`text`), or the policies unread (`error`). */
export interface Refusal {
  text?: string;
  error?: ErrorStateProps;
  occasion: number;
}

export interface PlanCardActionsProps {
  planId: string;
  disruption: string;
  /** The card: a refusal takes the focus from inside it (or from nowhere). */
  card: RefObject<HTMLElement | null>;
  switched: boolean;
  halfDone: boolean;
  onContinue?(): void;
  /** Why the plan cannot be switched to now ('Not ready: …'), or null. */
  notReady: string | null;
  drilled: boolean;
  onDrill(): void;
  onActivate(): void;
  onRevert(): void;
  refusal: Refusal | null;
  busy: 'activate' | 'revert' | 'elsewhere' | null;
}

export function PlanCardActions({
  planId,
  disruption,
  card,
  switched,
  halfDone,
  onContinue,
  notReady,
  drilled,
  onDrill,
  onActivate,
  onRevert,
  refusal,
  busy,
}: PlanCardActionsProps) {
  const styles = useStyles();
  // A refusal is said where the admin acted: the focus goes to it from the card (the button pressed may go with
  // it: a switch back with nothing left to put back closes the switch) or from nowhere (the page's start), never
  // from where the admin went while the policies were read. It lands on the bar, a group named by its title: the
  // focus says "Nothing was switched", the bar's announcement its words, once (on its body, they were said twice).
  // Before the announcement (a passive effect), so that moving the focus does not cut it short.
  const refusalBar = useRef<HTMLDivElement>(null);
  // Try again takes the focus back to the switch it starts again, which waits (focusable) while it reads: the
  // failure's bar leaves as the read starts, and with it the focus, to the page's start (and again on each failure).
  const switchButton = useRef<HTMLButtonElement>(null);
  const retry = refusal?.error?.onRetry;
  const tryAgain = retry
    ? () => {
        switchButton.current?.focus();
        retry();
      }
    : undefined;
  useLayoutEffect(() => {
    if (!refusal?.text) return;
    const active = document.activeElement;
    if (refusalBar.current?.contains(active)) return;
    if (!active || active === document.body || card.current?.contains(active)) refusalBar.current?.focus();
  }, [refusal, card]);
  // The plan's words come from the tenant: isolated, a direction control in them cannot reorder the console's.
  const of = isolatedText(disruption);
  const statusWords =
    busy === 'activate'
      ? `Reading the policies again for the switch to ${of}…`
      : busy === 'revert'
        ? `Reading the policies again for the switch back from ${of}…`
        : null;
  const whyNotId = `plan-${planId}-why-not`;
  const waitId = `plan-${planId}-wait`;
  // Another plan's switch is being prepared: this one waits, and says so to the keyboard that reaches it.
  const waiting = busy === 'elsewhere';
  const describedBy = [notReady ? whyNotId : null, waiting ? waitId : null].filter(Boolean).join(' ') || undefined;

  return (
    <>
      {/* Each action names its plan: tabbing from card to card, "Switch back…" alone does not say which. */}
      <div className={styles.actions}>
        <Button
          onClick={onDrill}
          aria-expanded={drilled}
          aria-label={`${drilled ? 'Hide the drill' : 'Drill: show every change, write nothing'} (${of})`}
        >
          {drilled ? 'Hide the drill' : 'Drill: show every change, write nothing'}
        </Button>
        {/* One way on from where the plan is: on, it can only be switched back; half on, it can also go on. */}
        {switched ? (
          <>
            {halfDone && onContinue ? (
              <Button appearance="primary" onClick={onContinue} aria-label={`Continue the switch (${of})`}>
                Continue the switch
              </Button>
            ) : null}
            {/* While the policies are read again it waits, focusable (disabled, it dropped the focus to the page's start). */}
            <Button
              ref={switchButton}
              appearance={halfDone ? 'secondary' : 'primary'}
              disabledFocusable={!!busy}
              aria-describedby={waiting ? waitId : undefined}
              icon={busy === 'revert' ? <Spinner size="tiny" /> : undefined}
              onClick={onRevert}
              aria-label={`Switch back… (${of})`}
            >
              Switch back…
            </Button>
          </>
        ) : (
          // Not ready, it stays reachable and says why (a disabled button was skipped by Tab, its reason unsaid).
          <Button
            ref={switchButton}
            appearance="primary"
            disabledFocusable={!!notReady || !!busy}
            aria-describedby={describedBy}
            icon={busy === 'activate' ? <Spinner size="tiny" /> : undefined}
            onClick={onActivate}
            aria-label={`Switch to this plan… (${of})`}
          >
            Switch to this plan…
          </Button>
        )}
        {notReady ? <UnseenText id={whyNotId}>{notReady}</UnseenText> : null}
        {waiting ? <UnseenText id={waitId}>Another plan’s switch is being prepared: wait for it.</UnseenText> : null}
      </div>
      {/* In the card before it has anything to say: the read before a switch is said when it starts. */}
      <LiveStatus>{statusWords}</LiveStatus>
      {refusal?.error ? (
        // A failed read as the other pages show Graph's failures, with its way on (Sign in again for a 401, Try
        // again for the rest). Drawn anew for each refusal, so the same failure is said again.
        <ErrorState key={refusal.occasion} {...refusal.error} onRetry={tryAgain} />
      ) : refusal?.text ? (
        <Notice ref={refusalBar} tabIndex={-1} intent="warning" layout="multiline" occasion={refusal.occasion}>
          <MessageBarBody>
            <MessageBarTitle>Nothing was switched</MessageBarTitle>
            {refusal.text}
          </MessageBarBody>
        </Notice>
      ) : null}
    </>
  );
}
