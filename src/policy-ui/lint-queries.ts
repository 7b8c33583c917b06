// The lint of the tenant as the console runs it: the LintInput assembled from what the screens
// already read (the policies, their names, the named locations, the emergency accounts of Settings
// and what they belong to, the legacy MFA trusted IPs), and the query that runs the catalogue once
// per change of any of them, shared by the policies page, each policy's page, the editor and the
// Lint page (keys: src/session/query-keys.ts).
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { isJsonObject, policyJson, type JsonObject } from '../domain/json';
import { referencesFromNames } from '../domain/lint/names-as-references';
import type { LintInput } from '../domain/lint/types';
import type { EmergencyAccess, Memberships } from '../domain/lockout';
import type { NameDirectory, NameKind } from '../domain/references';
import type { ConditionalAccessPolicy } from '../domain/types';
import { queryKeys } from '../session/query-keys';
import { whenIdle } from '../shared/idle';
import { lintOffThread } from './lint-off-thread';
import type { TenantSession } from '../session/tenant-session';

export interface LintSources {
  policies: readonly ConditionalAccessPolicy[];
  /** Undefined when the names could not be read: the reference rules then stay silent. */
  names: NameDirectory | undefined;
  namedLocations: readonly object[] | undefined;
  emergency: EmergencyAccess;
  memberships: Memberships | undefined;
  /** As Settings holds them: null when not said. */
  mfaTrustedIps: readonly string[] | null;
}

// What resolveNames calls each lookup when it fails (src/graph/names.ts).
const LOOKUP_LABELS: Partial<Record<NameKind, string>> = {
  authenticationStrength: 'authentication strengths',
  authenticationContext: 'authentication contexts',
  termsOfUse: 'terms of use',
};

/**
 * The objects of one kind the names say exist; undefined when their lookup failed, so a strength
 * nobody could read is not reported as gone.
 */
function existing(names: NameDirectory | undefined, kind: NameKind): JsonObject[] | undefined {
  if (!names || names.failures.some((f) => f.what === LOOKUP_LABELS[kind])) return undefined;
  return [...names.names.values()].filter((n) => n.kind === kind && !n.missing).map((n) => ({ id: n.id, displayName: n.displayName }));
}

/** The catalogue's input; with `only`, the directory objects among these ids alone (a draft's, in the editor). */
export function lintInputOf(sources: LintSources, now: Date, only?: ReadonlySet<string>): LintInput {
  const { names } = sources;
  const wanted = (appId: string) => !only || only.has(appId.toLowerCase());
  return {
    policies: sources.policies.map(policyJson),
    ...(sources.namedLocations && { namedLocations: sources.namedLocations.filter(isJsonObject) }),
    authenticationStrengths: existing(names, 'authenticationStrength'),
    authenticationContexts: existing(names, 'authenticationContext'),
    termsOfUse: existing(names, 'termsOfUse'),
    ...(names && {
      references: [
        ...referencesFromNames(names, only),
        ...(names.applicationsWithoutServicePrincipal ?? []).filter(wanted).map((appId) => ({
          kind: 'application' as const,
          id: appId,
          displayName: null,
          exists: false,
        })),
      ],
    }),
    emergency: sources.emergency,
    ...(sources.memberships && { memberships: sources.memberships }),
    ...(sources.mfaTrustedIps && { mfaTrustedIps: sources.mfaTrustedIps }),
    now,
  };
}

// Each object a source holds gets a number, so that the key changes exactly when a source does
// (queries keep an unchanged answer's object; the device stores keep theirs).
const numbers = new WeakMap<object, number>();
let next = 0;
const numberOf = (value: object | null | undefined) => {
  if (!value) return '-';
  let n = numbers.get(value);
  if (n === undefined) numbers.set(value, (n = ++next));
  return String(n);
};

export const lintVersion = (s: LintSources) =>
  [s.policies, s.names, s.namedLocations, s.emergency, s.memberships, s.mfaTrustedIps].map(numberOf).join(':');

/** The tenant's findings (suppressions not applied: they change without a new lint). */
export const tenantLintQuery = (tenant: TenantSession, sources: LintSources | null) =>
  queryOptions({
    queryKey: queryKeys.lintOf(tenant, sources ? lintVersion(sources) : 'waiting'),
    // The catalogue runs in a worker once the list is in (the first screen does not load it): over
    // 195 policies it takes tens of milliseconds, which the page's main thread does not pay.
    queryFn: async ({ signal }) => {
      // After the frame that shows what the sources brought (the names): gathering and handing the
      // input to the worker takes the main thread for tens of milliseconds at 195 policies.
      await afterPaint();
      return lintOffThread(lintInputOf(sources!, new Date()), signal);
    },
    enabled: !!sources,
    staleTime: Infinity,
    gcTime: 60_000,
    // A change of a source keeps the last findings shown until the new ones are ready.
    placeholderData: keepPreviousData,
  });

// After the next frame and an idle moment: the input is handed over only when nothing the admin
// sees or types is waiting (at most half a second later).
const afterPaint = () =>
  new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame === 'undefined') return resolve();
    requestAnimationFrame(() => whenIdle(() => resolve(), { timeout: 500 }));
  });
