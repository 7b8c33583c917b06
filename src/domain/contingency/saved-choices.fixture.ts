// Test data the saved-choices tests share (saved-choices, kept-before-deleted): an emergency plan's policy,
// a normal policy it suspends, and the choices that suspend it. Used by *.test.ts only.
import type { JsonObject } from '../json';
import { REPORT_ONLY } from '../types';
import type { PlanEdits } from './contingency-plan';

/** A one-policy emergency plan for `disruption`: EM0<last digit of id>, report-only unless said. */
export const policy = (id: string, disruption: string, state = REPORT_ONLY): JsonObject => ({
  id,
  displayName: `EM0${id.slice(-1)} - ENABLE IN EMERGENCY: ${disruption} [1/1] - All apps: Block`,
  state,
  conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
});
/** An enabled policy no plan holds: what the choices below turn off. */
export const normal: JsonObject = { ...policy('ca1', 'x'), displayName: 'CA001: Require MFA', state: 'enabled' };
export const edits: PlanEdits = { suspend: [{ policyId: 'ca1', name: 'CA001: Require MFA', to: 'disabled' }], exclusions: [] };
