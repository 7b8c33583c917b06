// Before anything is written: the diff of the tenant's policy against the draft and the changes in
// words, names beside ids; then the save. A new policy is shown as what it is, in words and as JSON.
// When someone else changed the policy meanwhile, it shows what they changed and lets the admin
// choose: put their own changes on top, or start again from the new version.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useCallback, useEffect, useId, useRef, type ReactNode } from 'react';
import type { LockoutRisk } from '../../domain/lockout';
import type { NameDirectory } from '../../domain/references';
import type { JsonObject } from '../../domain/policy-body';
import { LazyDiffViewer } from '../../shared/monaco';
import { useSmallWindow } from '../../shared/ui/use-small-window';
import { SpokenStatus } from '../../shared/ui/live-status';
import type { Change } from '../../domain/describe-changes';
import { describeIdIn } from '../../policy-ui/describe-id';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { LazyViewer } from './lazy-viewer';
import { ConflictReview, type Conflict } from './review-conflict';
import { NewPolicyReview } from './review-new-policy';
import { AlreadyRisks, NewRisks } from './review-risks';
import { useReviewStyles } from './review-styles';
import { SaveFailed, type SaveFailure } from './save-failed';
import { UnnamedEmergencyNotice } from './unnamed-emergency';
import { useLockoutAcknowledgement } from './use-lockout-acknowledgement';

export type ReviewStep = { kind: 'review' } | { kind: 'saving' } | ({ kind: 'conflict' } & Conflict) | ({ kind: 'failed' } & SaveFailure);

export interface ReviewDialogProps {
  open: boolean;
  step: ReviewStep;
  policyName: string;
  original: string;
  modified: string;
  changes: Change[];
  dark: boolean;
  saveLabel?: string;
  /** Names of what the policy refers to, beside the ids in the diff. */
  names?: NameDirectory;
  /** A policy about to be created: shown in words and as JSON, instead of a diff against nothing. */
  newPolicy?: JsonObject;
  /** Who this save could lock out; saving then needs an explicit acknowledgement. */
  risks?: LockoutRisk[];
  /** Who the policy as it is could already lock out: said, without asking for the acknowledgement. */
  alreadyRisks?: LockoutRisk[];
  /** Adds the emergency-access accounts to the exclusions (offered when they are at risk). */
  onExcludeEmergency?: () => void;
  /** What the draft would do to recent sign-ins. */
  impact?: ReactNode;
  /**
   * Recent sign-ins are still being read or evaluated. Save does not wait for them (only Graph's refusals
   * block; the check's findings are warnings): the review says the check is running and saving is allowed.
   */
  checkingSignIns?: boolean;
  onSave(): void;
  onClose(): void;
  onKeepMine(): void;
  onTakeTheirs(): void;
}

