// A contingency plan for an MFA disruption, as a colleague would leave it in the tenant: two policies
// waiting in report-only, named as Microsoft's guidance names them. The second blocks, so the plan is not
// ready until its emergency accounts are excluded.
import type { Page } from '@playwright/test';
import { asColleague } from './colleague';

const CA = '/beta/identity/conditionalAccess/policies';

export async function seedMfaDisruptionPlan(page: Page) {
  const base = {
    conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
  };
  await asColleague(page, 'POST', CA, {
    ...base,
    displayName: 'EM01 - ENABLE IN EMERGENCY: MFA Disruption [1/2] - All apps: Require compliant device',
    state: 'enabledForReportingButNotEnforced',
    grantControls: { operator: 'OR', builtInControls: ['compliantDevice'] },
  });
  await asColleague(page, 'POST', CA, {
    ...base,
    displayName: 'EM02 - ENABLE IN EMERGENCY: MFA Disruption [2/2] - All apps: Block legacy authentication',
    state: 'enabledForReportingButNotEnforced',
    conditions: { ...base.conditions, clientAppTypes: ['exchangeActiveSync', 'other'] },
    grantControls: { operator: 'OR', builtInControls: ['block'] },
  });
}
