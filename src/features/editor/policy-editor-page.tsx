// Editing a policy: its JSON in a schema-aware Monaco editor beside a state switch, the checks and
// the live summary; the draft kept on this device as it is typed; nothing written before the admin
// has seen the diff; a policy changed by someone else meanwhile is never overwritten silently. This file lays
// the page out; the save and what its outcome says are use-policy-save's, the notices editor-notices'.
import { Button, makeStyles, Skeleton, SkeletonItem, Tooltip, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { stateLabels } from '../../domain/labels';
import { LeaveDialog, useLeaveGuard } from '../../shared/routes/leave-guard';
import { describeError } from '../../graph/describe-error';
import { comparableText } from '../../domain/policy-body';
import { blocksSaving } from '../../domain/policy-checks';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { rebaseDraft } from '../../operations/save-policy';
import { useTenantSession } from '../../session/tenant-session';
import { useWriteAccess } from '../../session/write-access';
import { useTheme } from '../../shared/theme';
import { ErrorState } from '../../shared/ui/error-state';
import { SpokenStatus } from '../../shared/ui/live-status';
import { useFocusReturn } from '../../shared/ui/use-focus-return';
import { policyQuery, useNames } from '../../policy-ui/queries';
import { PageBreadcrumb } from '../../policy-ui/page-breadcrumb';
import { StateBadge } from '../../policy-ui/state-badge';
import { describeChanges } from '../../domain/describe-changes';
import type { LockoutRisk } from '../../domain/lockout';
import { RolloutFreezeNotice } from '../../policy-ui/rollout-notice';
import { DraftImpact, withImpactRisks } from './draft-impact';
import { ReviewDialog } from './review-dialog';
import { startFromPolicy, useDraft } from './use-draft';
import { useLockoutGuard } from './use-lockout-guard';
import { useReviewShortcut } from './save-shortcut';
import { PolicyWorkbench } from './policy-workbench';
import { usePolicySave } from './use-policy-save';
import { EditorNotices } from './editor-notices';
import { DiscardChangesDialog, type DiscardQuestion } from './discard-changes-dialog';
import { paths } from '../../shared/routes/paths';
import { policyJson } from '../../domain/json';
import { Isolated } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  titleRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  // A name without spaces, however long, wraps rather than widen the page.
  title: {
    margin: 0,
    minWidth: 0,
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  pair: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, whiteSpace: 'nowrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export function PolicyEditorPage() {
  const { id = '' } = useParams();
  const tenant = useTenantSession();
  const live = useQuery({ ...policyQuery(tenant, id), staleTime: 0 });
  if (live.isPending) {
    return (
      <Skeleton aria-label="Loading the policy">
        <SkeletonItem size={32} style={{ width: '40%' }} />
        <SkeletonItem size={128} style={{ marginTop: 16 }} />
      </Skeleton>
    );
  }
  if (!live.data) return <ErrorState {...describeError(live.error, 'load this policy')} onRetry={() => void live.refetch()} />;
  return <Editor key={`${tenant.account.key}:${id}`} live={live.data} />;
}

function Editor({ live }: { live: ConditionalAccessPolicy }) {
  const styles = useStyles();
  const tenant = useTenantSession();
  const navigate = useNavigate();
  const { dark } = useTheme();
  const id = live.id ?? '';
  const draft = useDraft(tenant.account.key, id, () => startFromPolicy(live));
  // Names for what the draft has and for what it removed from the base, for the change list.
  const names = useNames(tenant, [(draft.policy ?? live) as ConditionalAccessPolicy, draft.base as ConditionalAccessPolicy]);
  const [reviewing, setReviewing] = useState(false);
  // Leaving with unsaved changes asks first (the draft stays on this device either way).
  const leave = useLeaveGuard(draft.dirty);
  const { step, setStep, saveError, forgetSaveError, lostVersion, graphFinding, save } = usePolicySave({
    id,
    draft,
    names: names.data,
    onSaved: () => leave.letGo(),
  });
  // Undoing every change, or discarding a draft restored from the device, throws away work: it asks first.
  const [confirming, setConfirming] = useState<DiscardQuestion | null>(null);
  // The question closed (either answer): the keyboard's focus goes back to the button that asked it.
  const rememberFocus = useFocusReturn(confirming !== null);

  const changes = useMemo(
    () => (draft.policy ? describeChanges(draft.base, draft.policy, names.data) : []),
    [draft.base, draft.policy, names.data],
  );
  const blocked = !draft.policy || blocksSaving(draft.findings);
  // A read-only account may still draft (kept on this device), but not save.
  const write = useWriteAccess();
  // Judged against the policy as the tenant holds it: a risk it already had asks for no acknowledgement.
  const livePolicy = useMemo(() => policyJson(live), [live]);
  const guard = useLockoutGuard(draft, livePolicy);
  // The review, and the question on leaving, give the keyboard's focus back to what opened them.
  const rememberReviewOpener = useFocusReturn(reviewing);
  const canReview = !blocked && draft.dirty && write.allowed;
  const openReview = () => {
    rememberReviewOpener();
    setStep({ kind: 'review' });
    forgetSaveError();
    // Each review judges its own draft: no risk (nor an ended check) of an earlier one carries over.
    setImpactRisks([]);
    setCheckingSignIns(true);
    setReviewing(true);
  };
  // Emergency accounts and the admin hit in recent sign-ins join the guard's list once known; Save does not
  // wait for them (the review says the check is still running).
  const [impactRisks, setImpactRisks] = useState<LockoutRisk[]>([]);
  const [checkingSignIns, setCheckingSignIns] = useState(true);
  const { reviewButton, reviewOrSayWhy } = useReviewShortcut({ canReview, openReview, dialogOpen: reviewing || confirming !== null });

  // The draft discarded: its banner (and the button that asked) are gone, the keyboard's focus goes to the heading.
  const heading = useRef<HTMLHeadingElement>(null);
  const [discarded, setDiscarded] = useState(0);
  const landOnHeading = useRef(false);
  useEffect(() => {
    if (confirming !== null || !landOnHeading.current) return;
    landOnHeading.current = false;
    heading.current?.focus();
  }, [confirming]);

  // Someone else saved the policy while this draft has nothing in it yet: the draft follows the new version
  // (else the JSON stays on the old one while the header moves on, and a later save is a conflict).
  const [followed, setFollowed] = useState<string | null>(null);
  const liveModified = live.modifiedDateTime ?? null;
  if (
    !draft.dirty &&
    !reviewing &&
    liveModified &&
    (!draft.baseModified || Date.parse(liveModified) > Date.parse(draft.baseModified)) &&
    liveModified !== draft.baseModified
  ) {
    const start = startFromPolicy(live);
    draft.reset(start.base, start.text);
    setFollowed(liveModified);
  }

  const current = step.kind === 'conflict' ? policyJson(step.current) : null;

  return (
    <section className={styles.page} aria-labelledby="editor-title">
      <PageBreadcrumb trail={[{ label: live.displayName ?? id, to: paths.policy(id) }, { label: 'Edit' }]} />
      <div className={styles.titleRow}>
        <h1 id="editor-title" className={styles.title} ref={heading} tabIndex={-1}>
          Edit <Isolated>{live.displayName}</Isolated>
        </h1>
        {/* The header names the saved state, and the draft's beside it when they differ (a revert can change it); a
            state that is none of the three is the checks' to name, not a badge's (it would run off the page). */}
        {/* Each label with its badge: the row wraps between the pairs, never inside one. */}
        <span className={styles.pair}>
          Saved: <StateBadge state={live.state ?? 'disabled'} />
        </span>
        {typeof draft.policy?.state === 'string' &&
          Object.hasOwn(stateLabels, draft.policy.state) &&
          draft.policy.state !== (live.state ?? 'disabled') && (
            <span className={styles.pair}>
              This draft: <StateBadge state={draft.policy.state} />
            </span>
          )}
      </div>

      <EditorNotices
        draft={draft}
        followed={followed}
        reviewing={reviewing}
        saveError={saveError}
        lostVersion={lostVersion}
        onDiscardDraft={() => {
          rememberFocus();
          setConfirming('discard');
        }}
        onForgetSaveError={forgetSaveError}
      />
      <SpokenStatus occasion={discarded}>
        {discarded > 0 ? 'The draft was discarded: the JSON is the policy as the tenant holds it now.' : null}
      </SpokenStatus>

      <div className={styles.actions}>
        <Tooltip
          content={
            !write.allowed
              ? (write.reason ?? '')
              : blocked
                ? 'Fix the problems listed under Checks first.'
                : draft.dirty
                  ? 'See exactly what will change before saving.'
                  : 'Nothing has changed yet.'
          }
          relationship="description"
        >
          <Button ref={reviewButton} appearance="primary" disabledFocusable={!canReview} onClick={openReview}>
            Review and save…
          </Button>
        </Tooltip>
        {/* Focusable while disabled: the keyboard's focus comes back to it once the changes are undone. */}
        <Button
          disabledFocusable={!draft.dirty}
          onClick={() => {
            rememberFocus();
            setConfirming('undo');
          }}
        >
          Undo all changes…
        </Button>
        <Tooltip
          content="Try sign-ins against this draft beside the saved policies; the draft stays on this device"
          relationship="description"
        >
          <Button
            disabled={!draft.dirty || !draft.policy}
            onClick={() => {
              // The draft is already kept on this device: nothing is lost by leaving for What if.
              leave.letGo();
              navigate(paths.whatIf(id));
            }}
          >
            What if…
          </Button>
        </Tooltip>
        <Button appearance="subtle" onClick={() => navigate(paths.policy(id))}>
          Close
        </Button>
      </div>

      <PolicyWorkbench
        draft={draft}
        modelName={id}
        label={`JSON of ${live.displayName ?? 'the policy'}`}
        graphFinding={graphFinding}
        names={names.data}
        risks={guard.risks}
        onReview={reviewOrSayWhy}
      />

      {reviewing && draft.policy && (
        <ReviewDialog
          open
          step={step}
          policyName={live.displayName ?? id}
          original={comparableText(draft.base)}
          modified={current ? comparableText(current) : comparableText(draft.policy)}
          changes={changes}
          dark={dark}
          names={names.data}
          risks={withImpactRisks(guard.risks, impactRisks)}
          checkingSignIns={checkingSignIns}
          alreadyRisks={guard.already.filter((r) => !impactRisks.some((i) => i.who === r.who))}
          onExcludeEmergency={guard.excludeEmergency}
          impact={
            <>
              <RolloutFreezeNotice policyId={id} />
              <DraftImpact
                policyId={id}
                draft={draft.policy}
                onRisks={setImpactRisks}
                onChecking={setCheckingSignIns}
                hold={step.kind === 'saving' || step.kind === 'failed'}
                saving={step.kind === 'saving'}
              />
            </>
          }
          onSave={() => void save()}
          onClose={() => setReviewing(false)}
          onKeepMine={() => {
            const rebased = rebaseDraft(draft.base, draft.policy!, current!);
            draft.reset(current!, JSON.stringify(rebased, null, 2));
            setStep({ kind: 'review' });
          }}
          onTakeTheirs={() => {
            draft.reset(current!);
            setReviewing(false);
          }}
        />
      )}

      <DiscardChangesDialog
        asking={confirming}
        changeCount={changes.length}
        policyName={live.displayName ?? undefined}
        onKeep={() => setConfirming(null)}
        onDiscard={() => {
          if (confirming === 'discard') {
            landOnHeading.current = true;
            setDiscarded((n) => n + 1);
          }
          draft.reset(confirming === 'discard' ? policyJson(live) : draft.base);
          setConfirming(null);
        }}
      />

      <LeaveDialog guard={leave} title="Leave without saving?">
        Your changes are not saved to the tenant. They stay as a draft on this device, and open again when you come back to this policy.
      </LeaveDialog>
    </section>
  );
}