export function ReviewDialog({
  open,
  step,
  policyName,
  original,
  modified,
  changes,
  dark,
  saveLabel = 'Save to tenant',
  names,
  newPolicy,
  risks = [],
  alreadyRisks = [],
  onExcludeEmergency,
  impact,
  checkingSignIns = false,
  onSave,
  onClose,
  onKeepMine,
  onTakeTheirs,
}: ReviewDialogProps) {
  const styles = useReviewStyles();
  const describeId = useCallback((id: string) => describeIdIn(names, id), [names]);
  const saving = step.kind === 'saving';
  const saveButton = useRef<HTMLButtonElement>(null);
  // Enter must not write at once: the dialog opens on the way back (Fluent focuses the first button
  // first; this effect, the parent's, runs after it).
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) back.current?.focus();
  }, [open]);
  const guard = useLockoutAcknowledgement({ risks, alreadyRisks, onExcludeEmergency, saveButton });
  // Why Save cannot be pressed yet, said beside it and by it (it stays focusable).
  const reason = saving
    ? null
    : changes.length === 0
      ? 'Nothing to save: the draft changes nothing.'
      : guard.needsAcknowledgement
        ? `Before “${saveLabel}”, tick “I understand” under “This could lock people out”.`
        : null;
  // A slow sign-in log (20 s in a large tenant) must not hold the save: said beside Save, which stays available.
  const note =
    !saving && reason === null && checkingSignIns ? 'The sign-in check is still running. You can save now without waiting for it.' : null;
  const reasonId = useId();
  // Two columns of ~100 px each cannot be read: a small window shows the difference in one.
  const small = useSmallWindow();
  const diff = (
    <LazyViewer className={styles.diff} loading="Loading the diff">
      <LazyDiffViewer
        original={original}
        modified={modified}
        dark={dark}
        inline={small}
        ariaLabel={`Changes to ${isolatedText(policyName)}`}
        describeId={describeId}
      />
    </LazyViewer>
  );
  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_, data) => !data.open && !saving && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>
            {step.kind === 'conflict' ? (
              <>
                “<Isolated>{policyName}</Isolated>” changed while you were editing
              </>
            ) : newPolicy ? (
              <>
                Review “<Isolated>{policyName}</Isolated>” before creating it
              </>
            ) : (
              <>
                Review changes to “<Isolated>{policyName}</Isolated>”
              </>
            )}
          </DialogTitle>
          <DialogContent className={styles.content}>
            {step.kind === 'conflict' ? (
              <ConflictReview conflict={step} dark={dark} describeId={describeId} />
            ) : (
              <>
                {newPolicy ? (
                  // Nothing is changed: one policy is created. What it does comes first, in words.
                  <Text>{changes.map((c) => c.text).join(' ')}.</Text>
                ) : (
                  <>
                    <Text weight="semibold">{changes.length === 1 ? '1 change' : `${changes.length} changes`}</Text>
                    <ul className={styles.changes} aria-label="Changes">
                      {changes.map((c) => (
                        <li key={c.path}>{c.text}</li>
                      ))}
                    </ul>
                  </>
                )}
                {risks.length > 0 && (
                  <NewRisks
                    risks={risks}
                    acknowledged={guard.acknowledged}
                    onAcknowledge={guard.setAcknowledged}
                    understood={guard.understood}
                    onExcludeEmergency={guard.excludeWithNew ? guard.excludeEmergency : undefined}
                  />
                )}
                {alreadyRisks.length > 0 && (
                  <AlreadyRisks
                    risks={alreadyRisks}
                    onExcludeEmergency={onExcludeEmergency && !guard.excludeWithNew ? guard.excludeEmergency : undefined}
                  />
                )}
                {/* Diff first: on a phone, the impact's text and table above it left the diff a few lines in view.
                    The diff moves, not the impact, so its check is not started again when the window crosses. */}
                {small && !newPolicy ? diff : null}
                <UnnamedEmergencyNotice original={newPolicy ? '' : original} modified={modified} />
                {impact}
                {step.kind === 'failed' && <SaveFailed error={step.error} versionNotKept={step.versionNotKept} />}
                {newPolicy ? (
                  <NewPolicyReview
                    policy={newPolicy}
                    text={modified}
                    policyName={policyName}
                    names={names}
                    dark={dark}
                    describeId={describeId}
                  />
                ) : small ? null : (
                  diff
                )}
              </>
            )}
          </DialogContent>
          {/* Polite: the keyboard's focus stays on the busy button, whose new name is not always read. */}
          <SpokenStatus occasion={guard.excludedSaid}>
            {saving ? 'Saving…' : guard.excludedSaid > 0 ? 'The emergency-access accounts were excluded from the draft.' : null}
          </SpokenStatus>
          <DialogActions>
            {step.kind === 'conflict' ? (
              <>
                <Button appearance="primary" onClick={onKeepMine}>
                  Put my changes on top of theirs
                </Button>
                <Button onClick={onTakeTheirs}>Discard mine, start from theirs</Button>
              </>
            ) : (
              <>
                {/* While saving or not yet possible, both stay focusable (aria-disabled, clicks and keys ignored):
                    disabled, they dropped the keyboard's focus to the page behind the still open dialog. */}
                {(reason ?? note) && <Text id={reasonId}>{reason ?? note}</Text>}
                <Button
                  ref={saveButton}
                  appearance="primary"
                  disabledFocusable={saving || reason !== null}
                  aria-describedby={(reason ?? note) ? reasonId : undefined}
                  onClick={onSave}
                  icon={saving ? <Spinner size="tiny" /> : undefined}
                >
                  {saving ? 'Saving…' : saveLabel}
                </Button>
                <Button ref={back} disabledFocusable={saving} onClick={onClose}>
                  Back to editing
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
