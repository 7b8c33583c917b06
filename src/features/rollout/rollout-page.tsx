// Staged rollout (/rollout): a policy rolled out in rings of users, as Microsoft's phased rollout does
// it (the policy report-only for everyone, an enforced copy gaining rings, gates read from sign-ins,
// the finish that turns the policy itself on and deletes the copy). Rollouts are kept on this device
// and in backups; every write goes through the shared plan flow (diff, lock-out guard, paced,
// journalled, read back, previous versions kept).
import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { policyJson, type JsonObject } from '../../domain/json';
import type { RolloutPlan } from '../../domain/rollout/rollout-plan';
import { controlsOf, finishStep, UntestedControlsError, type FrozenControls, type StepWrite } from '../../domain/rollout/steps';
import type { ApplyRun } from '../../operations/apply-plan';
import { describeError } from '../../graph/describe-error';
import { policiesQuery } from '../../policy-ui/queries';
import { useApplyJournal } from '../../policy-ui/writes';
import { useEmergencyAccess } from '../../session/emergency-access';
import { useOrganizationName } from '../../session/organization-query';
import { useRolloutStore } from '../../session/rollout-store';
import { useTenantSession } from '../../session/tenant-session';
import { ErrorState } from '../../shared/ui/error-state';
import { isolatedText } from '../../shared/ui/isolated-text';
import { LiveStatus } from '../../shared/ui/live-status';
import { ConfirmButton } from './confirm-button';
import { OutcomeNotice, useOutcome } from './outcome-notice';
import { RingEditor } from './ring-editor';
import { RolloutHome } from './rollout-home';
import { RolloutView } from './rollout-view';
import { afterRun, pendingRunOf, resumableRun, stepOrigin, StepRun, type StepMode } from './step-run';
import { useFocusLanding } from './use-focus-landing';
import { useRowStyles } from './styles';
import { UntestedControls } from './untested-controls';
import { fetchNow, userStartedSession } from '../../session/user-started-session';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1280px' },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
});

type Mode = { kind: 'home' } | { kind: 'new'; policyId: string } | StepMode;

