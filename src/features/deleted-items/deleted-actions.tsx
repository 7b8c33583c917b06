// The two actions on a deleted policy. Restore brings it back as it was: a policy that was On
// enforces again at once, so that is said first; "as report-only" restores and then sets the state,
// shown as one action, and says so plainly if the second step fails (with a retry). Permanent
// deletion is final, so it needs the policy's name typed in.
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { ErrorDescription } from '../../graph/describe-error';
import type { DeletedNamedLocation, DeletedPolicy } from '../../graph/deleted-items';
import { ErrorState } from '../../shared/ui/error-state';
import { SpokenStatus } from '../../shared/ui/live-status';
import type { MissingDependency } from '../../domain/dependencies';
import { nameOfMissing, type GoneNames } from './gone-names';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { Notice } from '../../shared/ui/notice';

const useStyles = makeStyles({
  missing: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** What a policy refers to that is gone, named where a name is known, and for deleted named locations, whether to restore them first. */
export function MissingDependencies({
  missing,
  known,
  restoreFirst,
  onRestoreFirstChange,
}: {
  missing: MissingDependency[];
  /** Names of gone objects from deleted items and the audit log. */
  known: GoneNames | undefined;
  restoreFirst?: Set<string>;
  onRestoreFirstChange?(id: string, checked: boolean): void;
}) {
  const styles = useStyles();
  if (missing.length === 0) return null;
  return (
    <MessageBar intent={missing.some((m) => m.exclusion || !m.restorable) ? 'warning' : 'info'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          It refers to {missing.length === 1 ? 'something that no longer exists' : `${missing.length} things that no longer exist`}
        </MessageBarTitle>
        <ul className={styles.missing} aria-label="Missing dependencies">
          {missing.map((m) => (
            <li key={`${m.where}-${m.id}`}>
              <strong>{m.where}</strong> {nameOfMissing(m, known)}: {m.explanation}
              {m.restorable && onRestoreFirstChange && (
                <div>
                  <Checkbox
                    label={`Restore named location “${isolatedText(m.restorable.displayName)}” first`}
                    checked={restoreFirst?.has(m.id) ?? false}
                    onChange={(_, data) => onRestoreFirstChange(m.id, data.checked === true)}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

export type RestoreMode = 'asItWas' | 'reportOnly';

/** What it refers to could not be checked (the names' lookup failed, wholly or in part): why, and asking again. */
export interface UncheckedDependencies {
  /** Graph's reason, in words. */
  reason: string;
  onRetry(): void;
}

/**
 * Try again in a restore dialog: while it checks again the warning stays and its Try again keeps the focus
 * (aria-disabled), "Checking again…" being said; once checked the warning goes, the focus (if it was in it)
 * to the dialog's primary button, and what the check found is said. Failed again, the warning stays and says so.
 */
export function useRecheck(
  unchecked: UncheckedDependencies | null,
  checking: boolean,
  found: () => string,
  primary: RefObject<HTMLButtonElement | null>,
) {
  const [said, setSaid] = useState<string | null>(null);
  // Asked: Try again pressed, the check not yet seen under way; then under way until it answers.
  const [phase, setPhase] = useState<'idle' | 'asked' | 'checking'>('idle');
  // Followed while rendering (React's way to adjust state to new props), not in an effect: the words are
  // set in the same commit that shows the warning gone or still there, so no render shows the old status
  // and the answer is said with it. React renders again at once; each branch leaves a phase the next
  // render does not act on, so it settles.
  // Answered: under way and now over; or, asked and never seen under way (a quick answer came before a
  // render did), the warning gone. Asked with the warning still there and no check seen is not an answer:
  // the new check has not begun yet.
  const answered = !checking && (phase === 'checking' || (phase === 'asked' && !unchecked));
  if (phase === 'asked' && checking) setPhase('checking');
  else if (answered) {
    setPhase('idle');
    setSaid(unchecked ? `Could not be checked again: ${unchecked.reason}` : found());
  }
  const onGone = useCallback(() => primary.current?.focus(), [primary]);
  return {
    onGone,
    onRetry: () => {
      setPhase('asked');
      setSaid(null);
      unchecked?.onRetry();
    },
    status: unchecked && checking ? 'Checking again…' : said,
  };
}

/**
 * Said instead of "nothing is missing" when the lookup failed: Graph itself would accept the restore,
 * so it stays possible, but only as a choice made knowingly (the restore button says so).
 */
export function DependenciesUnchecked({
  unchecked,
  plural = false,
  checking = false,
  onRetry = unchecked.onRetry,
  onGone,
  orElse = 'restore without the check',
}: {
  unchecked: UncheckedDependencies;
  plural?: boolean;
  /** What the admin may do instead of trying again, where the dialog offers it; null where it offers nothing else. */
  orElse?: string | null;
  /** Checking again: Try again stays, focusable, until the answer. */
  checking?: boolean;
  onRetry?(): void;
  /** Stable: gives the focus a place when the warning goes with it (the check answered). */
  onGone?(): void;
}) {
  const bar = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = bar.current;
    return () => {
      if (element?.contains(document.activeElement)) onGone?.();
    };
  }, [onGone]);
  return (
    <MessageBar ref={bar} intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>What {plural ? 'they refer' : 'it refers'} to could not be checked</MessageBarTitle>
        {unchecked.reason} Deleted groups, users or named locations {plural ? 'they need' : 'it needs'} may be missing:{' '}
        {orElse ? `try again, or ${orElse}.` : 'try again.'}
      </MessageBarBody>
      <MessageBarActions>
        <Button disabledFocusable={checking} onClick={onRetry}>
          Try again
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export function RestoreDialog({
  policy,
  missing,
  known,
  checking,
  unchecked = null,
  busy,
  progress,
  error,
  onRestore,
  onClose,
}: {
  policy: DeletedPolicy;
  missing: MissingDependency[];
  known: GoneNames | undefined;
  /** Dependencies are still being checked: restoring waits for the answer. */
  checking: boolean;
  /** They could not be checked: said, with Try again; the restore is then one without the check. */
  unchecked?: UncheckedDependencies | null;
  busy: boolean;
  /** The step under way, e.g. restoring a named location first. */
  progress: string | null;
  error: ErrorDescription | null;
  onRestore(mode: RestoreMode, locationsFirst: DeletedNamedLocation[]): void;
  onClose(): void;
}) {
  const styles = useStyles();
  const wasOn = policy.state === 'enabled';
  const [mode, setMode] = useState<RestoreMode>(wasOn ? 'reportOnly' : 'asItWas');
  // Deleted named locations it needs are restored first unless the admin unticks them (the list
  // can arrive after the dialog opens, so what is kept is what was unticked).
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const restoreFirst = new Set(missing.filter((m) => m.restorable && !skipped.has(m.id)).map((m) => m.id));
  const locationsFirst = missing.filter((m) => m.restorable && restoreFirst.has(m.id)).map((m) => m.restorable!);
  const primary = useRef<HTMLButtonElement>(null);
  const recheck = useRecheck(
    unchecked,
    checking,
    () =>
      missing.length === 0
        ? 'Checked: nothing it refers to is missing.'
        : `Checked: it refers to ${missing.length === 1 ? 'something that no longer exists' : `${missing.length} things that no longer exist`}: ${missing
            .map((m) => `${m.where} ${nameOfMissing(m, known)}`)
            .join(', ')}.`,
    primary,
  );
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && !busy && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            Restore “<Isolated>{policy.displayName}</Isolated>”?
          </DialogTitle>
          <DialogContent className={styles.content}>
            {unchecked && (
              <DependenciesUnchecked unchecked={unchecked} checking={checking} onRetry={recheck.onRetry} onGone={recheck.onGone} />
            )}
            <MissingDependencies
              missing={missing}
              known={known}
              restoreFirst={restoreFirst}
              onRestoreFirstChange={(id, checked) =>
                setSkipped((current) => {
                  const next = new Set(current);
                  if (checked) next.delete(id);
                  else next.add(id);
                  return next;
                })
              }
            />
            {wasOn && (
              <MessageBar intent="warning">
                <MessageBarBody>It was On when it was deleted. Restored as it was, it enforces again at once.</MessageBarBody>
              </MessageBar>
            )}
            <RadioGroup value={mode} onChange={(_, data) => setMode(data.value as RestoreMode)} aria-label="How to restore">
              <Radio value="reportOnly" label="Restore in report-only, to check its effect first" />
              <Radio
                value="asItWas"
                label={`Restore as it was (${wasOn ? 'On, enforced' : policy.state === 'disabled' ? 'Off' : 'Report-only'})`}
              />
            </RadioGroup>
            {checking && <Spinner size="tiny" label="Checking what it refers to…" labelPosition="after" />}
            {progress && <Spinner size="tiny" label={progress} labelPosition="after" />}
            {error && <ErrorState {...error} />}
          </DialogContent>
          {/* Polite: the keyboard's focus stays on the busy button, whose new name is not always read. */}
          <SpokenStatus>{busy ? (progress ?? 'Restoring…') : recheck.status}</SpokenStatus>
          <DialogActions>
            {/* While restoring, both stay focusable (aria-disabled, clicks and keys ignored): disabled, they
                let the keyboard's focus fall behind the still open dialog. */}
            {/* Focusable while it checks again too: the focus comes here once the warning with Try again goes. */}
            <Button
              ref={primary}
              appearance="primary"
              disabledFocusable={busy || checking}
              icon={busy ? <Spinner size="tiny" /> : undefined}
              onClick={() => onRestore(mode, locationsFirst)}
            >
              {busy
                ? 'Restoring…'
                : unchecked
                  ? 'Restore without the check'
                  : locationsFirst.length
                    ? `Restore ${locationsFirst.length === 1 ? 'the named location' : 'the named locations'} and the policy`
                    : 'Restore'}
            </Button>
            <Button disabledFocusable={busy} onClick={onClose}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function PurgeDialog({
  name,
  what = 'policy',
  warning,
  busy,
  error,
  onPurge,
  onClose,
}: {
  name: string;
  what?: 'policy' | 'named location';
  /** What purging it breaks, said before the confirmation. */
  warning?: string;
  busy: boolean;
  error: ErrorDescription | null;
  onPurge(): void;
  onClose(): void;
}) {
  const [typed, setTyped] = useState('');
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && !busy && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            Delete “<Isolated>{name}</Isolated>” permanently?
          </DialogTitle>
          <DialogContent>
            <p>
              This is final: Microsoft Entra cannot bring it back afterwards, and it is removed from the deleted items now rather than when
              its 30 days end.
            </p>
            {warning && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{warning}</MessageBarBody>
              </MessageBar>
            )}
            <Field label={`Type the ${what}'s name to confirm: ${isolatedText(name)}`}>
              <Input value={typed} onChange={(_, data) => setTyped(data.value)} />
            </Field>
            {error && <ErrorState {...error} />}
          </DialogContent>
          <SpokenStatus>{busy ? 'Deleting…' : null}</SpokenStatus>
          <DialogActions>
            {/* Focusable while deleting, as the restore's. */}
            <Button
              appearance="primary"
              disabled={typed.trim() !== name.trim()}
              disabledFocusable={busy}
              onClick={onPurge}
              icon={busy ? <Spinner size="tiny" /> : undefined}
            >
              {busy ? 'Deleting…' : 'Delete permanently'}
            </Button>
            <Button disabledFocusable={busy} onClick={onClose}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** When "restore as report-only" restored the policy but could not set its state. */
export function SecondStepFailed({
  name,
  error,
  busy,
  onRetry,
}: {
  name: string;
  error: ErrorDescription;
  busy: boolean;
  onRetry(): void;
}) {
  return (
    <Notice intent="error" layout="multiline">
      <MessageBarBody>
        “<Isolated>{name}</Isolated>” was restored, but setting it to report-only failed, so it is in the state it was deleted in.{' '}
        {error.message}
        {error.requestId && ` Request ID: ${error.requestId}.`}
      </MessageBarBody>
      <MessageBarActions>
        <Button disabled={busy} onClick={onRetry}>
          Set report-only again
        </Button>
      </MessageBarActions>
    </Notice>
  );
}
