// Before anything is written: the diff of the tenant's policy against the draft and the changes in
// words; then the save. When someone else changed the policy meanwhile, it shows what they changed
// and lets the admin choose: put their own changes on top, or start again from the new version.
import { Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Skeleton, SkeletonItem, Spinner, Text, tokens } from '@fluentui/react-components';
import { Suspense, useState } from 'react';
import type { LockoutRisk } from '../../../graph/lockout';
import type { ErrorDescription } from '../../../graph/describe-error';
import type { ConditionalAccessPolicy } from '../../../graph/types';
import { LazyDiffViewer } from '../../../shared/monaco';
import { ErrorState } from '../../../shared/ui/error-state';
import { formatDateTime } from '../../../shared/ui/format';
import type { Change } from '../lib/describe-changes';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(1200px, 95vw)', width: '95vw' },
  diff: { height: '50vh' },
  changes: { margin: `${tokens.spacingVerticalS} 0`, paddingLeft: tokens.spacingHorizontalXL },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  threeWay: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalL },
  halfDiff: { height: '40vh', marginTop: tokens.spacingVerticalXS },
  guardActions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', marginTop: tokens.spacingVerticalS },
});

export type ReviewStep =
  | { kind: 'review' }
  | { kind: 'saving' }
  | { kind: 'conflict'; current: ConditionalAccessPolicy; theirChanges: Change[]; base: string; theirs: string; mine: string }
  | { kind: 'failed'; error: ErrorDescription };

export interface ReviewDialogProps {
  open: boolean;
  step: ReviewStep;
  policyName: string;
  original: string;
  modified: string;
  changes: Change[];
  dark: boolean;
  saveLabel?: string;
  /** Who this save could lock out; saving then needs an explicit acknowledgement. */
  risks?: LockoutRisk[];
  /** Adds the emergency-access accounts to the exclusions (offered when they are at risk). */
  onExcludeEmergency?: () => void;
  onSave(): void;
  onClose(): void;
  onKeepMine(): void;
  onTakeTheirs(): void;
}

export function ReviewDialog({ open, step, policyName, original, modified, changes, dark, saveLabel = 'Save to tenant', risks = [], onExcludeEmergency, onSave, onClose, onKeepMine, onTakeTheirs }: ReviewDialogProps) {
  const styles = useStyles();
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
  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_, data) => !data.open && !saving && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{step.kind === 'conflict' ? `${policyName} changed while you were editing` : original ? `Review changes to ${policyName}` : `Review ${policyName} before creating it`}</DialogTitle>
          <DialogContent className={styles.content}>
            {step.kind === 'conflict' ? (
              <>
                <MessageBar intent="warning">
                  <MessageBarBody>
                    <MessageBarTitle>Nothing was saved.</MessageBarTitle>
                    Someone changed this policy on {formatDateTime(step.current.modifiedDateTime)}, after you started editing. Their changes:
                  </MessageBarBody>
                </MessageBar>
                <ul className={styles.changes} aria-label="Their changes">
                  {step.theirChanges.map((c) => (
                    <li key={c.path}>{c.text}</li>
                  ))}
                </ul>
                <div className={styles.threeWay}>
                  {[
                    { title: 'Theirs: the version you started from, changed by them', text: step.theirs, label: 'Their changes to the version you started from' },
                    { title: 'Yours: the version you started from, changed by you', text: step.mine, label: 'Your changes to the version you started from' },
                  ].map((side) => (
                    <div key={side.title}>
                      <Text weight="semibold">{side.title}</Text>
                      <div className={styles.halfDiff}>
                        <Suspense fallback={<Skeleton aria-label="Loading the diff"><SkeletonItem size={128} /></Skeleton>}>
                          <LazyDiffViewer original={step.base} modified={side.text} dark={dark} inline ariaLabel={side.label} />
                        </Suspense>
                      </div>
                    </div>
                  ))}
                </div>
              </>
            ) : (
              <>
                <Text weight="semibold">{changes.length === 1 ? '1 change' : `${changes.length} changes`}</Text>
                <ul className={styles.changes} aria-label="Changes">
                  {changes.map((c) => (
                    <li key={c.path}>{c.text}</li>
                  ))}
                </ul>
                {risks.length > 0 && (
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
                        {onExcludeEmergency && <Button onClick={onExcludeEmergency}>Exclude emergency accounts</Button>}
                        <Checkbox checked={acknowledged} onChange={(_, data) => setAcknowledged(data.checked === true)} label="I understand, and I have another way in if this goes wrong" />
                      </div>
                    </MessageBarBody>
                  </MessageBar>
                )}
                {step.kind === 'failed' && <ErrorState {...step.error} />}
                <div className={styles.diff}>
                  <Suspense fallback={<Skeleton aria-label="Loading the diff"><SkeletonItem size={128} /></Skeleton>}>
                    <LazyDiffViewer original={original} modified={modified} dark={dark} ariaLabel={`Changes to ${policyName}`} />
                  </Suspense>
                </div>
              </>
            )}
          </DialogContent>
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
                <Button appearance="primary" disabled={saving || changes.length === 0 || needsAcknowledgement} onClick={onSave} icon={saving ? <Spinner size="tiny" /> : undefined}>
                  {saving ? 'Saving…' : saveLabel}
                </Button>
                <Button disabled={saving} onClick={onClose}>
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
