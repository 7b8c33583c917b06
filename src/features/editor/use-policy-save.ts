// Saving an edited policy and what its outcome leaves on the page: the review's step (saving, a conflict with both
// versions, a failure), the error shown until the draft changes, the warning of a save whose answer was lost over
// a version this device could not keep, and a numbered Graph error on the JSON it concerns. A save that succeeds
// clears the draft and goes to the policy's page, saying there what could not be kept.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeChanges } from '../../domain/describe-changes';
import { isJsonObject, policyJson } from '../../domain/json';
import { applyPatch, buildPatch, comparableText, type JsonObject } from '../../domain/policy-body';
import type { NameDirectory } from '../../domain/references';
import { describeError, errorPath } from '../../graph/describe-error';
import { draftStore } from '../../policy-ui/draft-store';
import { useSavePolicy } from '../../policy-ui/writes';
import { useTenantSession } from '../../session/tenant-session';
import { paths } from '../../shared/routes/paths';
import type { GraphFinding } from './policy-workbench';
import type { LostSaveNow } from './review-conflict';
import type { ReviewStep } from './review-dialog';
import type { SaveFailure } from './save-failed';
import type { DraftState } from './use-draft';

/**
 * A save whose answer was lost over a version not kept: what it said, the draft it sent and the version that draft began
 * from, and whether it is known to have landed.
 */
interface LostSave {
  words: string;
  sent: JsonObject;
  base: JsonObject;
  landed: boolean;
}

const holds = (tenant: JsonObject, draft: JsonObject) => Object.keys(buildPatch(tenant, draft)).length === 0;

/** Each value a patch sets, as a patch of its own. */
const leaves = (patch: JsonObject): JsonObject[] =>
  Object.entries(patch).flatMap(([key, value]) =>
    isJsonObject(value) && Object.keys(value).length > 0 ? leaves(value).map((leaf) => ({ [key]: leaf })) : [{ [key]: value }],
  );

/**
 * How much of a lost save the tenant holds now. Only the values it changed are compared: someone writing other fields
 * after it landed does not hide it, and a PATCH lands whole, so any of its values still there means it landed.
 */
function lostSaveNow(lost: LostSave, tenant: JsonObject): LostSaveNow | undefined {
  if (holds(tenant, lost.sent)) return 'only';
  const changes = leaves(buildPatch(lost.base, lost.sent));
  if (changes.length === 0) return undefined;
  // Held when the tenant with the change made again has nothing the tenant lacks (a value cleared may read back unset).
  const held = changes.filter((change) => holds(applyPatch(tenant, change), tenant)).length;
  return held === changes.length ? 'there' : held > 0 ? 'partly' : 'gone';
}

export function usePolicySave({
  id,
  draft,
  names,
  onSaved,
}: {
  id: string;
  draft: DraftState;
  names: NameDirectory | undefined;
  /** Saved: the page lets go of its question on leaving before it goes to the policy's page. */
  onSaved(): void;
}) {
  const tenant = useTenantSession();
  const navigate = useNavigate();
  const savePolicy = useSavePolicy();
  const [step, setStep] = useState<ReviewStep>({ kind: 'review' });
  // A failed save's error (and the version it may have replaced, not kept), with the text it concerns: it stays on
  // the page until the draft changes, a new review opens or the admin signs in again.
  const [saveError, setSaveError] = useState<(SaveFailure & { text: string }) | null>(null);
  if (saveError && saveError.text !== draft.text) setSaveError(null);
  // A save whose answer was lost may be in the tenant over a version this device could not keep: said until a
  // save succeeds (typing does not make it less true), and then on the saved message if it is known to have landed.
  const [lost, setLost] = useState<LostSave | null>(null);
  // A numbered Graph error, shown on the JSON it concerns until the text changes again.
  const [graphFinding, setGraphFinding] = useState<GraphFinding | null>(null);

  const save = async () => {
    if (!draft.policy) return;
    setStep({ kind: 'saving' });
    // Said before a save that fails with its answer lost: it may be in the tenant over a version not kept here.
    let versionNotKept: string | undefined;
    try {
      const outcome = await savePolicy.mutateAsync({
        id,
        draft: draft.policy,
        baseModified: draft.baseModified,
        onVersionNotKept: (words) => (versionNotKept = words),
      });
      if (outcome.kind === 'conflict') {
        const theirs = policyJson(outcome.current);
        // The tenant holds some of what the lost save changed: it landed, over a version kept nowhere, whatever is saved next.
        const lostSave = lost ? lostSaveNow(lost, theirs) : undefined;
        const landed = lostSave === 'only' || lostSave === 'there' || lostSave === 'partly';
        setLost((lost) => (lost && !lost.landed && landed ? { ...lost, landed: true } : lost));
        setStep({
          kind: 'conflict',
          lostSave,
          current: outcome.current,
          theirChanges: describeChanges(draft.base, theirs, names),
          base: comparableText(draft.base),
          theirs: comparableText(theirs),
          mine: comparableText(draft.policy),
        });
        return;
      }
      draftStore.clear(tenant.account.key, id);
      setSaveError(null);
      onSaved();
      // Saved, but the version it replaced (or the one an earlier lost save did replace) could not be kept on this
      // device: said on the policy's page. The lost save landed if this save found it already applied, or a conflict
      // on the way showed the tenant holding it; a save sent now without either means it never did: only its own words hold.
      const landed = lost && outcome.kind === 'saved' && (outcome.foundAlreadySaved || lost.landed);
      const earlier = landed && `Earlier attempt: ${lost.words}`;
      const warning = outcome.kind === 'saved' ? [outcome.versionNotKept, earlier].filter(Boolean).join(' ') : undefined;
      navigate(paths.policy(id), { state: { saved: outcome.kind === 'saved', ...(warning && { warning }) } });
    } catch (error) {
      const failure = { error: describeError(error, 'save the policy'), ...(versionNotKept && { versionNotKept }) };
      setSaveError({ ...failure, text: draft.text });
      // A lost save known to have landed stays said: the version it replaced is kept nowhere, whatever this one did.
      const words = versionNotKept;
      const sent = draft.policy;
      const base = draft.base;
      if (words) setLost((lost) => (lost?.landed ? lost : { words, sent, base, landed: false }));
      const located = errorPath(error);
      setGraphFinding(located ? { ...located, text: draft.text } : null);
      setStep({ kind: 'failed', ...failure });
    }
  };

  return {
    step,
    setStep,
    saveError,
    /** A new review opens, or the admin signs in again: the failure it showed is no longer the page's to show. */
    forgetSaveError: () => setSaveError(null),
    lostVersion: lost?.words ?? null,
    graphFinding,
    save,
  };
}
