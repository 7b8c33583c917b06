// Restoring a deleted policy as an admin asks for it: first the named locations it needs that are
// themselves deleted, then the policy, then (if asked) report-only, so it does not enforce anything
// before it has been looked at. Each step is safe to repeat (restore-deleted.ts).
import { REPORT_ONLY, type ConditionalAccessPolicy, type DeletedNamedLocation } from '../domain/types';
import type { OperationContext } from './ports';
import { restoreNamedLocationSafely, restorePolicySafely, setPolicyStateSafely } from './restore-deleted';

export interface RestoreRequest {
  id: string;
  reportOnly: boolean;
  /** Deleted named locations the policy refers to, restored before it. */
  locationsFirst?: DeletedNamedLocation[];
  /** What is being done now, in words. */
  onProgress?: (step: string) => void;
}

export type RestoreOutcome =
  | { kind: 'restored'; policy: ConditionalAccessPolicy }
  /** Restored, but setting report-only failed: the policy is back in the state it was deleted in. */
  | { kind: 'stateNotSet'; policy: ConditionalAccessPolicy; error: unknown };

/** A named location could not be restored: the policy was left in deleted items. */
export class LocationNotRestored extends Error {
  constructor(
    readonly location: DeletedNamedLocation,
    readonly reason: unknown,
  ) {
    super(`The named location “${location.displayName}” could not be restored.`);
  }
}

export async function restorePolicy(context: OperationContext, request: RestoreRequest): Promise<RestoreOutcome> {
  const progress = request.onProgress ?? (() => {});
  for (const location of request.locationsFirst ?? []) {
    progress(`Restoring named location “${location.displayName}”…`);
    try {
      await restoreNamedLocationSafely(context.client, location.id);
    } catch (error) {
      throw new LocationNotRestored(location, error);
    }
  }
  progress('Restoring the policy…');
  const restored = await restorePolicySafely(context.client, request.id);
  if (!request.reportOnly || restored.state === REPORT_ONLY) return { kind: 'restored', policy: restored };
  progress('Setting it to report-only…');
  try {
    return { kind: 'restored', policy: await setPolicyStateSafely(context.client, restored.id!, REPORT_ONLY) };
  } catch (error) {
    return { kind: 'stateNotSet', policy: restored, error };
  }
}
