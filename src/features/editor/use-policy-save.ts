// Saving an edited policy and what its outcome leaves on the page: the review's step (saving, a conflict with both
// versions, a failure), the error shown until the draft changes, the warning of a save whose answer was lost over
// a version this device could not keep, and a numbered Graph error on the JSON it concerns. A save that succeeds
// clears the draft and goes to the policy's page, saying there what could not be kept.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeChanges } from '../../domain/describe-changes';
import { policyJson } from '../../domain/json';
import { comparableText } from '../../domain/policy-body';
import type { NameDirectory } from '../../domain/references';
import { describeError, errorPath } from '../../graph/describe-error';
import { draftStore } from '../../policy-ui/draft-store';
import { useSavePolicy } from '../../policy-ui/writes';
import { useTenantSession } from '../../session/tenant-session';
import { paths } from '../../shared/routes/paths';
import type { GraphFinding } from './policy-workbench';
import type { ReviewStep } from './review-dialog';
import type { SaveFailure } from './save-failed';
import type { DraftState } from './use-draft';

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
  // save succeeds (typing does not make it less true), and then on the saved message.
  const [lostVersion, setLostVersion] = useState<string | null>(null);
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
        setStep({
          kind: 'conflict',
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
      // device: said on the policy's page. A save sent now means the lost one never landed: only its own words hold.
      const earlier = lostVersion && outcome.kind === 'saved' && outcome.foundAlreadySaved && `Earlier attempt: ${lostVersion}`;
      const warning = outcome.kind === 'saved' ? [outcome.versionNotKept, earlier].filter(Boolean).join(' ') : undefined;
      navigate(paths.policy(id), { state: { saved: outcome.kind === 'saved', ...(warning && { warning }) } });
    } catch (error) {
      const failure = { error: describeError(error, 'save the policy'), ...(versionNotKept && { versionNotKept }) };
      setSaveError({ ...failure, text: draft.text });
      if (versionNotKept) setLostVersion(versionNotKept);
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
    lostVersion,
    graphFinding,
    save,
  };
}
