// Staged rollout (/rollout): a policy rolled out in rings of users, as Microsoft's phased rollout does
// it (the policy report-only for everyone, an enforced copy gaining rings, gates read from sign-ins,
// the finish that turns the policy itself on and deletes the copy). Rollouts are kept on this device
// and in backups; every write goes through the shared plan flow (diff, lock-out guard, paced,
// journalled, read back, previous versions kept).
import { Button, makeStyles, MessageBarBody, MessageBarTitle, Select, Field, Spinner, Text, tokens } from '@fluentui/react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { policyJson, type JsonObject } from '../../domain/json';
import { unsuitablePolicy } from '../../domain/rollout/rings';
import type { PendingStep, RolloutPlan } from '../../domain/rollout/rollout-plan';
import { afterStep, controlsOf, copyRowKey, groupRowKey, stepImport, type StepWrite } from '../../domain/rollout/steps';
import { writtenCount, type ApplyRun, type RunOrigin } from '../../operations/apply-plan';
import { describeError } from '../../graph/describe-error';
import { PlanAndApply } from '../../policy-ui/plan/plan-and-apply';
import { policiesQuery } from '../../policy-ui/queries';
import { useApplyJournal } from '../../policy-ui/writes';
import { useEmergencyAccess } from '../../session/emergency-access';
import { useOrganizationName } from '../../session/organization-query';
import { useRolloutStore } from '../../session/rollout-store';
import { useTenantSession } from '../../session/tenant-session';
import { EmptyState } from '../../shared/ui/empty-state';
import { ErrorState } from '../../shared/ui/error-state';
import { LiveStatus } from '../../shared/ui/live-status';
import { Notice } from '../../shared/ui/notice';
import { ConfirmButton } from './confirm-button';
import { RingEditor } from './ring-editor';
import { RestoreRollouts } from './restore-rollouts';
import { RolloutList } from './rollout-list';
import { RolloutView, type PendingRun } from './rollout-view';
import { paths } from '../../shared/routes/paths';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1280px' },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  // A select sizes itself to its longest option (a policy's full name): held to the page's width instead.
  choice: { minWidth: 0, maxWidth: '100%', '& select': { maxWidth: '100%', textOverflow: 'ellipsis' } },
});

type Mode =
  | { kind: 'home' }
  | { kind: 'new'; policyId: string }
  | { kind: 'step'; policyId: string; write: StepWrite; key: string }
  /** The step's unfinished run, found in the journal when it was opened (null: none there); the run then goes on to its end here. */
  | { kind: 'resume'; policyId: string; origin: RunOrigin | null };

const STEP_WORDS: Record<PendingStep['kind'], string> = {
  start: 'its start',
  advance: 'a ring added',
  rollback: 'a ring rolled back',
  finish: 'its finish',
};

/** A rollout step's run as the journal knows it: which step of which rollout, resumed on that rollout's page. */
function stepOrigin(policyId: string, name: string, step: PendingStep): RunOrigin {
  return {
    key: `rollout:${policyId}:${step.kind}:${step.ring ?? ''}`,
    path: paths.rollout(policyId),
    label: `Rollout of ‘${name}’, ${STEP_WORDS[step.kind]}`,
  };
}

