// Contingency plans: per disruption, the contingency policies to turn on in order (recognised from
// Microsoft's naming), the normal policies to turn off and the exclusions to add first; whether the
// plan would work today; a drill that shows every change without writing; the switch itself through
// the shared plan flow (diffs, lock-out guard, paced and journalled, read back); and the revert that
// puts every touched policy back exactly as it was.
import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { recognisePlans } from '../../domain/contingency/contingency-plan';
import { giveHeld } from '../../domain/contingency/saved-choices';
import type { SwitchRecord } from '../../domain/contingency/switch';
import { policyJson } from '../../domain/json';
import { describeError } from '../../graph/describe-error';
import { useApplyJournal } from '../../policy-ui/writes';
import { policiesQuery } from '../../policy-ui/queries';
import { useContingencyStore } from '../../session/contingency-store';
import { useEmergencyAccess } from '../../session/emergency-access';
import { useOrganizationName } from '../../session/organization-query';
import { useTenantSession } from '../../session/tenant-session';
import { EmptyState } from '../../shared/ui/empty-state';
import { ErrorState } from '../../shared/ui/error-state';
import { isolatedText } from '../../shared/ui/isolated-text';
import { SpokenStatus } from '../../shared/ui/live-status';
import { useLocation, useNavigate } from 'react-router';
import { HeldNotice } from './held-notice';
import { PlanCard } from './plan-card';
import { RestorePlans } from './restore-plans';
import { halfDoneOf } from './switch-progress';
import { SwitchRun, type SwitchMode } from './switch-run';
import { useCandidateNames } from './use-candidate-names';
import { useSwitchStart } from './use-switch-start';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1280px' },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
});

type Mode = { kind: 'plans' } | SwitchMode;

export function ContingencyPage() {
  const styles = useStyles();
  const tenant = useTenantSession();
  const tenantId = tenant.account.tenantId;
  const targetName = useOrganizationName(tenant) ?? 'this tenant';
  const list = useQuery(policiesQuery(tenant));
  const [emergency] = useEmergencyAccess(tenantId);
  const policies = useMemo(() => (list.data ?? []).map(policyJson), [list.data]);
  const nameOf = useCandidateNames(tenant, list.data ? policies : undefined, emergency.users.length + emergency.groups.length === 0);
  const recognised = useMemo(() => recognisePlans(policies), [policies]);
  // Choices an earlier version kept under a plan's old id are found under its id now; `held`, those it cannot place.
  const [store, update, held, forget] = useContingencyStore(tenantId, list.data ? recognised : undefined);
  const title = useRef<HTMLHeadingElement>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'plans' });
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

  const { begin, refusal, busy } = useSwitchStart({
    tenant,
    plans,
    store,
    emergency,
    update,
    onReady: (next) => {
      setReturnedTo(null);
      setMode(next);
    },
  });

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

      {mode.kind === 'plans' ? (
        <HeldNotice
          held={held}
          onForget={forget}
          onUse={(entry) => {
            // Weighed against what is kept and read now, which may have changed since the offer was shown.
            let given = false;
            const kept = update((saved) => {
              const next = giveHeld(saved, entry, recognised);
              given = next.given;
              return next.saved;
            });
            return { kept, given };
          }}
          onEmptied={() => title.current?.focus()}
        />
      ) : null}
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
              nameOf={nameOf}
              onEdit={(edit) =>
                update((s) => ({ ...s, plans: { ...s.plans, [plan.id]: { suspend: plan.suspend, exclusions: plan.exclusions, ...edit } } }))
              }
              onActivate={() => void begin('activate', plan.id)}
              onRevert={() => void begin('revert', plan.id)}
            />
          ))
        )
      ) : (
        <SwitchRun
          mode={mode}
          targetName={targetName}
          switched={store.switches[mode.plan.id]}
          by={tenant.account.name || tenant.account.username}
          now={() => tenant.context.clock.now()}
          update={update}
          onBack={() => backToPlans(mode.plan.id)}
        />
      )}
    </section>
  );
}
