// Saving a draft without hurting anyone: read the policy again first; if it changed since the draft
// began, stop and hand back both versions, unless the tenant already holds exactly the draft (the
// admin's own earlier save whose answer was lost); otherwise PATCH only what changed (whole
// collections), keeping the version it replaces in the local history first, then read the policy
// back, so what is shown is what the tenant now holds.
import { WRITE_SCOPES } from '../auth/scopes';
import { getPolicy, updatePolicy } from '../graph/policies';
import { buildPatch, type JsonObject } from '../domain/policy-body';
import type { ConditionalAccessPolicy } from '../domain/types';
import { applied, notApplied, outcomeUnknown, writeSafely } from './lost-answer';
import { keepOnceBefore, type OperationContext } from './ports';
import { policyJson } from '../domain/json';

export type SaveOutcome =
  | {
      kind: 'saved';
      policy: ConditionalAccessPolicy;
      /** Saved, but the version it replaced could not be kept in this device's history: in words, to show as a warning. */
      versionNotKept?: string;
      /**
       * Found already saved (an earlier save whose answer was lost): nothing was sent now, and the version that save
       * replaced was not kept by this call, so a warning said of that save still holds.
       */
      foundAlreadySaved?: true;
    }
  | { kind: 'unchanged' }
  | { kind: 'conflict'; current: ConditionalAccessPolicy };

const versionNotKept = (error: unknown) =>
  'Saved, but the version it replaced could not be kept in the history on this device' +
  `${error instanceof Error && error.message ? ` (${error.message})` : ''}: it cannot be restored from here.`;

const mayBeSavedNotKept = (error: unknown) =>
  'May have been saved (its answer was lost), but the version it would replace could not be kept in the history on this device' +
  `${error instanceof Error && error.message ? ` (${error.message})` : ''}: if it was saved, that version cannot be restored from here.`;

const holds = (tenant: JsonObject, draft: JsonObject) => Object.keys(buildPatch(tenant, draft)).length === 0;

export async function savePolicy(
  context: OperationContext,
  id: string,
  draft: JsonObject,
  baseModified: string | null,
  options: {
    /**
     * Told, in words, when neither the answer nor a look came back (the save may be in the tenant) and the version it
     * would replace could not be kept: the error thrown next cannot say it.
     */
    onVersionNotKept?: (words: string) => void;
  } = {},
): Promise<SaveOutcome> {
  const { client } = context;
  const current = policyJson(await getPolicy(client, id));
  const changedSinceDraft = (current.modifiedDateTime ?? null) !== baseModified;
  if (holds(current, draft))
    return changedSinceDraft
      ? { kind: 'saved', policy: current as ConditionalAccessPolicy, foundAlreadySaved: true }
      : { kind: 'unchanged' };
  if (changedSinceDraft) return { kind: 'conflict', current: current as ConditionalAccessPolicy };

  // The version replaced is kept before the PATCH is sent (once: a resume after a lost answer finds it kept), so a
  // save whose answer is lost, or a page reloaded while it is sent, keeps it all the same; found already saved then,
  // nothing is kept twice. A store that refuses does not stop the save: it is said beside it.
  const kept = await keepOnceBefore(context, id, 'before save', current).then(
    (version) => ({ version, error: null }),
    (error: unknown) => ({ version: null, error }),
  );
  // Answered, or looked for after a lost answer: the save may be in the tenant, and the version stays kept.
  let mayBeSaved = false;
  let lookFailed = false;
  const save = writeSafely<SaveOutcome>(client, {
    write: async () => {
      await updatePolicy(client, id, buildPatch(current, draft), WRITE_SCOPES);
      mayBeSaved = true;
      return { kind: 'saved', policy: await getPolicy(client, id) };
    },
    look: async () => {
      mayBeSaved = true;
      try {
        const now = policyJson(await getPolicy(client, id));
        if (holds(now, draft)) return applied({ kind: 'saved', policy: now as ConditionalAccessPolicy });
        // Neither the draft nor the version it was based on: someone else wrote in between.
        if ((now.modifiedDateTime ?? null) !== (current.modifiedDateTime ?? null))
          return applied({ kind: 'conflict', current: now as ConditionalAccessPolicy });
        return notApplied;
      } catch (error) {
        lookFailed = true;
        throw error;
      }
    },
  });
  const outcome = await save.catch(async (error: unknown) => {
    // Neither the answer nor a look came back: the save may be in the tenant, over a version not kept. Said with the failure.
    if (lookFailed) {
      if (kept.error !== null) options.onVersionNotKept?.(mayBeSavedNotKept(kept.error));
    } else if (!mayBeSaved && !outcomeUnknown(error) && kept.version) {
      // Refused (or never sent): nothing was replaced, so the history does not say a save happened.
      await context.versions.forget(kept.version).catch(() => {});
    }
    throw error;
  });
  if (outcome.kind !== 'saved' || kept.error === null) return outcome;
  return { ...outcome, versionNotKept: versionNotKept(kept.error) };
}

export { rebaseDraft } from '../domain/rebase';
