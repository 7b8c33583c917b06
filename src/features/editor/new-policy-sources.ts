// Where a new policy can start: blank (the smallest valid body), a copy of an existing policy,
// a Microsoft template, or a file. Every one starts in report-only and without service-owned fields.
import { policyJson } from '../../domain/json';
import { toWritableBody, type JsonObject } from '../../domain/policy-body';
import { fillBlanks } from '../../domain/templates/blanks';
import { CURRENT_ADMIN_BLANK, policyFromDetails } from '../../domain/templates/gallery-template';
import type { PolicyTemplate } from '../../graph/policies';
import { REPORT_ONLY, type ConditionalAccessPolicy } from '../../domain/types';

export function blankPolicy(): JsonObject {
  return {
    displayName: 'New policy',
    state: REPORT_ONLY,
    conditions: { users: { includeUsers: ['None'] }, applications: { includeApplications: ['None'] }, clientAppTypes: ['all'] },
    grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    sessionControls: null,
  };
}

/** The name a copy is offered first: "Copy of CA001 …". */
export const copyName = (policy: ConditionalAccessPolicy) => `Copy of ${policy.displayName ?? 'policy'}`;

/** A copy of the policy in report-only, under the name the admin gave it (or the offered one). */
export function duplicateOf(policy: ConditionalAccessPolicy, name = copyName(policy)): JsonObject {
  const body = toWritableBody(policyJson(policy));
  return { ...body, displayName: name, state: REPORT_ONLY };
}

/** A Microsoft template as a new policy, the admin creating it excluded where the template says so. */
export function fromTemplate(template: PolicyTemplate, adminObjectId: string): JsonObject {
  const admin = [{ kind: 'user' as const, id: adminObjectId, displayName: '' }];
  return fillBlanks(policyFromDetails(template.name, template.details), new Map([[CURRENT_ADMIN_BLANK, admin]]));
}
