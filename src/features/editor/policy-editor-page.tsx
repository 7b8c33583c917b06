// Editing a policy: its JSON in a schema-aware Monaco editor beside a state switch, the checks and
// the live summary; the draft kept on this device as it is typed; nothing written before the admin
// has seen the diff; a policy changed by someone else meanwhile is never overwritten silently.
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
  Skeleton,
  SkeletonItem,
  Tooltip,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { use, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { stateLabels } from '../../domain/labels';
import { LeaveDialog, useLeaveGuard } from '../../shared/routes/leave-guard';
import { describeError, errorPath } from '../../graph/describe-error';
import { comparableText } from '../../domain/policy-body';
import { blocksSaving } from '../../domain/policy-checks';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { rebaseDraft } from '../../operations/save-policy';
import { useTenantSession } from '../../session/tenant-session';
import { useWriteAccess } from '../../session/write-access';
import { useTheme } from '../../shared/theme';
import { ErrorState, SignInAgainContext } from '../../shared/ui/error-state';
import { SpokenStatus } from '../../shared/ui/live-status';
import { Notice } from '../../shared/ui/notice';
import { useFocusReturn } from '../../shared/ui/use-focus-return';
import { formatDateTime } from '../../shared/ui/format';
import { policyQuery, useNames } from '../../policy-ui/queries';
import { useSavePolicy } from '../../policy-ui/writes';
import { PageBreadcrumb } from '../../policy-ui/page-breadcrumb';
import { StateBadge } from '../../policy-ui/state-badge';
import { describeChanges } from '../../domain/describe-changes';
import { draftStore } from '../../policy-ui/draft-store';
import type { LockoutRisk } from '../../domain/lockout';
import { RolloutFreezeNotice } from '../../policy-ui/rollout-notice';
import { DraftImpact, withImpactRisks } from './draft-impact';
import { ReviewDialog, type ReviewStep } from './review-dialog';
import { SaveFailed, type SaveFailure } from './save-failed';
import { startFromPolicy, useDraft } from './use-draft';
import { useLockoutGuard } from './use-lockout-guard';
import { useSaveShortcut } from './save-shortcut';
import { PolicyWorkbench, type GraphFinding } from './policy-workbench';
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
  const savePolicy = useSavePolicy();
  const id = live.id ?? '';
  const draft = useDraft(tenant.account.key, id, () => startFromPolicy(live));
  // Names for what the draft has and for what it removed from the base, for the change list.
  const names = useNames(tenant, [(draft.policy ?? live) as ConditionalAccessPolicy, draft.base as ConditionalAccessPolicy]);
  const [reviewing, setReviewing] = useState(false);
  const [step, setStep] = useState<ReviewStep>({ kind: 'review' });
  // A failed save's error (and the version it may have replaced, not kept), with the text it concerns: it stays on
  // the page until the draft changes, a new review opens or the admin signs in again.
  const [saveError, setSaveError] = useState<(SaveFailure & { text: string }) | null>(null);
  const signInAgain = use(SignInAgainContext);
  if (saveError && saveError.text !== draft.text) setSaveError(null);
  // A save whose answer was lost may be in the tenant over a version this device could not keep: said until a
  // save succeeds (typing does not make it less true), and then on the saved message.
  const [lostVersion, setLostVersion] = useState<string | null>(null);
  // A numbered Graph error, shown on the JSON it concerns until the text changes again.
  const [graphFinding, setGraphFinding] = useState<GraphFinding | null>(null);
  // Undoing every change throws away work: it asks first.
  // Undoing every change, or discarding a draft restored from the device, throws away work: it asks first.
  const [confirming, setConfirming] = useState<'undo' | 'discard' | null>(null);
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
  const reviewButton = useRef<HTMLButtonElement>(null);
  const canReview = !blocked && draft.dirty && write.allowed;
  const openReview = () => {
    rememberReviewOpener();
    setStep({ kind: 'review' });
    setSaveError(null);
    // Each review judges its own draft: no risk (nor an ended check) of an earlier one carries over.
    setImpactRisks([]);
    setCheckingSignIns(true);
    setReviewing(true);
  };
  // Emergency accounts and the admin hit in recent sign-ins join the guard's list; until they are known,
  // Save waits.
  const [impactRisks, setImpactRisks] = useState<LockoutRisk[]>([]);
  const [checkingSignIns, setCheckingSignIns] = useState(true);
  // Ctrl+S anywhere on the page, as from the JSON: the review, or (not yet) the button whose tooltip says why.
  const reviewOrSayWhy = () => (canReview ? openReview() : reviewButton.current?.focus());
  // Always listening, so that over the review or a question the browser's Save page stays away too.
  useSaveShortcut(() => !reviewing && confirming === null && reviewOrSayWhy(), true);

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

  // Leaving with unsaved changes asks first (the draft stays on this device either way).
  const leave = useLeaveGuard(draft.dirty);

  const save = async () => {
    if (!draft.policy) return;
    setStep({ kind: 'saving' });
    // Said before a save that fails with its answer lost: it may be in the tenant over a version not kept here.
    let versionNotKept: string | undefined;
    try {
      const outcome = await savePolicy.mutateAsync({
        id,
        draft: draft.policy,
        baseModified: draft.baseModified,
        onVersionNotKept: (words) => (versionNotKept = words),
      });
      if (outcome.kind === 'conflict') {
        const theirs = policyJson(outcome.current);
        setStep({
          kind: 'conflict',
          current: outcome.current,
          theirChanges: describeChanges(draft.base, theirs, names.data),
          base: comparableText(draft.base),
          theirs: comparableText(theirs),
          mine: comparableText(draft.policy),
        });
        return;
      }
      draftStore.clear(tenant.account.key, id);
      setSaveError(null);
      leave.letGo();
      // Saved, but the version it replaced (or the one an earlier lost save did replace) could not be kept on this
      // device: said on the policy's page. A save sent now means the lost one never landed: only its own words hold.
      const earlier = lostVersion && outcome.kind === 'saved' && outcome.foundAlreadySaved && `Earlier attempt: ${lostVersion}`;
      const warning = outcome.kind === 'saved' ? [outcome.versionNotKept, earlier].filter(Boolean).join(' ') : undefined;
      navigate(paths.policy(id), { state: { saved: outcome.kind === 'saved', ...(warning && { warning }) } });
    } catch (error) {
      const failure = { error: describeError(error, 'save the policy'), ...(versionNotKept && { versionNotKept }) };
      setSaveError({ ...failure, text: draft.text });
      if (versionNotKept) setLostVersion(versionNotKept);
      const located = errorPath(error);
      setGraphFinding(located ? { ...located, text: draft.text } : null);
      setStep({ kind: 'failed', ...failure });
    }
  };

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

      {draft.restoredAt && draft.dirty && (
        <MessageBar intent="info">
          <MessageBarBody>
            {draft.origin
              ? `${draft.origin}. Review and save to apply it.`
              : `Your unsaved draft from ${formatDateTime(draft.restoredAt)} was restored.`}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              onClick={() => {
                rememberFocus();
                setConfirming('discard');
              }}
            >
              Discard draft…
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {draft.elsewhere && draft.dirty && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This draft is open in another tab too</MessageBarTitle>
            {draft.elsewhere.what === 'discarded'
              ? `The other tab discarded or saved it at ${formatDateTime(draft.elsewhere.at)}. Your text here is kept, on this device too; saving it is checked against the policy as the tenant holds it then.`
              : `The other tab changed it at ${formatDateTime(draft.elsewhere.at)}. Each tab keeps its own text; this device keeps the one typed last.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {followed && !draft.dirty && (
        <Notice intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Changed in the tenant</MessageBarTitle>
            The policy was changed by someone else (or by you in another tab) at {formatDateTime(followed)}. Nothing was edited here yet:
            the JSON now shows the new version.
          </MessageBarBody>
        </Notice>
      )}
      {saveError && !reviewing && (
        // Signing in again starts over: the refusal it answers is no longer the page's to show.
        <SignInAgainContext
          value={
            signInAgain &&
            (() => {
              setSaveError(null);
              signInAgain();
            })
          }
        >
          <SaveFailed error={saveError.error} versionNotKept={saveError.versionNotKept} />
        </SignInAgainContext>
      )}
      {lostVersion && !reviewing && !saveError?.versionNotKept && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{lostVersion}</MessageBarBody>
        </MessageBar>
      )}
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
              <DraftImpact policyId={id} draft={draft.policy} onRisks={setImpactRisks} onChecking={setCheckingSignIns} />
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

      <Dialog open={confirming !== null} onOpenChange={(_, data) => !data.open && setConfirming(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{confirming === 'discard' ? 'Discard the draft?' : 'Undo all your changes?'}</DialogTitle>
            <DialogContent>
              {changes.length === 1 ? 'Your change' : changes.length > 1 ? `Your ${changes.length} changes` : 'Your changes'} to{' '}
              {live.displayName ? <Isolated>{live.displayName}</Isolated> : 'this policy'} will be discarded, here and in the draft kept on
              this device
              {confirming === 'discard'
                ? '. The JSON becomes the policy as the tenant holds it now.'
                : '. The JSON goes back to the policy as you opened it.'}
            </DialogContent>
            {/* Keeping first: the dialog focuses its first button, and Enter must not throw the work away. */}
            <DialogActions>
              <Button onClick={() => setConfirming(null)}>Keep my changes</Button>
              <Button
                appearance="primary"
                onClick={() => {
                  if (confirming === 'discard') {
                    landOnHeading.current = true;
                    setDiscarded((n) => n + 1);
                  }
                  draft.reset(confirming === 'discard' ? policyJson(live) : draft.base);
                  setConfirming(null);
                }}
              >
                {confirming === 'discard' ? 'Discard the draft' : 'Undo all changes'}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <LeaveDialog guard={leave} title="Leave without saving?">
        Your changes are not saved to the tenant. They stay as a draft on this device, and open again when you come back to this policy.
      </LeaveDialog>
    </section>
  );
}
