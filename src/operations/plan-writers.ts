// How a plan's rows are written to Graph, kind by kind: policies through the create that never
// leaves two (create-policy.ts), named locations, strengths and groups through a create that looks
// in the tenant when its answer is lost, contexts through their idempotent PATCH. An update reads the
// object first: already as planned, nothing is written; changed since the plan read it, it is not
// written over. Each object is read back by id and compared with what was intended.
import { GROUP_CREATE_SCOPES, WRITE_SCOPES } from '../auth/scopes';
import { isJsonObject, policyJson, type JsonObject } from '../domain/json';
import { describeChanges } from '../domain/describe-changes';
import { objectDifferences, writableObject } from '../domain/plan/object-rows';
import { KIND_WORDS } from '../domain/plan/mapping';
import type { PlanRowKind } from '../domain/plan/types';
import { comparableText } from '../domain/policy-body';
import { findAuthenticationContextsByName, getAuthenticationContext, putAuthenticationContext } from '../graph/authentication-contexts';
import {
  createAuthenticationStrength,
  findAuthenticationStrengthsByName,
  getAuthenticationStrength,
  updateAuthenticationStrength,
} from '../graph/authentication-strengths';
import type { GraphClient } from '../graph/client';
import { GraphRequestError } from '../graph/errors';
import { createSecurityGroup, findGroupsByName } from '../graph/groups';
import { createNamedLocation, findNamedLocationsByName, getNamedLocation, updateNamedLocation } from '../graph/named-locations';
import { getPolicy, listPolicies } from '../graph/policies';
import { ChangedSincePlanned, type PlanWriters } from './apply-plan';
import { createPolicySafely } from './create-policy';
import { restoreNamedLocationSafely, restorePolicySafely } from './restore-deleted';
import { keepOnceBefore, type OperationContext } from './ports';
import { savePolicy } from './save-policy';
import { applied, isNotFound, notApplied, outcomeUnknown, writeSafely } from './lost-answer';
import { samePolicyContent } from './same-policy';
import { lookAfterWaits } from './settle';

const QUIET = { hideEmpty: true, sortIds: true } as const;
const nameOf = (body: JsonObject) => (typeof body.displayName === 'string' ? body.displayName : '');
const json = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});
const STRENGTH_FIELDS = ['displayName', 'description', 'allowedCombinations'];
const pick = (body: JsonObject, keys: readonly string[]) => Object.fromEntries(Object.entries(body).filter(([k]) => keys.includes(k)));

type ObjectKind = 'namedLocation' | 'authenticationStrength' | 'authenticationContext';

/** The object of this name whose content is what was sent: the create that was applied though its answer was lost. */
async function findSame(client: GraphClient, kind: PlanRowKind, body: JsonObject): Promise<JsonObject | null> {
  const name = nameOf(body);
  if (kind === 'policy') {
    const same = (await listPolicies(client)).find((p) => p.displayName === name && samePolicyContent(policyJson(p), body));
    return same ? policyJson(same) : null;
  }
  if (kind === 'group') {
    // A group made by the plan carries its description; an older group of the same name does not.
    const groups = await findGroupsByName(client, name);
    const made = groups.find((g) => (g.description ?? null) === (body.description ?? null));
    return made ? json(made) : null;
  }
  const found =
    kind === 'namedLocation'
      ? await findNamedLocationsByName(client, name)
      : kind === 'authenticationStrength'
        ? await findAuthenticationStrengthsByName(client, name)
        : await findAuthenticationContextsByName(client, name);
  const same = found.map(json).find((item) => objectDifferences(kind, body, item).length === 0);
  return same ?? null;
}

export { ChangedSincePlanned };

/**
 * A plan's create of a named location, strength or group whose answer was lost, not found in the tenant after
 * every wait: it may still have been made. Nothing is sent again; applying again looks for it before creating it.
 */
export class ObjectCreateOutcomeUnknown extends Error {
  readonly name = 'ObjectCreateOutcomeUnknown';
  constructor(
    kind: Exclude<PlanRowKind, 'policy'>,
    readonly cause: GraphRequestError,
  ) {
    super(
      `Microsoft Graph's answer to the create was lost (${cause.status === 0 ? 'the connection failed' : `it answered ${cause.status}`}), ` +
        `and the ${KIND_WORDS[kind]} had not appeared in the tenant after waiting. It may still have been created: applying again ` +
        'looks for it first, and creates it only if it is not there.',
    );
  }
}

const UPDATED = 'before a plan updated it';

