// Contingency plans: per disruption, the contingency policies to turn on in order (recognised from
// Microsoft's naming), the normal policies to turn off and the exclusions to add first; whether the
// plan would work today; a drill that shows every change without writing; the switch itself through
// the shared plan flow (diffs, lock-out guard, paced and journalled, read back); and the revert that
// puts every touched policy back exactly as it was.
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, tokens } from '@fluentui/react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { recognisePlans, type ContingencyPlan } from '../../domain/contingency/contingency-plan';
import { readiness } from '../../domain/contingency/readiness';
import { activation, ContingencyError, goneFrom, revert, type SwitchRecord, type SwitchStep } from '../../domain/contingency/switch';
import { emptyImportSet, type ImportSet } from '../../domain/import/import-set';
import { policyJson, type JsonObject } from '../../domain/json';
import { describeError } from '../../graph/describe-error';
import type { RunOrigin } from '../../operations/apply-plan';
import { PlanAndApply } from '../../policy-ui/plan/plan-and-apply';
import { useApplyJournal } from '../../policy-ui/writes';
import { policiesQuery } from '../../policy-ui/queries';
import { useEmergencyAccess } from '../../session/emergency-access';
import { useOrganizationName } from '../../session/organization-query';
import { useTenantSession } from '../../session/tenant-session';
import { EmptyState } from '../../shared/ui/empty-state';
import { ErrorState, type ErrorStateProps } from '../../shared/ui/error-state';
import { HeldNotice } from './held-notice';
import { PlanCard } from './plan-card';
import { RestorePlans } from './restore-plans';
import { halfDoneOf, switchRunKey } from './switch-progress';
import { useContingencyStore } from '../../session/contingency-store';
import { paths } from '../../shared/routes/paths';
import { isolatedText } from '../../shared/ui/isolated-text';
import { SpokenStatus } from '../../shared/ui/live-status';
import { useLocation, useNavigate } from 'react-router';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1280px' },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
});

type Mode =
  | { kind: 'plans' }
  | { kind: 'activate' | 'revert'; plan: ContingencyPlan; fresh: JsonObject[]; source: ImportSet; key: string; gone: string[] }
  | { kind: 'continue'; plan: ContingencyPlan };

/** The policies as the steps leave them, in the order they are first touched: what the plan flow writes. */
function importOf(steps: readonly SwitchStep[], tenantId: string): ImportSet {
  const last = new Map<string, JsonObject>();
  for (const step of steps) last.set(step.policyId, step.after);
  const set = emptyImportSet();
  set.origin.tenantId = tenantId;
  set.sections.policies = [...last.values()];
  return set;
}

/** A switch's run as the journal knows it: which plan, which way, resumed on this page. */
// A half-done switch's run keeps the key of the id its plan had when it began (its record's planId): an earlier
// version's id for a plan whose id changed since.
const switchOrigin = (kind: 'activate' | 'revert', plan: ContingencyPlan, runPlanId = plan.id): RunOrigin => ({
  key: switchRunKey(kind, runPlanId),
  path: paths.contingency,
  label: `Contingency, the switch ${kind === 'activate' ? 'to' : 'back from'} the plan for ${isolatedText(plan.disruption)}`,
});

/** Policies of a switch deleted since, in words: nothing to put back for them. */
const goneWords = (names: readonly string[]) =>
  `${names.map((n) => `‘${isolatedText(n)}’`).join(', ')} ${names.length === 1 ? 'is' : 'are'} not in the tenant any more: there is nothing to put back for ${names.length === 1 ? 'it' : 'them'}.`;

