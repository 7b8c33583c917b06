// Where a new policy can start: blank (the smallest valid body), a copy of an existing policy,
// a Microsoft template, or a file. Every one starts in report-only and without service-owned fields.
import { policyJson } from '../../domain/json';
import { toWritableBody, type Json, type JsonObject } from '../../domain/policy-body';
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

export function duplicateOf(policy: ConditionalAccessPolicy): JsonObject {
  const body = toWritableBody(policyJson(policy));
  return { ...body, displayName: `Copy of ${policy.displayName ?? 'policy'}`, state: REPORT_ONLY };
}

/** Templates write "Current administrator will be excluded" where the admin's id belongs. */
const ADMIN_PLACEHOLDER = /current administrator will be excluded/i;

export function fromTemplate(template: PolicyTemplate, adminObjectId: string): JsonObject {
  const replace = (value: Json): Json => {
    if (typeof value === 'string') return ADMIN_PLACEHOLDER.test(value) ? adminObjectId : value;
    if (Array.isArray(value)) return value.map(replace);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v)]));
    return value;
  };
  const details = replace(template.details as JsonObject) as JsonObject;
  return toWritableBody({
    displayName: template.name,
    state: REPORT_ONLY,
    conditions: details.conditions ?? {},
    grantControls: details.grantControls ?? null,
    sessionControls: details.sessionControls ?? null,
  });
}
