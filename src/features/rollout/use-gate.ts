// Reading a gate: the rings' users and the emergency accounts read fresh, the sign-in log since the
// last ring started (capped, the cap said), and the gate worked out from them. When the log cannot
// be read (licence, permission), that is the answer, in words, with what still works.
import { useEffect, useRef, useState } from 'react';
import type { EmergencyAccess, Principal } from '../../domain/lockout';
import { isJsonObject, type JsonObject } from '../../domain/json';
import { evaluateGate, type GateResult } from '../../domain/rollout/gate';
import { activeRings, latestRing, nextRing, type RolloutPlan } from '../../domain/rollout/rollout-plan';
import { describeError, type ErrorDescription } from '../../graph/describe-error';
import { readGroupUsers } from '../../graph/directory';
import { readSignIns, signInsUnavailable } from '../../graph/sign-ins';
import { useTenantSession } from '../../session/tenant-session';

/** Enough for a ring's days of sign-ins; the cap is said when reached. */
export const SIGN_IN_CAP = 5000;

export type GateRead =
  | { kind: 'idle' }
  /** progress: the phase, said once each; count: the sign-ins read so far, shown, not said at each page of them. */
  | { kind: 'reading'; progress: string; count?: number }
  | { kind: 'done'; result: GateResult; read: number; capped: boolean }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'failed'; error: ErrorDescription };

export function useGate({ onResult, onUnavailable }: { onResult(result: GateResult): void; onUnavailable(reason: string): void }) {
  const tenant = useTenantSession();
  const [read, setRead] = useState<GateRead>({ kind: 'idle' });
  const running = useRef<AbortController | null>(null);
  // A reading left behind (the page gone, a step begun) is stopped, and what it would have said is dropped.
  useEffect(() => () => running.current?.abort(), []);

  const check = async (plan: RolloutPlan, original: JsonObject | undefined, emergency: EmergencyAccess) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    const signal = controller.signal;
    try {
      setRead({ kind: 'reading', progress: 'Reading the rings’ members…' });
      const rings = [...activeRings(plan), ...[nextRing(plan)].filter((r) => r !== null)];
      const members = new Map<string, Principal[]>();
      for (const ring of rings) if (ring.group.id) members.set(ring.key, await readGroupUsers(tenant.client, ring.group.id, signal));
      const inGroups = await Promise.all(emergency.groups.map((group) => readGroupUsers(tenant.client, group.id, signal)));
      const since = new Date(latestRing(plan)?.startedAt ?? plan.createdAt);
      setRead({ kind: 'reading', progress: 'Reading the sign-ins since the last ring started…' });
      const log = await readSignIns(tenant.client, {
        since,
        cap: SIGN_IN_CAP,
        signal,
        onProgress: (count) =>
          signal.aborted || setRead({ kind: 'reading', progress: 'Reading the sign-ins since the last ring started…', count }),
      });
      // Stopped meanwhile (a step begun): its answer is about a ring set that is no longer the rollout's.
      if (signal.aborted) return;
      const result = evaluateGate({
        plan,
        signIns: log.signIns.filter(isJsonObject),
        members,
        emergency: [...emergency.users, ...inGroups.flat()],
        original,
      });
      setRead({ kind: 'done', result, read: log.signIns.length, capped: log.capped });
      onResult(result);
    } catch (error) {
      if (signal.aborted) return;
      const reason = signInsUnavailable(error);
      setRead(reason ? { kind: 'unavailable', reason } : { kind: 'failed', error: describeError(error, 'read the gate') });
      if (reason) onUnavailable(reason);
    }
  };

  /** Back to no reading: the one under way is stopped, and its answer never reaches the rollout. */
  const reset = () => {
    running.current?.abort();
    running.current = null;
    setRead({ kind: 'idle' });
  };

  return { read, check, reset };
}
