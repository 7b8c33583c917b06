// The properties the log endpoints can filter on, as their resource pages say ("Supports $filter").
// A $filter on any other property is refused with a 400 rather than answered with an empty list.
// Graph's exact words for that refusal are unconfirmed: the message below is ours.
import { errors } from './http';
import { filterPaths } from './odata';

/** beta/resources/signin.md; isInteractive and riskEventTypes from v1.0's page, kept so a v1.0 caller is not refused. */
export const signInFilterable = [
  'appDisplayName',
  'appId',
  'authenticationRequirement',
  'clientAppUsed',
  'conditionalAccessAudiences',
  'conditionalAccessStatus',
  'correlationId',
  'createdDateTime',
  'deviceDetail/browser',
  'deviceDetail/operatingSystem',
  'id',
  'ipAddress',
  'isInteractive',
  'location/city',
  'location/state',
  'location/countryOrRegion',
  'originalRequestId',
  'resourceDisplayName',
  'resourceId',
  'riskDetail',
  'riskEventTypes',
  'riskEventTypes_v2',
  'riskLevelAggregated',
  'riskLevelDuringSignIn',
  'riskState',
  'servicePrincipalId',
  'servicePrincipalName',
  'signInEventTypes',
  'status/errorCode',
  'tokenIssuerName',
  'userAgent',
  'userDisplayName',
  'userId',
  'userPrincipalName',
];

/**
 * v1.0/resources/directoryaudit.md. category is not listed there, but scripts filter on it
 * (category eq 'Policy') and are answered: it is kept rather than refused.
 */
export const auditFilterable = [
  'activityDateTime',
  'activityDisplayName',
  'category',
  'correlationId',
  'id',
  'loggedByService',
  'initiatedBy/user/id',
  'initiatedBy/user/displayName',
  'initiatedBy/user/userPrincipalName',
  'initiatedBy/app/appId',
  'initiatedBy/app/displayName',
  'targetResources',
  'targetResources/id',
  'targetResources/displayName',
];

/** Throws a 400 naming the first property of the filter that `filterable` does not hold (compared in any case). */
export function checkFilterable(filter: string | null, filterable: readonly string[], what: string): void {
  const known = new Set(filterable.map((path) => path.toLowerCase()));
  const unsupported = filterPaths(filter).find((path) => !known.has(path.toLowerCase()));
  if (unsupported !== undefined) {
    throw errors.badRequest(`Invalid filter clause: the property '${unsupported}' is not supported for filtering on ${what}.`);
  }
}
