// Starting a contingency switch (or switch back): the policies are read again and the steps computed from them
// and from the choices as they are then, so a switch never starts from a stale list nor from stale choices. One
// at a time; what refuses it before anything is written (not ready, nothing to change, the policies unread) is
// said in its plan's card.
import { useQueryClient } from '@tanstack/react-query';
import { useLayoutEffect, useRef, useState } from 'react';
import { recognisePlans, type ContingencyPlan } from '../../domain/contingency/contingency-plan';
import { readiness } from '../../domain/contingency/readiness';
import { activation, ContingencyError, goneFrom, revert } from '../../domain/contingency/switch';
import { policyJson } from '../../domain/json';
import { describeError } from '../../graph/describe-error';
import { policiesQuery } from '../../policy-ui/queries';
import type { ContingencyStore } from '../../session/contingency-store';
import type { EmergencyAccess } from '../../domain/lockout';
import type { TenantSession } from '../../session/tenant-session';
import type { ErrorStateProps } from '../../shared/ui/error-state';
import { isolatedText } from '../../shared/ui/isolated-text';
import { goneWords, importOf, type SwitchMode } from './switch-run';
import { fetchNow, userStartedSession } from '../../session/user-started-session';

type Kind = 'activate' | 'revert';

export interface Refusal {
  planId: string;
  text?: string;
  error?: ErrorStateProps;
  occasion: number;
}

interface Options {
  tenant: TenantSession;
  plans: readonly ContingencyPlan[];
  store: ContingencyStore;
  emergency: EmergencyAccess;
  update: (change: (current: ContingencyStore) => ContingencyStore) => boolean;
  /** The switch read and computed: its review begins. */
  onReady: (mode: SwitchMode) => void;
}

export function useSwitchStart({ tenant, plans, store, emergency, update, onReady }: Options) {
  const queryClient = useQueryClient();
  const tenantId = tenant.account.tenantId;
  // A switch refused before anything was written (nothing to change, the policies unread): said in its plan's card.
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // Counted for the page's life: a refusal after one cleared (a switch began between) is still a new occasion.
  const occasions = useRef(0);
  const refuse = (planId: string, what: { text: string } | { error: ErrorStateProps }) =>
    setRefusal({ planId, ...what, occasion: ++occasions.current });
  // The plan whose policies are read again before its switch: one switch at a time, a second press starts none.
  const [busy, setBusy] = useState<{ planId: string; kind: Kind } | null>(null);
  const reading = useRef(false);
  // Each switch is a new review: choices made for an earlier one do not carry over.
  const [attempts, setAttempts] = useState(0);

  // The latest plans, store and emergency accounts, for a switch to take after the policies are read again:
  // a choice the admin made while they were read is saved, and is part of the switch too.
  const latest = useRef({ plans, store, emergency });
  useLayoutEffect(() => {
    latest.current = { plans, store, emergency };
  });

  /** Steps computed from the policies read again now: a switch never starts from a stale list, nor from stale choices. */
  const begin = async (kind: Kind, planId: string) => {
    if (reading.current) return;
    reading.current = true;
    setBusy({ planId, kind });
    try {
      // The admin waits on this read: it goes ahead of the screens' queued reads.
      const fresh = (await fetchNow(queryClient, { ...policiesQuery(userStartedSession(tenant)), staleTime: 0 })).map(policyJson);
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
      setRefusal(null);
      onReady({ kind, plan, fresh, source: importOf(steps, tenantId), key: `${kind}:${planId}:${attempts}`, gone });
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
  return { begin, refusal, busy };
}
