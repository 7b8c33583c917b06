// A new policy's draft: the same editor and checks as editing, a review of exactly what will be created,
// and what a create whose answer was lost found in the tenant. This file lays the page out; the create and what
// its outcome says are use-policy-create's.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Tooltip,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { comparableText, type JsonObject } from '../../domain/policy-body';
import { blocksSaving } from '../../domain/policy-checks';
import { POLICY_LIMIT } from '../../graph/policies';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { useTenantSession } from '../../session/tenant-session';
import { useWriteAccess } from '../../session/write-access';
import { useTheme } from '../../shared/theme';
import { policiesQuery, useNames } from '../../policy-ui/queries';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { useFocusReturn } from '../../shared/ui/use-focus-return';
import { PolicyWorkbench } from './policy-workbench';
import type { LockoutRisk } from '../../domain/lockout';
import { DraftImpact, withImpactRisks } from './draft-impact';
import { ReviewDialog } from './review-dialog';
import { DuplicatesCreated } from './duplicates-created';
import { CreatedByEarlierAttempt } from './created-by-earlier-attempt';
import { useDraft } from './use-draft';
import { useLockoutGuard } from './use-lockout-guard';
import { useReviewShortcut } from './save-shortcut';
import { usePolicyCreate } from './use-policy-create';
import { discardNewDraft, NEW } from './new-policy-draft';

const pretty = (policy: JsonObject) => JSON.stringify(policy, null, 2);

