// Bringing deleted items back, and deleting, so that a lost answer neither misleads nor repeats:
// after a failure that does not say what happened (or a 404 to a restore the browser resent), the
// tenant is read — is the policy back, is it still in deleted items — and the action the admin
// chose is finished from there. Every result is the object as read back from the tenant.
import { WRITE_SCOPES } from '../auth/scopes';
import type { GraphClient } from '../graph/client';
import {
  getDeletedNamedLocation,
  getDeletedPolicy,
  purgeDeletedNamedLocation,
  purgeDeletedPolicy,
  restoreDeletedNamedLocation,
  restoreDeletedPolicy,
} from '../graph/deleted-items';
import { getNamedLocation, type NamedLocation } from '../graph/named-locations';
import { deletePolicy, getPolicy, updatePolicy } from '../graph/policies';
import type { ConditionalAccessPolicy } from '../domain/types';
import { applied, isNotFound, notApplied, writeSafely } from './lost-answer';
import { settle, SETTLE_SECONDS } from './settle';

/** The object, or null when Graph says it is not there. */
const orNull = <T>(read: Promise<T>): Promise<T | null> =>
  read.catch((error: unknown) => (isNotFound(error) ? null : Promise.reject(error)));

/**
 * A restore, then the object read back; after a lost answer (or a 404 to a resent restore), found back counts as done.
 * `onRestored` is told as soon as the tenant has it back, before the read-back: a journal that keeps it can say so
 * truthfully even when the page goes away in between.
 */
function restoreThenRead<T>(
  client: GraphClient,
  restore: () => Promise<unknown>,
  readBack: () => Promise<T>,
  onRestored?: () => void,
): Promise<T> {
  return writeSafely(client, {
    write: async () => {
      const answer = await restore();
      onRestored?.();
      return readAfterRestore(client, readBack, answer);
    },
    look: async () => {
      const back = await orNull(readBack());
      if (back) onRestored?.();
      return back ? applied(back) : notApplied;
    },
    alsoLookAfter: isNotFound,
  });
}

/**
 * Graph answered the restore: the object is back, even if a read does not show it yet. Read again after
 * each wait; still not shown, the restore's own answer is the object (a caller goes on from its id, e.g.
 * to set report-only), never "Not found".
 */
async function readAfterRestore<T>(client: GraphClient, readBack: () => Promise<T>, answer: unknown): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await readBack();
    } catch (error) {
      if (!isNotFound(error)) throw error;
      if (attempt < SETTLE_SECONDS.length) await settle(client, attempt);
      else if (typeof answer === 'object' && answer !== null && 'id' in answer) return answer as T;
      else throw error;
    }
  }
}

/** A deletion; after a lost answer (or a 404 to a resent one), the object no longer found counts as done. */
function removeUntilGone(client: GraphClient, remove: () => Promise<void>, read: () => Promise<unknown>): Promise<void> {
  return writeSafely(client, {
    write: remove,
    look: async () => ((await orNull(read())) ? notApplied : applied(undefined)),
    alsoLookAfter: isNotFound,
  });
}

export const restorePolicySafely = (client: GraphClient, id: string, onRestored?: () => void): Promise<ConditionalAccessPolicy> =>
  restoreThenRead(
    client,
    () => restoreDeletedPolicy(client, id, WRITE_SCOPES),
    () => getPolicy(client, id),
    onRestored,
  );

export const restoreNamedLocationSafely = (client: GraphClient, id: string, onRestored?: () => void): Promise<NamedLocation> =>
  restoreThenRead(
    client,
    () => restoreDeletedNamedLocation(client, id, WRITE_SCOPES),
    () => getNamedLocation(client, id),
    onRestored,
  );

/** Sets a policy's state (e.g. report-only after a restore) and reads it back. */
export function setPolicyStateSafely(
  client: GraphClient,
  id: string,
  state: NonNullable<ConditionalAccessPolicy['state']>,
): Promise<ConditionalAccessPolicy> {
  return writeSafely(client, {
    write: async () => {
      await updatePolicy(client, id, { state }, WRITE_SCOPES);
      return getPolicy(client, id);
    },
    look: async () => {
      const now = await getPolicy(client, id);
      return now.state === state ? applied(now) : notApplied;
    },
  });
}

/**
 * Deletes a policy (to deleted items). `onLook` is told when a lost answer (or a 404 to a resent delete) has it look in
 * the tenant: the delete may have happened though no answer said so.
 */
export const deletePolicySafely = (client: GraphClient, id: string, onLook?: () => void): Promise<void> =>
  removeUntilGone(
    client,
    () => deletePolicy(client, id, WRITE_SCOPES),
    () => {
      onLook?.();
      return getPolicy(client, id);
    },
  );

/** Deletes a deleted policy for good. */
export const purgePolicySafely = (client: GraphClient, id: string): Promise<void> =>
  removeUntilGone(
    client,
    () => purgeDeletedPolicy(client, id, WRITE_SCOPES),
    () => getDeletedPolicy(client, id),
  );

export const purgeNamedLocationSafely = (client: GraphClient, id: string): Promise<void> =>
  removeUntilGone(
    client,
    () => purgeDeletedNamedLocation(client, id, WRITE_SCOPES),
    () => getDeletedNamedLocation(client, id),
  );
