// React access to the session: the signed-in accounts, the active one, and sign-in actions.
// With MSAL the tree also sits inside msal-react's MsalProvider (the session's Wrapper), loaded
// with MSAL itself so that neither is in the entry chunk of the demo.
import { createContext, use, useSyncExternalStore, type ReactNode } from 'react';
import type { AuthSession, AuthSnapshot } from './session';

const SessionContext = createContext<AuthSession | null>(null);

export function AuthProvider({ session, children }: { session: AuthSession; children: ReactNode }) {
  const inner = <SessionContext value={session}>{children}</SessionContext>;
  const { Wrapper } = session;
  return Wrapper ? <Wrapper>{inner}</Wrapper> : inner;
}

export function useAuthSession(): AuthSession {
  const session = use(SessionContext);
  if (!session) throw new Error('useAuthSession must be used inside AuthProvider');
  return session;
}

export function useAuth(): AuthSnapshot & { session: AuthSession } {
  const session = useAuthSession();
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  return { ...snapshot, session };
}