const useStyles = makeStyles({
  subtitle: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export function NewPolicyEditor({
  start,
  focusOnArrival,
  onStartOver,
}: {
  start: JsonObject;
  focusOnArrival: boolean;
  onStartOver(): void;
}) {
  const styles = useStyles();
  const tenant = useTenantSession();
  const { dark } = useTheme();
  // The base of a new policy is nothing: everything in the draft is what will be created.
  const draft = useDraft(tenant.account.key, NEW, () => ({ base: {}, text: pretty(start) }));
  const policies = useQuery(policiesQuery(tenant));
  const names = useNames(tenant, draft.policy ? [draft.policy as ConditionalAccessPolicy] : undefined);
  const [reviewing, setReviewing] = useState(false);
  const { step, setStep, graphFinding, duplicates, createdEarlier, attempt, forgetAttempt, create } = usePolicyCreate({
    draft,
    closeReview: () => setReviewing(false),
  });
  const atLimit = (policies.data?.length ?? 0) >= POLICY_LIMIT;
  const blocked = !draft.policy || blocksSaving(draft.findings) || atLimit;
  // A read-only account may still draft (kept on this device), but not create.
  const write = useWriteAccess();
  const guard = useLockoutGuard(draft);
  // Emergency accounts and the admin the new policy would hit in recent sign-ins join the guard's list.
  const [impactRisks, setImpactRisks] = useState<LockoutRisk[]>([]);
  // Create waits while recent sign-ins are read: risks found there need the same acknowledgement.
  const [checkingSignIns, setCheckingSignIns] = useState(true);
  const canReview = !blocked && write.allowed;
  // The review gives the keyboard's focus back to what opened it (the button, or the JSON by Ctrl+S).
  const rememberReviewOpener = useFocusReturn(reviewing);
  const openReview = () => {
    rememberReviewOpener();
    setStep({ kind: 'review' });
    // Each review judges the draft as it is now: no risk of an earlier review carries over.
    setImpactRisks([]);
    setCheckingSignIns(true);
    setReviewing(true);
  };
  const name = typeof draft.policy?.displayName === 'string' ? draft.policy.displayName : 'the new policy';
  // Start over throws the draft away: it asks first, and the focus returns to Start over if the admin keeps it.
  const [confirmingStartOver, setConfirmingStartOver] = useState(false);
  const rememberStartOver = useFocusReturn(confirmingStartOver);
  const { reviewButton, reviewOrSayWhy } = useReviewShortcut({ canReview, openReview, dialogOpen: reviewing || confirmingStartOver });

  // The editor replaces the chooser: the focus goes to its heading rather than dropping to <body>.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnArrival) heading.current?.focus();
  }, [focusOnArrival]);

  if (duplicates) return <DuplicatesCreated kept={duplicates.kept} extra={duplicates.extra} />;
  if (createdEarlier) return <CreatedByEarlierAttempt {...createdEarlier} />;

  const draftName = typeof draft.policy?.displayName === 'string' && draft.policy.displayName.trim() ? draft.policy.displayName : null;
  return (
    <>
      <h2 ref={heading} tabIndex={-1} className={styles.subtitle}>
        {draftName ? (
          <>
            Draft: <Isolated>{draftName}</Isolated>
          </>
        ) : (
          'Draft'
        )}
      </h2>
      {draft.restoredAt && (
        <MessageBar intent="info">
          <MessageBarBody>
            {draft.origin ? `${draft.origin}. Review it, then create it.` : 'Your unsaved new policy from this device was restored.'}
          </MessageBarBody>
        </MessageBar>
      )}
      {atLimit && (
        <MessageBar intent="warning">
          <MessageBarBody>
            This tenant already has {POLICY_LIMIT} policies, the most Microsoft Entra allows. Delete one before creating another.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Tooltip
          content={
            !write.allowed
              ? (write.reason ?? '')
              : blocked
                ? 'Fix the problems listed under Checks first.'
                : 'See exactly what will be created.'
          }
          relationship="description"
        >
          <Button ref={reviewButton} appearance="primary" disabledFocusable={!canReview} onClick={openReview}>
            Review and create…
          </Button>
        </Tooltip>
        <Button
          onClick={() => {
            rememberStartOver();
            setConfirmingStartOver(true);
          }}
        >
          Start over
        </Button>
      </div>
      <Dialog open={confirmingStartOver} onOpenChange={(_, data) => !data.open && setConfirmingStartOver(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Start over?</DialogTitle>
            <DialogContent>
              {draftName ? (
                <>
                  The new policy “<Isolated>{draftName}</Isolated>”
                </>
              ) : (
                'The new policy'
              )}{' '}
              will be discarded, here and in the draft kept on this device.
              {draft.origin && <> It was opened for you: {draft.origin}.</>}
              {attempt && (
                <> An earlier attempt to create it may have reached the tenant: look for it among the policies before creating it again.</>
              )}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  discardNewDraft(tenant.account.key);
                  forgetAttempt();
                  setConfirmingStartOver(false);
                  onStartOver();
                }}
              >
                Discard and start over
              </Button>
              <Button onClick={() => setConfirmingStartOver(false)}>Keep editing</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <PolicyWorkbench
        draft={draft}
        modelName="new"
        label="JSON of the new policy"
        graphFinding={graphFinding}
        names={names.data}
        risks={guard.risks}
        onReview={reviewOrSayWhy}
      />
      {reviewing && draft.policy && (
        <ReviewDialog
          open
          step={step}
          policyName={name}
          original=""
          modified={comparableText(draft.policy)}
          changes={[
            {
              path: 'create',
              text: `Creates “${isolatedText(name)}” in ${draft.policy.state === 'enabled' ? 'On (enforced at once)' : draft.policy.state === 'disabled' ? 'Off' : 'Report-only'}`,
            },
          ]}
          dark={dark}
          names={names.data}
          newPolicy={draft.policy}
          saveLabel="Create in tenant"
          risks={withImpactRisks(guard.risks, impactRisks)}
          checkingSignIns={checkingSignIns}
          impact={
            <DraftImpact
              policyId={null}
              draft={draft.policy}
              onRisks={setImpactRisks}
              onChecking={setCheckingSignIns}
              hold={step.kind === 'saving' || step.kind === 'failed'}
              saving={step.kind === 'saving'}
            />
          }
          onExcludeEmergency={guard.excludeEmergency}
          onSave={() => void create()}
          onClose={() => setReviewing(false)}
          onKeepMine={() => {}}
          onTakeTheirs={() => {}}
        />
      )}
    </>
  );
}
