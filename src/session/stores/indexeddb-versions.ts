// A local history of versions, kept in IndexedDB per scope (a tenant) and item (a policy): every
// save and delete records the version it replaces first, so there is something to compare and
// revert to even without access to the audit log.
import { sameVersion, type StoredVersion, type VersionStore } from '../../operations/ports';

const DB_NAME = 'gatehouse';
const STORE = 'versions';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(STORE, { autoIncrement: true });
      store.createIndex('item', ['scope', 'itemId']);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is not available'));
  });
}

async function recordVersion(version: StoredVersion): Promise<void> {
  const db = await open();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).add(version);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('Could not record the version'));
  });
  db.close();
}

async function listVersions(scope: string, itemId: string): Promise<StoredVersion[]> {
  const db = await open();
  const versions = await new Promise<StoredVersion[]>((resolve, reject) => {
    const request = db.transaction(STORE).objectStore(STORE).index('item').getAll([scope, itemId]);
    request.onsuccess = () => resolve(request.result as StoredVersion[]);
    request.onerror = () => reject(request.error ?? new Error('Could not read the history'));
  });
  db.close();
  return versions.sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
}

/** Every version kept for a scope (a tenant), newest first. */
async function listScopeVersions(scope: string): Promise<StoredVersion[]> {
  const db = await open();
  const versions = await new Promise<StoredVersion[]>((resolve, reject) => {
    const range = IDBKeyRange.bound([scope, ''], [scope, '\uffff']);
    const request = db.transaction(STORE).objectStore(STORE).index('item').getAll(range);
    request.onsuccess = () => resolve(request.result as StoredVersion[]);
    request.onerror = () => reject(request.error ?? new Error('Could not read the history'));
  });
  db.close();
  return versions.sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
}

/** Removes one version equal to this one (kept before a write Graph refused). */
async function forgetVersion(version: StoredVersion): Promise<void> {
  const db = await open();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite');
    const request = tx.objectStore(STORE).index('item').openCursor([version.scope, version.itemId]);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return;
      if (sameVersion(cursor.value as StoredVersion, version)) cursor.delete();
      else cursor.continue();
    };
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('Could not remove the version'));
  });
  db.close();
}

export const indexedDbVersions: VersionStore = {
  record: recordVersion,
  list: listVersions,
  listScope: listScopeVersions,
  forget: forgetVersion,
};