const why = (error: unknown) => (error instanceof Error && error.message ? ` (${error.message})` : '');
const objectVersionNotKept = (error: unknown) =>
  `Written, but the version it replaced could not be kept in the history on this device${why(error)}: it cannot be restored from here.`;
const mayBeWrittenNotKept = (error: unknown) =>
  'May have been written (its answer was lost), but the version it would replace could not be kept in the history on this device' +
  `${why(error)}: if it was written, that version cannot be restored from here.`;

export function graphPlanWriters(context: OperationContext): PlanWriters {
  const { client } = context;
  // Posted once, as a policy is (create-policy.ts): a lost answer may hide an object made, and a directory read lags
  // behind the write it follows, so it is looked for, then again after each wait (2, 5, 10 s), never posted again.
  const createOnce = async (kind: Exclude<PlanRowKind, 'policy'>, body: JsonObject, write: () => Promise<unknown>) => {
    try {
      return json(await write());
    } catch (error) {
      if (!outcomeUnknown(error)) throw error;
      const [found] = await lookAfterWaits(client, async () => {
        const same = await findSame(client, kind, body).catch((lookFailed: unknown) => {
          // The look got no answer either: what the POST did is still unknown, and said so.
          if (outcomeUnknown(lookFailed)) throw new ObjectCreateOutcomeUnknown(kind, error);
          throw lookFailed;
        });
        return same ? [same] : [];
      });
      if (!found) throw new ObjectCreateOutcomeUnknown(kind, error);
      return found;
    }
  };

  const readObject = (kind: ObjectKind, id: string): Promise<unknown> =>
    kind === 'namedLocation'
      ? getNamedLocation(client, id)
      : kind === 'authenticationStrength'
        ? getAuthenticationStrength(client, id)
        : getAuthenticationContext(client, id);

  return {
    async create(kind, body) {
      switch (kind) {
        case 'policy':
          return policyJson((await createPolicySafely(client, body)).policy);
        case 'namedLocation':
          return createOnce(kind, body, () => createNamedLocation(client, body, WRITE_SCOPES));
        case 'authenticationStrength':
          return createOnce(kind, body, () => createAuthenticationStrength(client, pick(body, STRENGTH_FIELDS), WRITE_SCOPES));
        case 'group':
          return createOnce(kind, body, () =>
            createSecurityGroup(
              client,
              { displayName: nameOf(body), description: typeof body.description === 'string' ? body.description : null },
              GROUP_CREATE_SCOPES,
            ),
          );
        case 'authenticationContext': {
          // Written to its own id, and safe to send again: no look is needed.
          const id = String(body.id);
          await putAuthenticationContext(client, id, body, WRITE_SCOPES);
          return { ...body, id };
        }
      }
    },
    async update(kind, id, body, { intended, baseModified, onVersionNotKept, onWrittenNow }) {
      switch (kind) {
        case 'policy': {
          // The editor's save: a conflict read, the PATCH, the read-back, the replaced version kept.
          // A save whose outcome is unknown and whose replaced version is not kept: said on the row it fails.
          const outcome = await savePolicy(context, id, intended, baseModified, {
            onVersionNotKept: (words) => onVersionNotKept?.(words, true),
          });
          if (outcome.kind === 'conflict')
            throw new ChangedSincePlanned(
              'It was changed in the tenant after the plan was made: plan again to see that change before writing over it.',
            );
          if (outcome.kind !== 'saved') return undefined;
          if (!outcome.foundAlreadySaved) onWrittenNow?.();
          // Written, but the version it replaced is gone from this device: said on the row and in the summary, as the editor says it.
          if (outcome.versionNotKept) onVersionNotKept?.(outcome.versionNotKept);
          return policyJson(outcome.policy);
        }
        case 'namedLocation':
        case 'authenticationStrength':
        case 'authenticationContext': {
          const current = json(await readObject(kind, id));
          // Already as planned (an earlier run of this plan, or someone else): nothing to write.
          if (objectDifferences(kind, writableObject(kind, intended), current).length === 0) return current;
          // Changed in the tenant after the plan read it: not written over (contexts carry no time of change).
          const modified = typeof current.modifiedDateTime === 'string' ? current.modifiedDateTime : null;
          if (baseModified !== null && modified !== null && modified !== baseModified)
            throw new ChangedSincePlanned(
              'It was changed in the tenant after the plan was made: plan again to see that change before writing over it.',
            );
          // The version replaced is kept before the write (once: a resume after a lost answer finds it kept),
          // so a write whose answer is lost, found as planned by a resume, has its previous version all the same.
          // A store that refuses (full, blocked) does not stop the write, which Graph would accept: it is said
          // beside it once written, as a policy update says it.
          const kept = await keepOnceBefore(context, id, UPDATED, current).then(
            (version) => ({ version, error: null }),
            (error: unknown) => ({ version: null, error }),
          );
          const notKept = kept.error;
          // Answered, or looked for after a lost answer: it may be in the tenant, and the version stays kept.
          let mayBeWritten = false;
          let lookFailed = false;
          const written = writeSafely(client, {
            write: async () => {
              if (kind === 'namedLocation') await updateNamedLocation(client, id, body, WRITE_SCOPES);
              else if (kind === 'authenticationStrength')
                await updateAuthenticationStrength(client, id, pick(body, STRENGTH_FIELDS), WRITE_SCOPES);
              else await putAuthenticationContext(client, id, body, WRITE_SCOPES);
              mayBeWritten = true;
            },
            // The answer was lost: found as planned, it was applied (read back after); otherwise it is sent
            // again where the failure passes (the same values twice are harmless).
            look: async () => {
              mayBeWritten = true;
              const now = await readObject(kind, id).catch((error: unknown) => {
                lookFailed = true;
                throw error;
              });
              return objectDifferences(kind, writableObject(kind, intended), json(now)).length === 0 ? applied(undefined) : notApplied;
            },
          });
          await written.catch(async (error: unknown) => {
            // Neither the answer nor a look came back: it may be in the tenant, over a version not kept. Said with the failure.
            if (lookFailed && notKept !== null) onVersionNotKept?.(mayBeWrittenNotKept(notKept), true);
            // Refused (or never sent): nothing was replaced, so the history does not say it was updated.
            if (!mayBeWritten && !outcomeUnknown(error) && kept.version) await context.versions.forget(kept.version).catch(() => {});
            throw error;
          });
          onWrittenNow?.();
          if (notKept !== null) onVersionNotKept?.(objectVersionNotKept(notKept));
          return;
        }
        case 'group':
          throw new Error('A plan never changes a group that exists.');
      }
    },
    async restore(kind, id, onRestored) {
      if (kind !== 'policy' && kind !== 'namedLocation') throw new Error('A plan restores only policies and named locations.');
      try {
        // Told as soon as it is back, before its read-back: the run then says it is back even when what follows fails.
        return kind === 'policy'
          ? policyJson(await restorePolicySafely(client, id, onRestored))
          : json(await restoreNamedLocationSafely(client, id, onRestored));
      } catch (error) {
        // Neither in deleted items nor back in the tenant: deleted for good (or restored and deleted again) since the plan.
        if (isNotFound(error))
          throw new ChangedSincePlanned(
            'It is no longer in deleted items nor in the tenant (deleted for good since the plan was made): plan again.',
          );
        throw error;
      }
    },
    async read(kind, id, intended) {
      const byId = (items: readonly unknown[]) => {
        const found = items.map(json).find((item) => item.id === id);
        if (!found)
          throw new GraphRequestError(404, 'NotFound', `It is not in the tenant after the write (${id}).`, { method: 'GET', path: id });
        return found;
      };
      switch (kind) {
        case 'policy':
          return policyJson(await getPolicy(client, id));
        case 'namedLocation':
          return json(await getNamedLocation(client, id));
        // Found by the name they were written with, then by id: the console reads them no other way.
        case 'authenticationStrength':
          return byId(await findAuthenticationStrengthsByName(client, nameOf(intended)));
        case 'authenticationContext':
          return byId(await findAuthenticationContextsByName(client, nameOf(intended)));
        case 'group':
          return byId(await findGroupsByName(client, nameOf(intended)));
      }
    },
    findCreated: (kind, body) => findSame(client, kind, body),
    compare(kind, intended, actual) {
      if (kind === 'policy') {
        if (samePolicyContent(intended, actual) || comparableText(intended, QUIET) === comparableText(actual, QUIET)) return [];
        return describeChanges(intended, actual, undefined, QUIET).map((c) => c.text);
      }
      if (kind === 'group')
        return nameOf(intended) === nameOf(actual) ? [] : [`name: planned ${nameOf(intended)}, read back ${nameOf(actual)}`];
      return objectDifferences(kind as ObjectKind, writableObject(kind as ObjectKind, intended), actual, ['planned', 'read back']);
    },
  };
}
