// Bringing deleted items back, and deleting, so that a lost answer neither misleads nor repeats:
// after a failure that does not say what happened (or a 404 to a restore the browser resent), the
// tenant is read — is the policy back, is it still in deleted items — and the action the admin
// chose is finished from there. Every result is the object as read back from the tenant.
import { WRITE_SCOPES } from '../auth/scopes';
import type { GraphClient } from '../graph/client';
import { getDeletedNamedLocation, getDeletedPolicy, purgeDeletedNamedLocation, purgeDeletedPolicy, restoreDeletedNamedLocation, restoreDeletedPolicy } from '../graph/deleted-items';
import { getNamedLocation, type NamedLocation } from '../graph/named-locations';
import { deletePolicy, getPolicy, updatePolicy } from '../graph/policies';
import type { ConditionalAccessPolicy } from '../domain/types';
import { applied, isNotFound, notApplied, writeSafely } from './lost-answer';

/** The object, or null when Graph says it is not there. */
const orNull = <T>(read: Promise<T>): Promise<T | null> => read.catch((error: unknown) => (isNotFound(error) ? null : Promise.reject(error)));

export function restorePolicySafely(client: GraphClient, id: string): Promise<ConditionalAccessPolicy> {
  return writeSafely(client, {
    write: async () => {
      await restoreDeletedPolicy(client, id, WRITE_SCOPES);
      return getPolicy(client, id);
    },
    look: async () => {
      const back = await orNull(getPolicy(client, id));
      return back ? applied(back) : notApplied;
    },
    alsoLookAfter: isNotFound,
  });
}

export function restoreNamedLocationSafely(client: GraphClient, id: string): Promise<NamedLocation> {
  return writeSafely(client, {
    write: async () => {
      await restoreDeletedNamedLocation(client, id, WRITE_SCOPES);
      return getNamedLocation(client, id);
    },
    look: async () => {
      const back = await orNull(getNamedLocation(client, id));
      return back ? applied(back) : notApplied;
    },
    alsoLookAfter: isNotFound,
  });
}

/** Sets a policy's state (e.g. report-only after a restore) and reads it back. */
export function setPolicyStateSafely(client: GraphClient, id: string, state: NonNullable<ConditionalAccessPolicy['state']>): Promise<ConditionalAccessPolicy> {
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

/** Deletes a policy (to deleted items); one that is already gone counts as deleted. */
export function deletePolicySafely(client: GraphClient, id: string): Promise<void> {
  return writeSafely(client, {
    write: () => deletePolicy(client, id, WRITE_SCOPES),
    look: async () => ((await orNull(getPolicy(client, id))) ? notApplied : applied(undefined)),
    alsoLookAfter: isNotFound,
  });
}

/** Deletes a deleted policy for good; one already purged counts as done. */
export function purgePolicySafely(client: GraphClient, id: string): Promise<void> {
  return writeSafely(client, {
    write: () => purgeDeletedPolicy(client, id, WRITE_SCOPES),
    look: async () => ((await orNull(getDeletedPolicy(client, id))) ? notApplied : applied(undefined)),
    alsoLookAfter: isNotFound,
  });
}

export function purgeNamedLocationSafely(client: GraphClient, id: string): Promise<void> {
  return writeSafely(client, {
    write: () => purgeDeletedNamedLocation(client, id, WRITE_SCOPES),
    look: async () => ((await orNull(getDeletedNamedLocation(client, id))) ? notApplied : applied(undefined)),
    alsoLookAfter: isNotFound,
  });
}
