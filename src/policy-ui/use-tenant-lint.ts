// The tenant's lint for a screen: reads what the lint needs through the console's queries and
// device stores, runs the catalogue (lint-queries.ts) and applies the suppressions kept on this
// device. A suppression or its Undo shows at once: it changes no finding, only how it is counted.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { applySuppressions } from '../domain/lint/suppressions';
import type { LintFinding } from '../domain/lint/types';
import { useLintSuppressions } from '../session/lint-suppressions-store';
import { useMfaTrustedIps } from '../session/mfa-trusted-ips';
import { useTenantSession } from '../session/tenant-session';
import { whenIdle } from '../shared/idle';
import { tenantLintQuery, type LintSources } from './lint-queries';
import { namedLocationsQuery, policiesQuery, useNames } from './queries';
import { useEmergencyFacts } from './use-emergency-facts';

/**
 * When a screen's lint may read: `list` screens (the policies list, the Lint page) read what they
 * show anyway; a `page` (one policy, the editor) reads the list only once its own read is done
 * (`ready`) and never refreshes it on opening, so the lint's reads never queue before the page's
 * own under Conditional Access's pacer.
 */
export type LintReads = { mode: 'list' } | { mode: 'page'; ready: boolean };

/**
 * True once `ready` has been true and the browser has had an idle moment since: a page's own
 * work (the editor's first paint, its JSON) goes before the lint's reads and their parsing.
 */
function useIdleAfter(ready: boolean): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!ready || idle) return;
    return whenIdle(() => setIdle(true), { timeout: 2000, fallbackMs: 200 });
  }, [ready, idle]);
  return idle;
}

/** The sources of the lint, once each has answered (or failed, which the lint reads as not known). */
export function useLintSources(reads: LintReads = { mode: 'list' }): { sources: LintSources | null; error: Error | null; retry(): void } {
  const tenant = useTenantSession();
  const tenantId = tenant.account.tenantId;
  const page = reads.mode === 'page';
  const idle = useIdleAfter(page && reads.ready);
  const policies = useQuery({ ...policiesQuery(tenant), ...(page && { enabled: idle, refetchOnMount: false }) });
  const names = useNames(tenant, policies.data);
  // The names' lookup reads the named locations the policies use; only when it did not (none named,
  // or the lookup failed) are they read apart, after the names, so as not to spend the pacer's budget first.
  const locationsApart = !names.isPending && !names.data?.namedLocations;
  const locations = useQuery({ ...namedLocationsQuery(tenant), enabled: locationsApart, ...(page && { refetchOnMount: false }) });
  const [mfaTrustedIps] = useMfaTrustedIps(tenantId);
  const { emergency, memberships, pending } = useEmergencyFacts(tenant);
  const settled = !!policies.data && !names.isPending && (!locationsApart || !locations.isPending) && !pending;
  const sources = useMemo<LintSources | null>(
    () =>
      settled
        ? {
            policies: policies.data!,
            names: names.data,
            namedLocations: names.data?.namedLocations ?? locations.data,
            emergency,
            memberships,
            mfaTrustedIps,
          }
        : null,
    [settled, policies.data, names.data, locations.data, emergency, memberships, mfaTrustedIps],
  );
  return { sources, error: policies.error, retry: () => void policies.refetch() };
}

export interface TenantLint {
  /** Every finding, suppressed ones marked; undefined while the lint runs the first time. */
  findings: LintFinding[] | undefined;
  /** The policies could not be read: there is nothing to lint. */
  error: Error | null;
  retry(): void;
}

export function useTenantLint(reads?: LintReads): TenantLint {
  const tenant = useTenantSession();
  const { sources, error, retry } = useLintSources(reads);
  const lint = useQuery(tenantLintQuery(tenant, sources));
  const [suppressions] = useLintSuppressions(tenant.account.tenantId);
  const findings = useMemo(() => lint.data && applySuppressions(lint.data, suppressions), [lint.data, suppressions]);
  return {
    findings,
    error: error ?? lint.error,
    // The policies could not be read: read them again; else the lint failed: run it again.
    retry: () => (error ? retry() : void lint.refetch()),
  };
}
