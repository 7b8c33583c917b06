// What one item of a bulk run does against Graph: purge, or restore (and then set report-only).
// Written to be repeated safely: a resume after a run was cut short finds the work already done.
import { WRITE_SCOPES } from '../../../auth/scopes';
import type { GraphClient } from '../../../graph/client';
import { purgeDeletedPolicy, restoreDeletedPolicy } from '../../../graph/deleted-items';
import { describeError } from '../../../graph/describe-error';
import { GraphRequestError } from '../../../graph/errors';
import { getPolicy, updatePolicy } from '../../../graph/policies';
import type { BulkItem, BulkKind, BulkStep } from './bulk-run';

const REPORT_ONLY = 'enabledForReportingButNotEnforced';
const notFound = (error: unknown) => error instanceof GraphRequestError && error.status === 404;

export const bulkStep = (client: GraphClient, kind: BulkKind, reportOnly: boolean): BulkStep => async (item: BulkItem, mark) => {
  try {
    if (kind === 'purge') {
      // Gone already (purged by an earlier run cut short): nothing left to do.
      await purgeDeletedPolicy(client, item.id, WRITE_SCOPES).catch((error: unknown) => {
        if (!notFound(error)) throw error;
      });
      return;
    }
    if (!item.restored) {
      const restored = await restoreDeletedPolicy(client, item.id, WRITE_SCOPES).catch(async (error: unknown) => {
        // Not in deleted items any more: restored by an earlier run cut short, if it is in the tenant.
        if (notFound(error)) return getPolicy(client, item.id).catch(() => Promise.reject(error));
        throw error;
      });
      mark({ restored: true });
      if (!reportOnly || restored.state === REPORT_ONLY) return;
    }
    if (reportOnly) await updatePolicy(client, item.id, { state: REPORT_ONLY }, WRITE_SCOPES);
  } catch (error) {
    throw new Error(describeError(error).message);
  }
};
