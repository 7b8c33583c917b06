// The lint of the draft as it is typed: the catalogue over this one policy with the tenant's other
// sources (names, locations, emergency accounts), in the lint's worker a moment after typing stops,
// placed on the text as it is now. Until the first answer, and between answers, the last one stays;
// a run that fails drops it: its marks were of an earlier text, and the checks then say the lint could not run.
// It starts only once the editor has painted: on a cold open the lint's worker (its own download
// and start) would otherwise compete with Monaco for the network and the main thread.
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { applySuppressions } from '../../domain/lint/suppressions';
import type { JsonObject } from '../../domain/json';
import type { LintFinding, LintInput } from '../../domain/lint/types';
import { draftLintInput, lintDraft } from '../../policy-ui/lint-draft';
import { useLintSources } from '../../policy-ui/use-tenant-lint';
import { useLintSuppressions } from '../../session/lint-suppressions-store';
import { useTenantSession } from '../../session/tenant-session';
import type { EditorMarker } from '../../shared/monaco';
import { lintMarkers } from './lint-markers';
import type { DraftState } from './use-draft';

const NONE: EditorMarker[] = [];
const QUIET_MS = 250;

/**
 * - `checking`: no answer yet (the editor has not painted, the sources are being read, or the lint runs
 *   for the first time), so nothing may be claimed of it. Later runs keep the last answer, not this:
 *   every pause in typing would otherwise flip the checks' words.
 * - `failed`: the lint could not run (the tenant's policies could not be read, or its newest run
 *   failed): no marks, not even an earlier run's, which would pass for this text's.
 * - `done`: it answered (its marks are `markers`), or the JSON does not parse: nothing to lint, and the panel says why.
 */
export type LintProgress = 'checking' | 'failed' | 'done';

export function useLintMarkers(draft: DraftState, editorShown: boolean): { markers: EditorMarker[]; progress: LintProgress } {
  const tenant = useTenantSession();
  const { sources, error } = useLintSources({ mode: 'page', ready: editorShown && !!draft.policy });
  const [suppressions] = useLintSuppressions(tenant.account.tenantId);
  const policy: JsonObject | null = useDeferredValue(draft.policy);
  const input = useMemo<LintInput | null>(
    () => (editorShown && sources && policy ? draftLintInput(sources, policy, new Date()) : null),
    [editorShown, sources, policy],
  );
  // Null until the first answer, and after a run that failed.
  const [answer, setAnswer] = useState<LintFinding[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!input) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      // A new run: until it answers the checks say so, not that an earlier run could not run.
      setFailed(false);
      lintDraft(input, controller.signal).then(
        (findings) => {
          setAnswer(findings);
          setFailed(false);
        },
        () => {
          // Aborted by the next change: its answer is waited for. Failed: the editor's own checks still stand,
          // and the earlier answer goes (its marks, placed on the text as it is now, would pass for this text's).
          if (controller.signal.aborted) return;
          setAnswer(null);
          setFailed(true);
        },
      );
    }, QUIET_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [input]);
  const findings = useMemo(() => applySuppressions(answer ?? [], suppressions), [answer, suppressions]);
  const markers = useMemo(
    () => (findings.length ? lintMarkers(findings, draft.findings, draft.text) : NONE),
    [findings, draft.findings, draft.text],
  );
  const progress: LintProgress = answer || !draft.policy ? 'done' : failed || (error && !sources) ? 'failed' : 'checking';
  return { markers, progress };
}
