// Before anything is written: the diff of the tenant's policy against the draft and the changes in
// words, names beside ids; then the save. A new policy is shown as what it is, in words and as JSON.
// When someone else changed the policy meanwhile, it shows what they changed and lets the admin
// choose: put their own changes on top, or start again from the new version.
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Skeleton,
  SkeletonItem,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Suspense, useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LockoutRisk } from '../../domain/lockout';
import type { NameDirectory } from '../../domain/references';
import type { JsonObject } from '../../domain/policy-body';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { LazyDiffViewer, LazyJsonViewer } from '../../shared/monaco';
import { useSmallWindow } from '../../shared/ui/use-small-window';
import { SpokenStatus } from '../../shared/ui/live-status';
import { formatDateTime } from '../../shared/ui/format';
import { PolicySummaryView } from '../../policy-ui/policy-summary-view';
import type { Change } from '../../domain/describe-changes';
import { describeIdIn } from '../../policy-ui/describe-id';
import { describePolicy } from '../../domain/describe-policy';
import { AnnouncedElsewhere } from '../../shared/ui/announced-elsewhere';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { SaveFailed, type SaveFailure } from './save-failed';
import { UnnamedEmergencyNotice } from './unnamed-emergency';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(1200px, 95vw)', width: '95vw' },
  diff: { height: '50vh' },
  changes: { margin: `${tokens.spacingVerticalS} 0`, paddingLeft: tokens.spacingHorizontalXL },
  // The dialog scrolls: nothing in it may shrink under its own content (a squeezed warning was drawn
  // over by what follows it, and its button could not be clicked).
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, '& > *': { flexShrink: 0 } },
  threeWay: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalL },
  halfDiff: { height: '40vh', marginTop: tokens.spacingVerticalXS },
  json: { height: '40vh' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  guardActions: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    marginTop: tokens.spacingVerticalS,
  },
});