export function ContingencyPage() {
  const styles = useStyles();
  const tenant = useTenantSession();
  const tenantId = tenant.account.tenantId;
  const targetName = useOrganizationName(tenant) ?? 'this tenant';
  const list = useQuery(policiesQuery(tenant));
  const queryClient = useQueryClient();
  const [emergency] = useEmergencyAccess(tenantId);
  const policies = useMemo(() => (list.data ?? []).map(policyJson), [list.data]);
  const recognised = useMemo(() => recognisePlans(policies), [policies]);
  // Choices an earlier version kept under a plan's old id are found under its id now; `held`, those it cannot place.
  const [store, update, held, forget] = useContingencyStore(tenantId, list.data ? recognised : undefined);
  const title = useRef<HTMLHeadingElement>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'plans' });
  // A switch refused before anything was written (nothing to change, the policies unread): said in its plan's card.
  const [refusal, setRefusal] = useState<{ planId: string; text?: string; error?: ErrorStateProps; occasion: number } | null>(null);
  // Counted for the page's life: a refusal after one cleared (a switch began between) is still a new occasion.
  const occasions = useRef(0);
  const refuse = (planId: string, what: { text: string } | { error: ErrorStateProps }) =>
    setRefusal({ planId, ...what, occasion: ++occasions.current });
  // The plan whose policies are read again before its switch: one switch at a time, a second press starts none.
  const [busy, setBusy] = useState<{ planId: string; kind: 'activate' | 'revert' } | null>(null);
  const reading = useRef(false);
  // Each switch is a new review: choices made for an earlier one do not carry over.
  const [attempts, setAttempts] = useState(0);
  // The plan whose switch (or switch back) was just put aside, or whose notice (above the policy list) led
  // here: its card takes the keyboard's focus.
  const location = useLocation();
  const [returnedTo, setReturnedTo] = useState<string | null>(() => {
    const state: unknown = location.state;
    return state && typeof state === 'object' && typeof (state as { plan?: unknown }).plan === 'string'
      ? (state as { plan: string }).plan
      : null;
  });
  // Taken once: a reload or Back to this page does not lead the focus to that card again.
  const navigate = useNavigate();
  useEffect(() => {
    if (location.state) void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
    // Once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const backToPlans = (planId: string) => {
    setMode({ kind: 'plans' });
    setReturnedTo(planId);
  };
  const journal = useApplyJournal();
  /** A switch left between its steps (or stopped): the journal still holds its run, which can go on. */
  const halfDone = (switched: SwitchRecord) => halfDoneOf(journal.load(), switched.planId);
  const plans = useMemo(() => recognised.map((plan) => ({ ...plan, ...store.plans[plan.id] })), [recognised, store.plans]);

  // The latest plans, store and emergency accounts, for a switch to take after the policies are read again:
  // a choice the admin made while they were read is saved, and is part of the switch too.
  const latest = useRef({ plans, store, emergency });
  useLayoutEffect(() => {
    latest.current = { plans, store, emergency };
  });

  /** Steps computed from the policies read again now: a switch never starts from a stale list, nor from stale choices. */
  const begin = async (kind: 'activate' | 'revert', planId: string) => {
    if (reading.current) return;
    reading.current = true;
    setBusy({ planId, kind });
    try {
      const fresh = (await queryClient.fetchQuery({ ...policiesQuery(tenant), staleTime: 0 })).map(policyJson);
      const { plans: now, store: stored, emergency: accounts } = latest.current;
      const recognised = recognisePlans(fresh).find((p) => p.id === planId) ?? now.find((p) => p.id === planId);
      if (!recognised) return;
      // As recognised from the policies read now, with the choices as they are now.
      const plan: ContingencyPlan = { ...recognised, ...stored.plans[planId] };
      if (kind === 'activate') {
        // A choice made while the policies were read (or the policies themselves) may leave the plan not ready.
        const blockers = readiness(plan, fresh, accounts, { isolate: isolatedText }).filter((f) => f.severity === 'blocker');
        if (blockers.length > 0) {
          refuse(planId, { text: `The plan is not ready: ${blockers.map((b) => b.text).join(' ')}` });
          return;
        }
      }
      const record = stored.switches[planId]!;
      const steps = kind === 'activate' ? activation(plan, fresh, tenant.context.clock.now()).steps : revert(record, fresh);
      // Policies deleted since the switch have nothing to put back: the others are put back all the same.
      const gone = kind === 'revert' ? goneFrom(record, fresh).map((t) => t.name) : [];
      if (steps.length === 0) {
        refuse(planId, {
          text:
            kind === 'activate'
              ? 'Every policy of the plan is already as the switch would leave it.'
              : gone.length > 0
                ? `Every touched policy still in the tenant is already back as it was. ${goneWords(gone)} The switch is closed.`
                : 'Every touched policy is already back as it was.',
        });
        if (kind === 'revert')
          update((s) => ({ ...s, switches: Object.fromEntries(Object.entries(s.switches).filter(([id]) => id !== planId)) }));
        return;
      }
      setReturnedTo(null);
      setRefusal(null);
      setMode({ kind, plan, fresh, source: importOf(steps, tenantId), key: `${kind}:${planId}:${attempts}`, gone });
      setAttempts((n) => n + 1);
    } catch (error) {
      // The plan names a policy the tenant no longer has (readiness says so first; the policies may have changed between).
      if (error instanceof ContingencyError) {
        refuse(planId, { text: error.message });
        return;
      }
      const described = describeError(error, 'read the policies again');
      // Its title says what failed; the message what it means here, then Graph's words. Try again starts the same switch.
      refuse(planId, {
        error: { ...described, message: `Nothing was switched. ${described.message}`, onRetry: () => void begin(kind, planId) },
      });
    } finally {
      reading.current = false;
      setBusy(null);
    }
  };

  return (
    <section className={styles.page} aria-labelledby="contingency-title">
      <h1 id="contingency-title" className={styles.title} ref={title} tabIndex={-1}>
        Contingency plans
      </h1>
      <Text>
        Contingency policies wait in report-only and are turned on, in order, when a disruption happens (an MFA outage, a federation
        failure); the normal policies they stand in for are turned off. Gatehouse recognises them by the names Microsoft’s guidance gives
        them, such as <code>EM01 - ENABLE IN EMERGENCY: MFA Disruption [1/3] - All apps: Require a phone sign-in</code>, and groups them by
        disruption.
      </Text>
      {list.isPending ? <Spinner label="Reading the policies…" /> : null}
      {/* In the page while the policies are read: what was found is said when they are (the plans, or that there are none). */}
      <SpokenStatus>
        {mode.kind === 'plans' && list.data
          ? plans.length === 0
            ? 'No contingency plan: no policy is named as a contingency policy.'
            : `${plans.length === 1 ? 'One contingency plan' : `${plans.length} contingency plans`}: ${plans.map((p) => isolatedText(p.disruption)).join(', ')}.`
          : null}
      </SpokenStatus>
      {list.error ? <ErrorState {...describeError(list.error, 'read the policies')} onRetry={() => void list.refetch()} /> : null}

      {mode.kind === 'plans' ? <HeldNotice held={held} onForget={forget} onEmptied={() => title.current?.focus()} /> : null}
      {mode.kind === 'plans' && list.data ? (
        <RestorePlans policies={policies} edits={store.plans} onChange={(plans) => update((s) => ({ ...s, plans }))} />
      ) : null}
      {mode.kind === 'plans' ? (
        list.data && plans.length === 0 ? (
          <EmptyState title="No contingency policies">
            No policy is named as a contingency policy. Create them in report-only, named{' '}
            <code>EMnn - ENABLE IN EMERGENCY: disruption [i/n] - …</code>, and they appear here as a plan.
          </EmptyState>
        ) : (
          plans.map((plan) => (
            <PlanCard
              key={plan.id}
              plan={plan}
              policies={policies}
              emergency={emergency}
              switched={store.switches[plan.id] ?? null}
              halfDone={store.switches[plan.id] ? halfDone(store.switches[plan.id]!) : null}
              onContinue={() => {
                setReturnedTo(null);
                setMode({ kind: 'continue', plan });
              }}
              takeFocus={returnedTo === plan.id}
              refusal={refusal?.planId === plan.id ? refusal : null}
              busy={busy ? (busy.planId === plan.id ? busy.kind : 'elsewhere') : null}
              onEdit={(edit) =>
                update((s) => ({ ...s, plans: { ...s.plans, [plan.id]: { suspend: plan.suspend, exclusions: plan.exclusions, ...edit } } }))
              }
              onActivate={() => void begin('activate', plan.id)}
              onRevert={() => void begin('revert', plan.id)}
            />
          ))
        )
      ) : mode.kind === 'continue' ? (
        // The half-done switch's own run, from the journal: the rest of its steps, still one at a time.
        <PlanAndApply
          source={null}
          sourceKey={`continue:${mode.plan.id}`}
          targetName={targetName}
          origin={switchOrigin('activate', mode.plan, store.switches[mode.plan.id]?.planId)}
          stepByStep
          onClosed={() => backToPlans(mode.plan.id)}
        >
          <Text>
            No run of this switch is kept on this device any more.{' '}
            <Button appearance="transparent" onClick={() => backToPlans(mode.plan.id)}>
              Back to the plans
            </Button>
          </Text>
        </PlanAndApply>
      ) : (
        <PlanAndApply
          source={mode.source}
          sourceKey={mode.key}
          targetName={targetName}
          origin={switchOrigin(mode.kind, mode.plan)}
          // The switch writes the states it means: on, off, or back to what they were.
          initialChoices={{ states: 'source' }}
          // Microsoft's guidance turns contingency policies on one at a time, checking each: a guided run.
          // The way back is one action.
          stepByStep={mode.kind === 'activate'}
          // Either way each write needs the one before: a switch stops at a refused write rather than, say, turn a
          // policy off whose replacement did not come on.
          inOrder
          change
          intro={
            mode.kind === 'activate'
              ? `The switch to the plan for ${isolatedText(mode.plan.disruption)}, in its order. `
              : `The way back from the plan for ${isolatedText(mode.plan.disruption)}: each policy as it was before the switch. `
          }
          onStart={() => {
            // Recorded before the first write, so a switch cut short can still be reverted (or continued).
            if (mode.kind === 'activate') {
              const { record } = activation(mode.plan, mode.fresh, tenant.context.clock.now());
              const by = { ...record, by: tenant.account.name || tenant.account.username };
              update((s) => ({ ...s, switches: { ...s.switches, [mode.plan.id]: by } }));
            }
          }}
          onFinished={() => {
            if (mode.kind === 'revert')
              update((s) => ({ ...s, switches: Object.fromEntries(Object.entries(s.switches).filter(([id]) => id !== mode.plan.id)) }));
          }}
          // Done, or a run put aside half way, goes back to the plans: not to the same plan (made before the writes) again.
          onClosed={() => backToPlans(mode.plan.id)}
        >
          {mode.gone.length > 0 ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{mode.gone.length === 1 ? 'A policy is gone' : `${mode.gone.length} policies are gone`}</MessageBarTitle>
                {goneWords(mode.gone)} The others are put back; once they all are, the switch is closed.
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <Text>
            {mode.kind === 'activate'
              ? `Switching to the plan for ${isolatedText(mode.plan.disruption)}.`
              : `Switching back from the plan for ${isolatedText(mode.plan.disruption)}.`}{' '}
            <Button appearance="transparent" onClick={() => backToPlans(mode.plan.id)}>
              Back to the plans
            </Button>
          </Text>
        </PlanAndApply>
      )}
    </section>
  );
}
