// Sign-in for the demo: labelled demo accounts, no password. Which accounts are signed in is kept
// for the browser tab (sessionStorage), like MSAL's session cache.
import { CONDITIONAL_ACCESS_ADMINISTRATOR_ROLE, GLOBAL_READER_ROLE } from './role-claims';
import { createSnapshotStore, type AuthSession, type SignedInAccount } from './session';

export interface DemoDirectory {
  accounts: {
    id: string;
    tenantId: string;
    tenantName: string;
    displayName: string;
    userPrincipalName: string;
    role: 'admin' | 'reader';
  }[];
  issueToken(accountId: string, scopes: readonly string[]): string;
}

const STORAGE_KEY = 'gatehouse.demo-session';

export function createDemoSession(directory: DemoDirectory): AuthSession {
  const toAccount = (id: string): SignedInAccount | null => {
    const a = directory.accounts.find((x) => x.id === id);
    if (!a) return null;
    const role = a.role === 'admin' ? 'administrator' : 'read-only';
    // What an ID token of Entra ID would say: the administrator holds Conditional Access
    // Administrator, the reader Global Reader, so the console knows before the first click.
    const wids = [a.role === 'admin' ? CONDITIONAL_ACCESS_ADMINISTRATOR_ROLE : GLOBAL_READER_ROLE];
    return {
      key: a.id,
      name: `${a.displayName} (demo ${role})`,
      username: a.userPrincipalName,
      tenantId: a.tenantId,
      objectId: a.id.split('.')[0]!,
      tenantName: a.tenantName,
      demo: true,
      roleClaims: { wids },
    };
  };
  const saved = (() => {
    try {
      return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as { keys: string[]; active: string | null } | null;
    } catch {
      return null;
    }
  })();
  const build = (keys: string[], active: string | null) => {
    const accounts = keys.map(toAccount).filter((a): a is SignedInAccount => !!a);
    return { accounts, active: accounts.find((a) => a.key === active) ?? accounts[0] ?? null };
  };
  const store = createSnapshotStore(build(saved?.keys ?? [], saved?.active ?? null));
  const persist = () => {
    const { accounts, active } = store.get();
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ keys: accounts.map((a) => a.key), active: active?.key ?? null }));
  };

  return {
    kind: 'demo',
    getSnapshot: store.get,
    subscribe: store.subscribe,
    async getToken(accountKey, scopes) {
      return directory.issueToken(accountKey, scopes);
    },
    async signIn(hint) {
      const id = hint ?? directory.accounts[0]?.id;
      if (!id) return;
      const { accounts, active, added } = store.get();
      const isNew = !accounts.some((a) => a.key === id);
      const keys = [...new Set([...accounts.map((a) => a.key), id])];
      // The account in use stays in use: an account added beside it is offered, not switched to.
      store.set({ ...build(keys, active?.key ?? id), added: active && isNew ? id : (added ?? null) });
      persist();
    },
    async signOut(accountKey) {
      const { accounts, active, added } = store.get();
      const keys = accounts.map((a) => a.key).filter((k) => k !== accountKey);
      const next = build(keys, active?.key === accountKey ? (keys[0] ?? null) : (active?.key ?? null));
      store.set({ ...next, added: added === accountKey || added === next.active?.key ? null : (added ?? null) });
      persist();
    },
    setActive(accountKey) {
      // A switch, to the account just added or another, answers the offer to switch.
      store.set(
        build(
          store.get().accounts.map((a) => a.key),
          accountKey,
        ),
      );
      persist();
    },
    dismissAdded() {
      store.set({ ...store.get(), added: null });
    },
  };
}
