// A new policy's draft: the same editor and checks as editing, a review of exactly what will be created,
// and what a create whose answer was lost found in the tenant.
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
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Tooltip,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError, errorPath } from '../../graph/describe-error';
import { comparableText, type JsonObject } from '../../domain/policy-body';
import { blocksSaving } from '../../domain/policy-checks';
import { POLICY_LIMIT } from '../../graph/policies';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { useTenantSession } from '../../session/tenant-session';
import { useWriteAccess } from '../../session/write-access';
import { useTheme } from '../../shared/theme';
import { policiesQuery, useNames } from '../../policy-ui/queries';
import { useCreatePolicy } from '../../policy-ui/writes';
import type { CreateAttempt } from '../../operations/create-policy';
import { formatDateTime } from '../../shared/ui/format';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { useFocusReturn } from '../../shared/ui/use-focus-return';
import { createAttempts } from './create-attempts';
import { draftStore } from '../../policy-ui/draft-store';
import { PolicyWorkbench, type GraphFinding } from './policy-workbench';
import type { LockoutRisk } from '../../domain/lockout';
import { DraftImpact, withImpactRisks } from './draft-impact';
import { ReviewDialog, type ReviewStep } from './review-dialog';
import { DuplicatesCreated } from './duplicates-created';
import { useDraft } from './use-draft';
import { useLockoutGuard } from './use-lockout-guard';
import { useReviewShortcut } from './save-shortcut';
import { paths } from '../../shared/routes/paths';
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
  const navigate = useNavigate();
  const { dark } = useTheme();
  const createPolicy = useCreatePolicy();
  // The base of a new policy is nothing: everything in the draft is what will be created.
  const draft = useDraft(tenant.account.key, NEW, () => ({ base: {}, text: pretty(start) }));
  const policies = useQuery(policiesQuery(tenant));
  const names = useNames(tenant, draft.policy ? [draft.policy as ConditionalAccessPolicy] : undefined);
  const [reviewing, setReviewing] = useState(false);
  const [step, setStep] = useState<ReviewStep>({ kind: 'review' });
  const [graphFinding, setGraphFinding] = useState<GraphFinding | null>(null);
  const [duplicates, setDuplicates] = useState<{ kept: ConditionalAccessPolicy; extra: ConditionalAccessPolicy[] } | null>(null);
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

  // An attempt whose outcome is unknown (it failed after its POST): what it knew, kept in memory and on
  // this device beside the draft, so the next attempt, here or after a reload, looks for its policy first.
  const [attempt, setAttempt] = useState<CreateAttempt | null>(() => createAttempts.load(tenant.account.key));
  // Another tab on the same draft may have kept one since this page opened (its create lost its answer).
  useEffect(
    () => createAttempts.watch(tenant.account.key, () => setAttempt(createAttempts.load(tenant.account.key))),
    [tenant.account.key],
  );
  const [createdEarlier, setCreatedEarlier] = useState<{ policy: ConditionalAccessPolicy; withChanges: boolean } | null>(null);

  const create = async () => {
    if (!draft.policy) return;
    setStep({ kind: 'saving' });
    try {
      const outcome = await createPolicy.mutateAsync({
        body: draft.policy,
        // Read again now: an attempt kept by another tab counts as this page's own.
        earlier: createAttempts.load(tenant.account.key) ?? attempt,
        onAttempt: (known) => {
          setAttempt(known);
          createAttempts.save(tenant.account.key, known);
        },
        // Graph refused the POST: nothing was made, no attempt's outcome is unknown any more.
        onRefused: () => {
          setAttempt(null);
          createAttempts.clear(tenant.account.key);
        },
      });
      setAttempt(null);
      // Found as an earlier attempt sent it, before the draft's later edits: those edits become the
      // created policy's draft, to review and save there, not a second policy.
      if (outcome.byEarlierAttempt && outcome.differsFromBody)
        draftStore.save(tenant.account.key, outcome.policy.id!, {
          text: JSON.stringify({ ...draft.policy, id: outcome.policy.id }, null, 2),
          baseText: JSON.stringify(outcome.policy),
          baseModified: outcome.policy.modifiedDateTime ?? null,
          updatedAt: new Date().toISOString(),
          origin: 'Your changes made after an earlier attempt created this policy',
        });
      discardNewDraft(tenant.account.key);
      // A duplicate is said here, with its deletion one click away, before moving on.
      if (outcome.duplicates.length > 0) {
        setReviewing(false);
        setDuplicates({ kept: outcome.policy, extra: outcome.duplicates });
      } else if (outcome.byEarlierAttempt) {
        // Nothing was written this time: the earlier attempt had created it. Said, with the policy one click away.
        setReviewing(false);
        setCreatedEarlier({ policy: outcome.policy, withChanges: !!outcome.differsFromBody });
      } else {
        // Graph made it, but the look for a second copy (a lost answer resent) could not be made: said on the policy's page.
        const warning = outcome.duplicatesUnchecked
          ? 'Whether a second copy was made could not be checked (Microsoft Graph did not answer the search): look in the policy list for another policy of this name.'
          : undefined;
        navigate(paths.policy(outcome.policy.id!), { state: { created: true, ...(warning && { warning }) } });
      }
    } catch (error) {
      const located = errorPath(error);
      setGraphFinding(located ? { ...located, text: draft.text } : null);
      setStep({ kind: 'failed', error: describeError(error, 'create the policy') });
    }
  };

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
                  setAttempt(null);
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
          impact={<DraftImpact policyId={null} draft={draft.policy} onRisks={setImpactRisks} onChecking={setCheckingSignIns} />}
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

/** The create's answer was lost earlier, and the policy was found in the tenant: it was not created again. */
function CreatedByEarlierAttempt({ policy, withChanges }: { policy: ConditionalAccessPolicy; withChanges: boolean }) {
  const navigate = useNavigate();
  const open = useRef<HTMLButtonElement>(null);
  // The review that was open is gone: the focus goes to what comes next.
  useEffect(() => open.current?.focus(), []);
  const name = policy.displayName ?? 'The policy';
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          “<Isolated>{name}</Isolated>” was created by your earlier attempt
        </MessageBarTitle>
        Microsoft Graph's answer to that attempt was lost, but the policy is in the tenant (created {formatDateTime(policy.createdDateTime)}
        ). It was not created again.
        {withChanges &&
          ' It holds the draft as that attempt sent it: your changes since are kept as its draft, to review and save in its editor.'}
      </MessageBarBody>
      <MessageBarActions>
        {withChanges ? (
          <Button ref={open} appearance="primary" onClick={() => navigate(paths.editPolicy(policy.id!))}>
            Review your changes to “{isolatedText(name)}”
          </Button>
        ) : (
          <Button ref={open} appearance="primary" onClick={() => navigate(paths.policy(policy.id!), { state: { created: true } })}>
            Open “{isolatedText(name)}”
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
