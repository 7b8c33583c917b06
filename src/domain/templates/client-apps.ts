// Microsoft's sample templates write "clientAppTypes": [] for "any client app", but Graph refuses an
// empty list on create ("1064: 'clientAppTypes' condition does not support []. If you want to target
// all client apps, use ['All']"). A template's policy is written with ['all'] there, the value Graph
// itself returns for any client app, and the gallery says so.
import { isJsonObject, type JsonObject } from '../json';

/** What the gallery says of a template whose empty list of client apps was replaced. */
export const CLIENT_APPS_NOTE = 'Its empty list of client apps (which Graph refuses) is written as all client apps.';

/** Whether the policy (or a template's details) writes an empty list of client apps. */
export function hasEmptyClientApps(policy: { conditions?: unknown }): boolean {
  const conditions = policy.conditions;
  return isJsonObject(conditions) && Array.isArray(conditions.clientAppTypes) && conditions.clientAppTypes.length === 0;
}

/**
 * The policy with an empty clientAppTypes written as ['all']; `replaced` says whether there was one.
 * Ask before toWritableBody, which writes it so too, silently.
 */
export function withAllClientApps(policy: JsonObject): { policy: JsonObject; replaced: boolean } {
  if (!hasEmptyClientApps(policy)) return { policy, replaced: false };
  const conditions = policy.conditions as JsonObject;
  return { policy: { ...policy, conditions: { ...conditions, clientAppTypes: ['all'] } }, replaced: true };
}
