// Route-side shorthand for recording an audit event for the calling principal.
import { recordAudit } from './audit';
import type { JsonObject } from './model';
import type { RouteInput } from './route';

export function audit(
  input: RouteInput,
  operation: Parameters<typeof recordAudit>[2],
  target: Parameters<typeof recordAudit>[3],
  before: JsonObject | null,
  after: JsonObject | null,
): void {
  recordAudit(input.tenant, input.principal, operation, target, before, after, input.context.now);
}
