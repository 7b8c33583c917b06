// Test data for the agreement's tests: two policies and a log of 200 sign-ins in Graph's shape, the
// service deciding as the engine would but for 4 on locations. Used by *.test.ts only.
import { ids, policy } from '../test-fixtures';
import type { DirectoryFacts } from './from-sign-in-log';

export const blockAbroad = {
  ...policy({
    name: 'Block outside allowed countries',
    users: { includeUsers: ['All'], excludeGroups: [ids.emergency] },
    conditions: { locations: { includeLocations: ['All'], excludeLocations: [ids.allowedCountries] } },
    grant: { builtInControls: ['block'] },
  }),
  id: 'abroad',
  modifiedDateTime: '2026-11-15T00:00:00Z',
};
export const blockLegacy = {
  ...policy({
    name: 'Block legacy',
    users: { includeUsers: ['All'] },
    conditions: { clientAppTypes: ['other'] },
    grant: { builtInControls: ['block'] },
  }),
  id: 'legacy',
};
export const directory: DirectoryFacts = { user: () => ({ groupIds: [], roleTemplateIds: [] }) };

/** A log entry in Graph's shape, with the service's result for both policies. */
export function entry(
  i: number,
  country: string,
  client: string,
  results: { abroad: string; legacy: string; notSatisfied?: string },
  day = 20,
) {
  return {
    id: `s${i}`,
    createdDateTime: `2026-11-${day}T08:00:00Z`,
    userId: ids.ada,
    userType: 'member',
    homeTenantId: ids.tenant,
    resourceTenantId: ids.tenant,
    crossTenantAccessType: 'none',
    appId: ids.exchange,
    resourceId: ids.exchange,
    ipAddress: '8.8.8.8',
    location: { countryOrRegion: country },
    clientAppUsed: client,
    deviceDetail: { deviceId: '', operatingSystem: 'Windows 10' } as Record<string, unknown>,
    riskLevelDuringSignIn: 'none',
    originalTransferMethod: 'none',
    appliedConditionalAccessPolicies: [
      { id: 'abroad', result: results.abroad, conditionsNotSatisfied: results.notSatisfied ?? 'none' },
      { id: 'legacy', result: results.legacy, conditionsNotSatisfied: results.legacy === 'notApplied' ? 'clientType' : 'none' },
    ],
  };
}

/** 200 sign-ins the service decided as the engine would, but for 4 on locations. */
export function log() {
  return Array.from({ length: 200 }, (_, i) => {
    const abroad = i % 2 === 0;
    const legacy = i % 5 === 0;
    const results = {
      abroad: abroad ? 'failure' : 'notApplied',
      notSatisfied: abroad ? 'none' : 'location',
      legacy: legacy ? 'failure' : 'notApplied',
    };
    if (i === 2 || i === 4 || i === 6) Object.assign(results, { abroad: 'notApplied', notSatisfied: 'location' });
    if (i === 1) Object.assign(results, { abroad: 'success', notSatisfied: 'none' });
    return entry(i, abroad ? 'BR' : 'NL', legacy ? 'IMAP4' : 'Browser', results);
  });
}
