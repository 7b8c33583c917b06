// Small builders that keep the seed readable: policies as their essentials, the rest filled in.
import { stableId } from '../core/ids';
import type { JsonObject } from '../core/model';

export type State = 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced';
export const REPORT_ONLY: State = 'enabledForReportingButNotEnforced';

export interface PolicySpec {
  name: string;
  state: State;
  createdDaysAgo: number;
  modifiedDaysAgo?: number;
  templateId?: string;
  users?: JsonObject;
  applications?: JsonObject;
  clientApplications?: JsonObject;
  conditions?: JsonObject;
  grant?: JsonObject | null;
  session?: JsonObject | null;
}

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

export function buildPolicy(tenantKey: string, spec: PolicySpec, now: Date): JsonObject {
  return {
    id: stableId(`${tenantKey}:policy:${spec.name}`),
    templateId: spec.templateId ?? null,
    displayName: spec.name,
    createdDateTime: daysAgo(now, spec.createdDaysAgo),
    modifiedDateTime: spec.modifiedDaysAgo === undefined ? null : daysAgo(now, spec.modifiedDaysAgo),
    state: spec.state,
    conditions: {
      clientAppTypes: ['all'],
      ...spec.conditions,
      applications: spec.applications ?? { includeApplications: ['All'] },
      users: spec.users ?? null,
      clientApplications: spec.clientApplications ?? null,
    },
    grantControls: spec.grant === undefined ? null : spec.grant === null ? null : { operator: 'OR', ...spec.grant },
    sessionControls: spec.session ?? null,
  };
}

export const ipRange = (cidrAddress: string): JsonObject => ({
  '@odata.type': cidrAddress.includes(':') ? '#microsoft.graph.iPv6CidrRange' : '#microsoft.graph.iPv4CidrRange',
  cidrAddress,
});

export { daysAgo };