export function RolloutPage() {
  const styles = useStyles();
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
  /** The journal's unfinished run when it is this rollout's pending step (or one from before runs said where they came from). */
  const resumable = (policyId: string) => {
    const run = journal.load();
    const pending = store[policyId]?.pending;
    if (!run || run.finishedAt || !pending) return null;
    return !run.origin || run.origin.key === stepOrigin(policyId, '', pending).key ? run : null;
  };
  /** How far the pending step's run got, for the rollout's words: null when its run is not kept on this device. */
  const pendingRun = (policyId: string): PendingRun | null => {
    const run = resumable(policyId);
    if (!run) return null;
    const refused = run.items.find((item) => item.status === 'failed');
    return {
      written: writtenCount(run),
      total: run.items.length,
      refused: refused ? (run.stopped ?? `‘${refused.name}’ was refused: ${refused.message ?? ''}`) : null,
    };
  };
  const [choice, setChoice] = useState('');
  const [stepError, setStepError] = useState<string | null>(null);
  const [steps, setSteps] = useState(0);
  const [notKept, setNotKept] = useState(false);
  const now = () => tenant.context.clock.now();
  const policies = useMemo(() => list.data ?? [], [list.data]);
  const byId = (id: string | null | undefined) => (id ? policies.find((p) => p.id === id) : undefined);
  const plans = Object.values(store);
  const change = (policyId: string, edit: (plan: RolloutPlan) => RolloutPlan) => {
    const kept = update((current) => (current[policyId] ? { ...current, [policyId]: edit(current[policyId]) } : current));
    setNotKept(!kept);
  };
  // Set when a rollout is opened by the admin (from the list, a plan kept, back from a step's run): its title then takes the keyboard's focus.
  const [focusView, setFocusView] = useState(false);
  /** What a page-wide action did (a rollout removed, a step forgotten), said where it is shown. */
  const [outcome, setOutcome] = useState<{ title: string; text: string; occasion: number } | null>(null);
  // Where the keyboard goes once the page is drawn again, when the button pressed left with what it showed.
  const root = useRef<HTMLElement>(null);
  const [landing, setLanding] = useState<{ selector: string; occasion: number; at: number } | null>(null);
  const land = (selector: string) => setLanding((current) => ({ selector, occasion: (current?.occasion ?? 0) + 1, at: Date.now() }));
  // Looked for after each drawing until found: the address changes (and with it what is shown) a drawing after the action.
  // Meanwhile, when the focus has fallen to the page's start, the page's heading takes it; not found within a
  // second or two (the list still being read), it is left there.
  const landed = useRef(0);
  // Before the page is painted: the focus moves in the same drawing that takes its button away, never resting on the body.
  useLayoutEffect(() => {
    if (!landing || landed.current === landing.occasion) return;
    const target = root.current?.querySelector<HTMLElement>(landing.selector);
    if (target || Date.now() - landing.at > 2000) landed.current = landing.occasion;
    const heading = root.current?.querySelector<HTMLElement>('#rollout-page-title');
    if (target) target.focus();
    else if (!document.activeElement || document.activeElement === document.body) heading?.focus();
  });
  const open = (policyId: string | null, focus = true) => {
    setMode({ kind: 'home' });
    setStepError(null);
    setOutcome(null);
    setFocusView(focus && policyId !== null);
    setParams(policyId ? { policy: policyId } : {});
  };
  const said = (title: string, text: string) => setOutcome((current) => ({ title, text, occasion: (current?.occasion ?? 0) + 1 }));

  /** The step made from the policy read again now: a step never starts from a stale list. */
  const begin = async (plan: RolloutPlan, make: (original: JsonObject) => StepWrite) => {
    setStepError(null);
    try {
      const fresh = await queryClient.fetchQuery({ ...policiesQuery(tenant), staleTime: 0 });
      const original = fresh.find((p) => p.id === plan.policyId);
      if (!original) throw new Error(`“${plan.policyName}” is no longer in the tenant.`);
      const write = make(policyJson(original));
      setMode({ kind: 'step', policyId: plan.policyId, write, key: `${write.step.kind}:${write.step.ring ?? ''}:${steps}` });
      setSteps((n) => n + 1);
    } catch (error) {
      setStepError(error instanceof Error ? error.message : String(error));
    }
  };

  /** What a finished run leaves in the plan: the copy's id, the new groups' ids, the step recorded. */
  const finished = (policyId: string, fallback: StepWrite['step'], run: ApplyRun) =>
    change(policyId, (plan) => {
      const copyItem = run.items.find((item) => item.key === copyRowKey(plan));
      const copyId = copyItem?.targetId ?? plan.copyId ?? policies.find((p) => p.displayName === plan.copyName)?.id ?? null;
      const groupIds = Object.fromEntries(
        plan.rings.flatMap((ring) => {
          const id = ring.group.id ? undefined : run.created[groupRowKey(plan, ring)];
          return id ? [[ring.key, id]] : [];
        }),
      );
      return afterStep(plan, plan.pending ?? fallback, { copyId, groupIds }, now());
    });

  const current = opened ? store[opened] : undefined;
  const candidates = policies.filter(
    (p) => p.id && !unsuitablePolicy(policyJson(p)) && (!store[p.id] || store[p.id]!.status === 'finished'),
  );

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
      {outcome ? (
        <Notice intent="success" layout="multiline" occasion={outcome.occasion}>
          <MessageBarBody>
            <MessageBarTitle>{outcome.title}</MessageBarTitle>
            {outcome.text}
          </MessageBarBody>
        </Notice>
      ) : null}
      {list.error ? <ErrorState {...describeError(list.error, 'read the policies')} onRetry={() => void list.refetch()} /> : null}
      {stepError ? <ErrorState title="Nothing was written" message={stepError} /> : null}
      {notKept ? (
        <ErrorState
          title="Not kept on this device"
          message="The browser refused to store the rollout: it is shown, but gone after a reload."
        />
      ) : null}

      {mode.kind === 'step' ? (
        <PlanAndApply
          // Inside the plan flow: while its run writes, going back asks first, as leaving the page does.
          back={{ label: 'Back to the rollout', onBack: () => open(mode.policyId, true) }}
          source={stepImport(mode.write, tenantId)}
          sourceKey={mode.key}
          targetName={targetName}
          origin={stepOrigin(mode.policyId, byId(mode.policyId)?.displayName ?? mode.policyId, mode.write.step)}
          // A step writes the states it means (report-only, on, off), and creates the new rings' groups.
          initialChoices={{ states: 'source', mapping: mode.write.mapping }}
          // The copy is not created when the policy could not be made report-only, nor a ring added to a copy not written.
          inOrder
          change
          intro={mode.write.intro}
          onStart={() => {
            const { step, policies: written } = mode.write;
            change(mode.policyId, (plan) => ({
              ...plan,
              pending: step,
              // Frozen from the policy as the start read it: what the rings test is what the finish turns on.
              ...(step.kind === 'start' && written[0] && { frozen: controlsOf(written[0]) }),
            }));
          }}
          onFinished={(run) => finished(mode.policyId, mode.write.step, run)}
          // Done on a written step goes back to the rollout, not to the same step planned again against the result.
          onClosed={(run) => run.finishedAt && open(mode.policyId, true)}
        />
      ) : mode.kind === 'resume' ? (
        mode.origin ? (
          <PlanAndApply
            back={{ label: 'Back to the rollout', onBack: () => open(mode.policyId, true) }}
            source={null}
            sourceKey="resume"
            targetName={targetName}
            origin={mode.origin}
            onFinished={(run) => finished(mode.policyId, store[mode.policyId]?.pending ?? { kind: 'advance', ring: null }, run)}
            onClosed={(run) => run.finishedAt && open(mode.policyId, true)}
          />
        ) : (
          <>
            <div className={styles.row}>
              <Button data-back-to-rollout onClick={() => open(mode.policyId, true)}>
                Back to the rollout
              </Button>
            </div>
            <EmptyState title="No unfinished run on this device">
              The run of this step is not journalled here (it was closed, or run elsewhere). Check the policy and its copy, then forget the
              step.
            </EmptyState>
          </>
        )
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
          <div className={styles.row}>
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
            pendingRun={pendingRun(current.policyId)}
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
              open(null);
              said('Removed from this device', `The rollout of “${current.policyName}” is no longer kept here; the tenant is as it was.`);
              land('#rollout-page-title');
            }}
          />
        </>
      ) : (
        <>
          {opened && !current ? (
            <ErrorState title="No rollout of that policy" message="This device keeps no rollout of that policy." />
          ) : null}
          {plans.length > 0 ? (
            <RolloutList plans={plans} policies={policies} onOpen={(id) => open(id)} />
          ) : list.data ? (
            <EmptyState title="No rollout yet">
              Choose a policy below and give it rings: groups of users who get it enforced first. Rollouts are kept on this device and in
              its backups.
            </EmptyState>
          ) : null}
          {list.data ? (
            <RestoreRollouts
              policies={policies.map(policyJson)}
              store={store}
              onChange={(next) => {
                const kept = update(() => next);
                setNotKept(!kept);
                return kept;
              }}
            />
          ) : null}
          {list.data ? (
            <div className={styles.row}>
              <Field label="Policy to roll out" className={styles.choice}>
                <Select id="rollout-choice" value={choice} onChange={(_, data) => setChoice(data.value)}>
                  <option value="">Choose a policy…</option>
                  {candidates.map((p) => (
                    <option key={p.id} value={p.id!}>
                      {p.displayName ?? p.id}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button
                appearance="primary"
                disabledFocusable={!choice}
                aria-describedby={choice ? undefined : 'rollout-choice-why'}
                onClick={() => {
                  setOutcome(null);
                  setMode({ kind: 'new', policyId: choice });
                }}
              >
                Plan its rings…
              </Button>
              {choice ? null : <Text id="rollout-choice-why">Choose a policy first.</Text>}
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
