// Creating the new policy from its draft, and what the outcome leaves on the page: the review's step (creating, a
// failure), a numbered Graph error on the JSON it concerns, an attempt whose outcome is unknown (kept on this device, so
// the next one looks for its policy first), and the two outcomes said here rather than on the policy's page: copies made
// by a lost answer resent, and the policy found already created by an earlier attempt.
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { describeError, errorPath } from '../../graph/describe-error';
import type { CreateAttempt } from '../../operations/create-policy';
import { draftStore } from '../../policy-ui/draft-store';
import { useCreatePolicy } from '../../policy-ui/writes';
import { useTenantSession } from '../../session/tenant-session';
import { paths } from '../../shared/routes/paths';
import { createAttempts } from './create-attempts';
import { discardNewDraft } from './new-policy-draft';
import type { GraphFinding } from './policy-workbench';
import type { ReviewStep } from './review-dialog';
import type { DraftState } from './use-draft';

export function usePolicyCreate({
  draft,
  closeReview,
}: {
  draft: DraftState;
  /** The outcome is said on this page, in place of the editor: the review that was open goes. */
  closeReview(): void;
}) {
  const tenant = useTenantSession();
  const navigate = useNavigate();
  const createPolicy = useCreatePolicy();
  const [step, setStep] = useState<ReviewStep>({ kind: 'review' });
  const [graphFinding, setGraphFinding] = useState<GraphFinding | null>(null);
  const [duplicates, setDuplicates] = useState<{ kept: ConditionalAccessPolicy; extra: ConditionalAccessPolicy[] } | null>(null);
  // An attempt whose outcome is unknown (it failed after its POST): what it knew, kept in memory and on
  // this device beside the draft, so the next attempt, here or after a reload, looks for its policy first.
  const [attempt, setAttempt] = useState<CreateAttempt | null>(() => createAttempts.load(tenant.account.key));
  // Another tab on the same draft may have kept one since this page opened (its create lost its answer).
  useEffect(
    () => createAttempts.watch(tenant.account.key, () => setAttempt(createAttempts.load(tenant.account.key))),
    [tenant.account.key],
  );
  const [createdEarlier, setCreatedEarlier] = useState<{ policy: ConditionalAccessPolicy; withChanges: boolean } | null>(null);

  const create = async () => {
    if (!draft.policy) return;
    setStep({ kind: 'saving' });
    try {
      const outcome = await createPolicy.mutateAsync({
        body: draft.policy,
        // Read again now: an attempt kept by another tab counts as this page's own.
        earlier: createAttempts.load(tenant.account.key) ?? attempt,
        onAttempt: (known) => {
          setAttempt(known);
          createAttempts.save(tenant.account.key, known);
        },
        // Graph refused the POST: nothing was made, no attempt's outcome is unknown any more.
        onRefused: () => {
          setAttempt(null);
          createAttempts.clear(tenant.account.key);
        },
      });
      setAttempt(null);
      // Found as an earlier attempt sent it, before the draft's later edits: those edits become the
      // created policy's draft, to review and save there, not a second policy.
      if (outcome.byEarlierAttempt && outcome.differsFromBody)
        draftStore.save(tenant.account.key, outcome.policy.id!, {
          text: JSON.stringify({ ...draft.policy, id: outcome.policy.id }, null, 2),
          baseText: JSON.stringify(outcome.policy),
          baseModified: outcome.policy.modifiedDateTime ?? null,
          updatedAt: new Date().toISOString(),
          origin: 'Your changes made after an earlier attempt created this policy',
        });
      discardNewDraft(tenant.account.key);
      // A duplicate is said here, with its deletion one click away, before moving on.
      if (outcome.duplicates.length > 0) {
        closeReview();
        setDuplicates({ kept: outcome.policy, extra: outcome.duplicates });
      } else if (outcome.byEarlierAttempt) {
        // Nothing was written this time: the earlier attempt had created it. Said, with the policy one click away.
        closeReview();
        setCreatedEarlier({ policy: outcome.policy, withChanges: !!outcome.differsFromBody });
      } else {
        // Graph made it, but the look for a second copy (a lost answer resent) could not be made: said on the policy's page.
        const warning = outcome.duplicatesUnchecked
          ? 'Whether a second copy was made could not be checked (Microsoft Graph did not answer the search): look in the policy list for another policy of this name.'
          : undefined;
        navigate(paths.policy(outcome.policy.id!), { state: { created: true, ...(warning && { warning }) } });
      }
    } catch (error) {
      const located = errorPath(error);
      setGraphFinding(located ? { ...located, text: draft.text } : null);
      setStep({ kind: 'failed', error: describeError(error, 'create the policy') });
    }
  };

  return {
    step,
    setStep,
    graphFinding,
    duplicates,
    createdEarlier,
    attempt,
    /** The draft is discarded: what an attempt to create it knew goes with it. */
    forgetAttempt: () => setAttempt(null),
    create,
  };
}
