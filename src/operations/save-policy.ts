// Saving a draft without hurting anyone: read the policy again first; if it changed since the draft
// began, stop and hand back both versions, unless the tenant already holds exactly the draft (the
// admin's own earlier save whose answer was lost); otherwise PATCH only what changed (whole
// collections), then read the policy back, so what is shown is what the tenant now holds, and keep
// the version it replaced in the local history.
import { WRITE_SCOPES } from '../auth/scopes';
import { getPolicy, updatePolicy } from '../graph/policies';
import { buildPatch, type JsonObject } from '../domain/policy-body';
import type { ConditionalAccessPolicy } from '../domain/types';
import { applied, notApplied, writeSafely } from './lost-answer';
import { keepVersion, type OperationContext } from './ports';
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

  let lookFailed = false;
  const save = writeSafely<SaveOutcome>(client, {
    write: async () => {
      await updatePolicy(client, id, buildPatch(current, draft), WRITE_SCOPES);
      return { kind: 'saved', policy: await getPolicy(client, id) };
    },
    look: async () => {
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
    // Neither the answer nor a look came back: the save may be in the tenant, and a later attempt that
    // finds it there cannot know what it replaced. So the version is kept now.
    if (lookFailed)
      await keepOnce(context, id, current).catch((notKept: unknown) => options.onVersionNotKept?.(mayBeSavedNotKept(notKept)));
    throw error;
  });
  // The version replaced is kept once it really was replaced: a refused save leaves no trace. The save is
  // in the tenant by now: a store that refuses is said beside it, never as a failed save.
  if (outcome.kind !== 'saved') return outcome;
  const notKept = await keepOnce(context, id, current).then(
    () => null,
    (error: unknown) => error,
  );
  return notKept === null ? outcome : { ...outcome, versionNotKept: versionNotKept(notKept) };
}

/** Keeps the version a save replaces, unless the newest one kept of the policy is already it (an earlier attempt kept it). */
async function keepOnce(context: OperationContext, id: string, replaced: JsonObject) {
  const [newest] = await context.versions.list(context.scope, id);
  if (newest?.reason === 'before save' && newest.json === JSON.stringify(replaced)) return;
  await keepVersion(context, id, 'before save', replaced);
}

export { rebaseDraft } from '../domain/rebase';