export type ReviewStep =
  | { kind: 'review' }
  | { kind: 'saving' }
  | { kind: 'conflict'; current: ConditionalAccessPolicy; theirChanges: Change[]; base: string; theirs: string; mine: string }
  | ({ kind: 'failed' } & SaveFailure);

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
   * Recent sign-ins are still being read or evaluated: the risks found there are not known yet, so Save
   * waits for them (a log that cannot be read ends the wait: that is a warning, not a block).
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
  const styles = useStyles();
  const describeId = useCallback((id: string) => describeIdIn(names, id), [names]);
  const summary = useMemo(() => (newPolicy ? describePolicy(newPolicy as ConditionalAccessPolicy, names) : []), [newPolicy, names]);
  const saving = step.kind === 'saving';
  const [acknowledged, setAcknowledged] = useState(false);
  const riskKey = risks.map((r) => r.who).join('|');
  const [acknowledgedFor, setAcknowledgedFor] = useState(riskKey);
  // An acknowledgement covers the people it named: if the list changes, it must be given again.
  if (acknowledgedFor !== riskKey) {
    setAcknowledgedFor(riskKey);
    setAcknowledged(false);
  }
  const needsAcknowledgement = risks.length > 0 && !acknowledged;
  // The one-click exclusion sits with the list that names an emergency account.
  const emergencyIn = (list: LockoutRisk[]) => list.some((r) => r.who.includes('(emergency access'));
  const excludeWithNew = onExcludeEmergency && (emergencyIn(risks) || !emergencyIn(alreadyRisks));
  // Enter must not write at once: the dialog opens on the way back (Fluent focuses the first button
  // first; this effect, the parent's, runs after it).
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) back.current?.focus();
  }, [open]);
  // Why Save cannot be pressed yet, said beside it and by it (it stays focusable).
  const reason = saving
    ? null
    : checkingSignIns
      ? 'Checking recent sign-ins…'
      : changes.length === 0
        ? 'Nothing to save: the draft changes nothing.'
        : needsAcknowledgement
          ? `Before “${saveLabel}”, tick “I understand” under “This could lock people out”.`
          : null;
  const reasonId = useId();
  const saveButton = useRef<HTMLButtonElement>(null);
  const understood = useRef<HTMLInputElement>(null);
  // Exclude emergency accounts: once they are excluded its button leaves (with the risk that offered it),
  // and the keyboard's focus goes on to what is next to do, the acknowledgement still asked, or Save.
  const offered = (risks.length > 0 && !!excludeWithNew) || (alreadyRisks.length > 0 && !!onExcludeEmergency && !excludeWithNew);
  const excluding = useRef(false);
  const [excludedSaid, setExcludedSaid] = useState(0);
  useEffect(() => {
    if (!excluding.current || offered) return;
    excluding.current = false;
    (risks.length > 0 && understood.current ? understood.current : saveButton.current)?.focus();
    setExcludedSaid((n) => n + 1);
  }, [offered, risks.length]);
  const excludeEmergency = () => {
    excluding.current = true;
    onExcludeEmergency?.();
  };
  // Two columns of ~100 px each cannot be read: a small window shows the difference in one.
  const small = useSmallWindow();
  const diff = (
    <div className={styles.diff}>
      <Suspense
        fallback={
          <Skeleton aria-label="Loading the diff">
            <SkeletonItem size={128} />
          </Skeleton>
        }
      >
        <LazyDiffViewer
          original={original}
          modified={modified}
          dark={dark}
          inline={small}
          ariaLabel={`Changes to ${isolatedText(policyName)}`}
          describeId={describeId}
        />
      </Suspense>
    </div>
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
              <>
                <MessageBar intent="warning">
                  <MessageBarBody>
                    <MessageBarTitle>Nothing was saved.</MessageBarTitle>
                    It was changed on {formatDateTime(step.current.modifiedDateTime)}, after the version your edit began from (by someone
                    else, or by you in another tab). Their changes:
                  </MessageBarBody>
                </MessageBar>
                <ul className={styles.changes} aria-label="Their changes">
                  {step.theirChanges.map((c) => (
                    <li key={c.path}>{c.text}</li>
                  ))}
                </ul>
                <div className={styles.threeWay}>
                  {[
                    {
                      title: 'Theirs: the version you started from, changed by them',
                      text: step.theirs,
                      label: 'Their changes to the version you started from',
                    },
                    {
                      title: 'Yours: the version you started from, changed by you',
                      text: step.mine,
                      label: 'Your changes to the version you started from',
                    },
                  ].map((side) => (
                    <div key={side.title}>
                      <Text weight="semibold">{side.title}</Text>
                      <div className={styles.halfDiff}>
                        <Suspense
                          fallback={
                            <Skeleton aria-label="Loading the diff">
                              <SkeletonItem size={128} />
                            </Skeleton>
                          }
                        >
                          <LazyDiffViewer
                            original={step.base}
                            modified={side.text}
                            dark={dark}
                            inline
                            ariaLabel={side.label}
                            describeId={describeId}
                          />
                        </Suspense>
                      </div>
                    </div>
                  ))}
                </div>
              </>
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
                  <AnnouncedElsewhere>
                    <MessageBar intent="error" layout="multiline" role="alert">
                      <MessageBarBody>
                        <MessageBarTitle>This could lock people out</MessageBarTitle>
                        <ul className={styles.changes} aria-label="Who could be locked out">
                          {risks.map((r) => (
                            <li key={r.who}>
                              <strong>{r.who}</strong>: {r.why}
                            </li>
                          ))}
                        </ul>
                        <div className={styles.guardActions}>
                          {excludeWithNew && <Button onClick={excludeEmergency}>Exclude emergency accounts</Button>}
                          <Checkbox
                            ref={understood}
                            checked={acknowledged}
                            onChange={(_, data) => setAcknowledged(data.checked === true)}
                            label="I understand, and I have another way in if this goes wrong"
                          />
                        </div>
                      </MessageBarBody>
                    </MessageBar>
                  </AnnouncedElsewhere>
                )}
                {alreadyRisks.length > 0 && (
                  <MessageBar intent="warning" layout="multiline">
                    <MessageBarBody>
                      <MessageBarTitle>Already so before this change</MessageBarTitle>
                      The policy as the tenant holds it could already lock out these people; this change does not add to it.
                      <ul className={styles.changes} aria-label="Who could already be locked out">
                        {alreadyRisks.map((r) => (
                          <li key={r.who}>
                            <strong>{r.who}</strong>: {r.why}
                          </li>
                        ))}
                      </ul>
                      {onExcludeEmergency && !excludeWithNew && (
                        <div className={styles.guardActions}>
                          <Button onClick={excludeEmergency}>Exclude emergency accounts</Button>
                        </div>
                      )}
                    </MessageBarBody>
                  </MessageBar>
                )}
                {/* Diff first: on a phone, the impact's text and table above it left the diff a few lines in view.
                    The diff moves, not the impact, so its check is not started again when the window crosses. */}
                {small && !newPolicy ? diff : null}
                <UnnamedEmergencyNotice original={newPolicy ? '' : original} modified={modified} />
                {impact}
                {step.kind === 'failed' && <SaveFailed error={step.error} versionNotKept={step.versionNotKept} />}
                {newPolicy ? (
                  <>
                    <section aria-labelledby="review-summary" className={styles.content}>
                      <h3 id="review-summary" className={styles.heading}>
                        In words
                      </h3>
                      <PolicySummaryView sections={summary} />
                    </section>
                    <section aria-labelledby="review-json" className={styles.content}>
                      <h3 id="review-json" className={styles.heading}>
                        As JSON
                      </h3>
                      <div className={styles.json}>
                        <Suspense
                          fallback={
                            <Skeleton aria-label="Loading the JSON">
                              <SkeletonItem size={128} />
                            </Skeleton>
                          }
                        >
                          <LazyJsonViewer
                            value={modified}
                            path="review/new.json"
                            dark={dark}
                            ariaLabel={`JSON of ${isolatedText(policyName)}`}
                            describeId={describeId}
                          />
                        </Suspense>
                      </div>
                    </section>
                  </>
                ) : small ? null : (
                  diff
                )}
              </>
            )}
          </DialogContent>
          {/* Polite: the keyboard's focus stays on the busy button, whose new name is not always read. */}
          <SpokenStatus occasion={excludedSaid}>
            {saving ? 'Saving…' : excludedSaid > 0 ? 'The emergency-access accounts were excluded from the draft.' : null}
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
                {reason && <Text id={reasonId}>{reason}</Text>}
                <Button
                  ref={saveButton}
                  appearance="primary"
                  disabledFocusable={saving || reason !== null}
                  aria-describedby={reason ? reasonId : undefined}
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
