// What one item of a bulk run does against Graph: purge, or restore (and then set report-only).
// Written to be repeated safely: a resume after a run was cut short, or a write whose answer was
// lost, finds the work already done (see src/operations). A refusal for lack of permission stops
// the run, since every other item would be refused too.
import { REPORT_ONLY } from '../domain/types';
import type { GraphClient } from '../graph/client';
import { describeError } from '../graph/describe-error';
import { GraphRequestError } from '../graph/errors';
import { purgePolicySafely, restorePolicySafely, setPolicyStateSafely } from './restore-deleted';
import { StopsRun, type BulkItem, type BulkKind, type BulkStep } from './bulk-run';

export const bulkStep =
  (client: GraphClient, kind: BulkKind, reportOnly: boolean): BulkStep =>
  async (item: BulkItem, mark) => {
    try {
      if (kind === 'purge') {
        await purgePolicySafely(client, item.id);
        return;
      }
      if (!item.restored) {
        // Journalled as soon as Graph answers the restore: a page closed during the read-back still knows it happened.
        const restored = await restorePolicySafely(client, item.id, () => mark({ restored: true }));
        if (!reportOnly || restored.state === REPORT_ONLY) return;
      }
      if (reportOnly) await setPolicyStateSafely(client, item.id, REPORT_ONLY);
    } catch (error) {
      const message = describeError(error).message;
      // Refused permission or a sign-in that cannot be renewed: every other item would fail alike.
      throw error instanceof GraphRequestError && (error.status === 403 || error.status === 401)
        ? new StopsRun(message)
        : new Error(message);
    }
  };
