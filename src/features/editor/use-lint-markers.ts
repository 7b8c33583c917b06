// The lint of the draft as it is typed: the catalogue over this one policy with the tenant's other
// sources (names, locations, emergency accounts), in a render React may interrupt, placed on the
// text as it is now.
import { useDeferredValue, useMemo } from 'react';
import { applySuppressions } from '../../domain/lint/suppressions';
import type { JsonObject } from '../../domain/json';
import { lintPolicy } from '../../policy-ui/lint-draft';
import { useLintSources } from '../../policy-ui/use-tenant-lint';
import { useLintSuppressions } from '../../session/lint-suppressions-store';
import { useTenantSession } from '../../session/tenant-session';
import type { EditorMarker } from '../../shared/monaco';
import { lintMarkers } from './lint-markers';
import type { DraftState } from './use-draft';

const NONE: EditorMarker[] = [];

export function useLintMarkers(draft: DraftState): EditorMarker[] {
  const tenant = useTenantSession();
  const { sources } = useLintSources({ mode: 'page', ready: !!draft.policy });
  const [suppressions] = useLintSuppressions(tenant.account.tenantId);
  const policy: JsonObject | null = useDeferredValue(draft.policy);
  const findings = useMemo(
    () => (sources && policy ? applySuppressions(lintPolicy(sources, policy, new Date()), suppressions) : []),
    [sources, policy, suppressions],
  );
  return useMemo(
    () => (findings.length ? lintMarkers(findings, draft.findings, draft.text) : NONE),
    [findings, draft.findings, draft.text],
  );
}
