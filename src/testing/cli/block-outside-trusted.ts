// The draft the evaluation commands' tests are uncertain about: it blocks every sign-in outside trusted
// locations, which the engine can tell only with the MFA trusted IPs said (AllTrusted holds them).
export const BLOCK_OUTSIDE_TRUSTED = {
  displayName: 'Block outside trusted places',
  state: 'enabled',
  conditions: {
    users: { includeUsers: ['All'] },
    applications: { includeApplications: ['All'] },
    clientAppTypes: ['all'],
    locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] },
  },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
};
