// Writes the directory audit events Conditional Access emits for every change: the whole object
// before and after, serialised as JSON strings, as the real audit log carries them.
import { newId } from './ids';
import type { JsonObject, Principal, TenantState } from './model';

type Target = 'Policy' | 'NamedLocation';

const targetLabel: Record<Target, string> = { Policy: 'conditional access policy', NamedLocation: 'named location' };
const propertyName: Record<Target, string> = { Policy: 'ConditionalAccessPolicy', NamedLocation: 'NamedLocation' };

export function recordAudit(
  tenant: TenantState,
  principal: Principal,
  operation: 'Add' | 'Update' | 'Delete' | 'Restore' | 'Hard delete',
  target: Target,
  before: JsonObject | null,
  after: JsonObject | null,
  when: Date,
): void {
  const subject = after ?? before;
  if (!subject) return;
  const correlationId = newId();
  tenant.audits.push({
    id: `IPCGraph_${correlationId}_${Math.floor(when.getTime() / 1000)}`,
    category: 'Policy',
    correlationId,
    result: 'success',
    resultReason: '',
    activityDisplayName: `${operation} ${targetLabel[target]}`,
    activityDateTime: when.toISOString(),
    loggedByService: 'Conditional Access',
    operationType: operation === 'Hard delete' ? 'Delete' : operation === 'Restore' ? 'Update' : operation,
    // An application signed in as itself is the initiator, as the audit log shows it; a user otherwise.
    initiatedBy: principal.app
      ? {
          user: null,
          app: {
            appId: principal.app.appId,
            displayName: principal.app.displayName,
            servicePrincipalId: principal.app.servicePrincipalId,
            servicePrincipalName: null,
          },
        }
      : {
          user: { id: principal.userId, displayName: null, userPrincipalName: principal.userPrincipalName, ipAddress: null },
          app: null,
        },
    targetResources: [
      {
        id: String(subject.id),
        displayName: String(subject.displayName ?? ''),
        type: target,
        userPrincipalName: null,
        groupType: null,
        modifiedProperties: [
          {
            displayName: propertyName[target],
            oldValue: before ? JSON.stringify(before) : null,
            newValue: after ? JSON.stringify(after) : null,
          },
        ],
      },
    ],
    additionalDetails: [{ key: 'Category', value: 'Conditional Access' }],
  });
}
