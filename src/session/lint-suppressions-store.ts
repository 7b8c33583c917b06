// The lint findings the admin has accepted, each with its reason, who and when: kept on this device
// per tenant (read back strictly, as a backup's are), and carried by backups. The policies page,
// each policy's page, the editor and the Lint page read the same store.
import { readSuppressions } from '../domain/lint/suppressions';
import type { LintSuppression } from '../domain/lint/types';
import { deviceStore, useDeviceUpdater } from './stores/device-store';

const EMPTY: readonly LintSuppression[] = [];

const store = deviceStore<readonly LintSuppression[]>({
  prefix: 'gatehouse.lint-suppressions',
  empty: EMPTY,
  // Unreadable (or an entry without its reason): treated as none, so every finding shows again.
  parse: (raw) => readSuppressions(raw, 'the suppressions kept on this device'),
});

export type SuppressionsUpdate = (change: (current: readonly LintSuppression[]) => readonly LintSuppression[]) => boolean;

/** The suppressions and their updater, which says whether the browser kept them (storage can be full or blocked). */
export function useLintSuppressions(tenantId: string): [readonly LintSuppression[], SuppressionsUpdate] {
  return useDeviceUpdater(store, tenantId);
}
