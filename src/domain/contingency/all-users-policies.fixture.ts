// Test data the contingency readiness tests share (readiness-unnamed in the domain, contingency-page-names on the
// page): an MFA Disruption plan beside policies for all users that mostly exclude the same groups, one of the
// plan's policies leaving one of them out. Used by *.test.ts only.
import type { JsonObject } from '../json';
import { REPORT_ONLY } from '../types';

export const EM2 = 'EM02 - ENABLE IN EMERGENCY: MFA Disruption [2/2] - All apps: Block';

/** A policy for all users and all apps that excludes `excludeGroups` and requires `control`. */
export const allUsersPolicy = (id: string, displayName: string, state: string, excludeGroups: string[], control = 'mfa'): JsonObject => ({
  id,
  displayName,
  state,
  conditions: { users: { includeUsers: ['All'], excludeGroups }, applications: { includeApplications: ['All'] } },
  grantControls: { operator: 'OR', builtInControls: [control] },
});

/**
 * The plan's EM01 (em1) and EM02 (em2, blocking), report-only, and the enabled CA001 (ca1) and CA002 (ca2, blocking):
 * each excludes `groups`, but em2 leaves out `leftOut`, so 3 of the 4 exclude it.
 */
export const tenantLeavingOut = (leftOut: string, groups: string[] = [leftOut]): JsonObject[] => [
  allUsersPolicy('em1', 'EM01 - ENABLE IN EMERGENCY: MFA Disruption [1/2] - All apps: Require compliant device', REPORT_ONLY, groups),
  allUsersPolicy(
    'em2',
    EM2,
    REPORT_ONLY,
    groups.filter((g) => g !== leftOut),
    'block',
  ),
  allUsersPolicy('ca1', 'CA001: Require MFA for all users', 'enabled', groups),
  allUsersPolicy('ca2', 'CA002: Block legacy authentication', 'enabled', groups, 'block'),
];