export function RolloutPage() {
  const styles = useStyles();
  const rows = useRowStyles();
  const tenant = useTenantSession();
  const tenantId = tenant.account.tenantId;
  const targetName = useOrganizationName(tenant) ?? 'this tenant';
  const queryClient = useQueryClient();
  const list = useQuery(policiesQuery(tenant));
  const [store, update] = useRolloutStore(tenantId);
  const [emergency] = useEmergencyAccess(tenantId);
  const journal = useApplyJournal();
  const [params, setParams] = useSearchParams();
  const opened = params.get('policy');
  const [mode, setMode] = useState<Mode>({ kind: 'home' });
  /** The journal's unfinished run when it is this rollout's pending step. */
  const resumable = (policyId: string) => resumableRun(journal.load(), policyId, store[policyId]?.pending);
  const [choice, setChoice] = useState('');
  const [stepError, setStepError] = useState<string | null>(null);
  /** A finish refused because the policy's controls are not those the rings tested: what changed, and the controls it has now. */
  const [untested, setUntested] = useState<{
    policyId: string;
    changes: readonly string[];
    controls: FrozenControls;
    occasion: number;
  } | null>(null);
  const [steps, setSteps] = useState(0);
  const [notKept, setNotKept] = useState(false);
  const now = () => tenant.context.clock.now();
  const policies = useMemo(() => list.data ?? [], [list.data]);
  const byId = (id: string | null | undefined) => (id ? policies.find((p) => p.id === id) : undefined);
  const change = (policyId: string, edit: (plan: RolloutPlan) => RolloutPlan) => {
    const kept = update((current) => (current[policyId] ? { ...current, [policyId]: edit(current[policyId]) } : current));
    setNotKept(!kept);
  };
  // Set when a rollout is opened by the admin (from the list, a plan kept, back from a step's run): its title then takes the keyboard's focus.
  const [focusView, setFocusView] = useState(false);
  /** What a page-wide action did (a rollout removed, a step forgotten), said where it is shown. */
  const { outcome, say, clear } = useOutcome();
  // Where the keyboard goes once the page is drawn again, when the button pressed left with what it showed.
  const root = useRef<HTMLElement>(null);
  const land = useFocusLanding(root, '#rollout-page-title');
  const open = (policyId: string | null, focus = true) => {
    setMode({ kind: 'home' });
    setStepError(null);
    setUntested(null);
    clear();
    setFocusView(focus && policyId !== null);
    setParams(policyId ? { policy: policyId } : {});
  };
  const said = (title: string, text: string) => say({ title, text });

  /** The step made from the policy read again now: a step never starts from a stale list. */
  const begin = async (plan: RolloutPlan, make: (original: JsonObject) => StepWrite) => {
    setStepError(null);
    setUntested(null);
    try {
      // The admin waits on this read: it goes ahead of the screens' queued reads.
      const fresh = await fetchNow(queryClient, { ...policiesQuery(userStartedSession(tenant)), staleTime: 0 });
      const original = fresh.find((p) => p.id === plan.policyId);
      if (!original) throw new Error(`“${plan.policyName}” is no longer in the tenant.`);
      const write = make(policyJson(original));
      setMode({ kind: 'step', policyId: plan.policyId, write, key: `${write.step.kind}:${write.step.ring ?? ''}:${steps}` });
      setSteps((n) => n + 1);
    } catch (error) {
      if (error instanceof UntestedControlsError)
        setUntested({ policyId: plan.policyId, changes: error.changes, controls: error.controls, occasion: Date.now() });
      else setStepError(error instanceof Error ? error.message : String(error));
    }
  };

  /** What a finished run leaves in the plan: the copy's id, the new groups' ids, the step recorded. */
  const finished = (policyId: string, fallback: StepWrite['step'], run: ApplyRun) =>
    change(policyId, (plan) => afterRun(plan, fallback, run, policies, now()));

  const current = opened ? store[opened] : undefined;
  // The rollout just removed leaves the store at once, the address a drawing later (through the router):
  // meanwhile its address names a rollout no longer kept, which is no error to say. Until the address changes.
  const [removed, setRemoved] = useState<string | null>(null);
  if (removed !== null && removed !== opened) setRemoved(null);

  return (
    <section className={styles.page} aria-labelledby="rollout-page-title" ref={root}>
      <h1 id="rollout-page-title" className={styles.title} tabIndex={-1}>
        Staged rollout
      </h1>
      <Text>
        Roll a policy out in rings of users: it stays report-only for everyone while a copy enforces it for the first ring, then the next;
        between rings a gate reads the sign-ins since the ring started and pauses when too many are blocked. Finishing turns the policy
        itself on, so it keeps its id and history.
      </Text>
      {list.isPending ? <Spinner aria-hidden /> : null}
      <LiveStatus>{list.isPending ? 'Reading the policies…' : null}</LiveStatus>
      <OutcomeNotice outcome={outcome} />
      {list.error ? <ErrorState {...describeError(list.error, 'read the policies')} onRetry={() => void list.refetch()} /> : null}
      {stepError ? <ErrorState title="Nothing was written" message={stepError} /> : null}
      {untested && current && untested.policyId === current.policyId ? (
        <UntestedControls
          changes={untested.changes}
          occasion={untested.occasion}
          onFinishAnyway={() => void begin(current, (fresh) => finishStep(current, fresh, untested.controls))}
        />
      ) : null}
      {notKept ? (
        <ErrorState
          title="Not kept on this device"
          message="The browser refused to store the rollout: it is shown, but gone after a reload."
        />
      ) : null}

      {mode.kind === 'step' || mode.kind === 'resume' ? (
        <StepRun
          mode={mode}
          policyName={byId(mode.policyId)?.displayName ?? mode.policyId}
          tenantId={tenantId}
          targetName={targetName}
          onBack={() => open(mode.policyId, true)}
          onStart={({ step, policies: written }) =>
            change(mode.policyId, (plan) => ({
              ...plan,
              pending: step,
              // Frozen from the policy as the start read it: what the rings test is what the finish turns on.
              ...(step.kind === 'start' && written[0] && { frozen: controlsOf(written[0]) }),
            }))
          }
          onFinished={(run) =>
            finished(
              mode.policyId,
              mode.kind === 'step' ? mode.write.step : (store[mode.policyId]?.pending ?? { kind: 'advance', ring: null }),
              run,
            )
          }
        />
      ) : mode.kind === 'new' ? (
        (() => {
          const policy = byId(mode.policyId);
          return policy?.id ? (
            <RingEditor
              policy={{
                ...policyJson(policy),
                id: policy.id,
                displayName: policy.displayName ?? policy.id,
                state: policy.state ?? 'disabled',
              }}
              policies={policies.map(policyJson)}
              emergency={emergency}
              now={now}
              onSave={(plan) => {
                setNotKept(!update((current) => ({ ...current, [plan.policyId]: plan })));
                open(plan.policyId);
              }}
              onCancel={() => {
                open(null);
                land('#rollout-choice');
              }}
            />
          ) : null;
        })()
      ) : current ? (
        <>
          <div className={rows.row}>
            <Button
              onClick={() => {
                open(null);
                // Back on the list, on the rollout just left.
                land(`[data-rollout="${CSS.escape(current.policyId)}"]`);
              }}
            >
              All rollouts
            </Button>
            {current.pending ? (
              <>
                <Button
                  onClick={() => {
                    const run = resumable(current.policyId);
                    // A run from before runs said where they came from is taken as this step's, as it always was.
                    const origin = run ? (run.origin ?? stepOrigin(current.policyId, current.policyId, current.pending!)) : null;
                    setMode({ kind: 'resume', policyId: current.policyId, origin });
                    // Its button leaves with the rollout: with no run to show, the keyboard goes to the way back.
                    if (!origin) land('[data-back-to-rollout]');
                  }}
                >
                  Open the unfinished step
                </Button>
                <ConfirmButton
                  title="Forget the unfinished step?"
                  confirm="Forget the step"
                  body="The rollout goes on as it was recorded before the step. Its run, if this device keeps it, can no longer be resumed here: check the policy and its copy first."
                  onConfirm={() => {
                    // The step's run goes too: left in the journal, it would come back as the next step's.
                    if (resumable(current.policyId)?.origin) journal.clear();
                    change(current.policyId, (plan) => ({ ...plan, pending: null }));
                    said('The step was forgotten', 'The rollout stands as it was recorded before the step.');
                    land('#rollout-title');
                  }}
                >
                  Forget the step
                </ConfirmButton>
              </>
            ) : null}
          </div>
          <RolloutView
            plan={current}
            pendingRun={pendingRunOf(resumable(current.policyId))}
            original={byId(current.policyId)}
            copy={byId(current.copyId)}
            policiesRead={!!list.data}
            emergency={emergency}
            now={now}
            onChange={(edit) => change(current.policyId, edit)}
            onStep={(make) => void begin(current, make)}
            takeFocus={focusView}
            onForget={() => {
              setNotKept(!update((all) => Object.fromEntries(Object.entries(all).filter(([id]) => id !== current.policyId))));
              setRemoved(current.policyId);
              open(null);
              said(
                'Removed from this device',
                `The rollout of “${isolatedText(current.policyName)}” is no longer kept here; the tenant is as it was.`,
              );
              land('#rollout-page-title');
            }}
          />
        </>
      ) : (
        <>
          {opened && !current && opened !== removed ? (
            <ErrorState title="No rollout of that policy" message="This device keeps no rollout of that policy." />
          ) : null}
          <RolloutHome
            store={store}
            policies={policies}
            policiesRead={!!list.data}
            choice={choice}
            onChoose={setChoice}
            onOpen={(id) => open(id)}
            onPlan={(policyId) => {
              clear();
              setMode({ kind: 'new', policyId });
            }}
            onRestore={(next) => {
              const kept = update(() => next);
              setNotKept(!kept);
              return kept;
            }}
          />
        </>
      )}
    </section>
  );
}
