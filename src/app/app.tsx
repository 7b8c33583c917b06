// The composition root: the theme and the session, then either the sign-in page or the signed-in
// console. The console (router, queries, every screen) is a chunk of its own: the sign-in page is
// the first screen of most visits and downloads only what it shows.
import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { AuthProvider, useAuth, type AuthSession } from '../auth';
import { DOCUMENTATION_PATH } from '../features/backup/documentation-path';
import { TENANTS_REPORT_PATH } from '../features/tenants-report/report-path';
import { ThemeProvider } from '../shared/theme';
import { SignInAgainContext } from '../shared/ui/error-state';
import type { SignedInAppProps } from './signed-in-app';
import { SignInPage } from './sign-in-page';

const SignedInApp = lazy(() => import('./signed-in-app'));
// Documentation from a backup file needs no tenant: reachable signed out, loaded only when opened.
const DocumentationPage = lazy(() => import('../features/backup/documentation-page'));
// So does a command line's all-tenant report.
const TenantsReportPage = lazy(() => import('../features/tenants-report/tenants-report-page'));

export interface AppProps extends SignedInAppProps {
  session: AuthSession;
}

function Gate(props: SignedInAppProps) {
  const { active, session } = useAuth();
  // Signed in during this visit (the sign-in page was shown), or back from the identity provider's
  // pages: the console's first screen is an arrival, and its title takes the keyboard's focus.
  const [sawSignIn, setSawSignIn] = useState(!active);
  if (!active && !sawSignIn) setSawSignIn(true);
  const arrived = sawSignIn || props.returnPath != null;
  if (!active && window.location.pathname === DOCUMENTATION_PATH)
    return (
      <Suspense fallback={<Spinner label="Loading…" style={{ marginTop: '20vh' }} />}>
        <DocumentationPage />
      </Suspense>
    );
  if (!active && window.location.pathname === TENANTS_REPORT_PATH)
    return (
      <Suspense fallback={<Spinner label="Loading…" style={{ marginTop: '20vh' }} />}>
        <TenantsReportPage />
      </Suspense>
    );
  if (!active) return <SignInPage demo={props.demo} />;
  // A sign-in Graph no longer accepts (401) is renewed as the same person; drafts are kept locally.
  const signInAgain = () => void session.signIn(active.demo ? active.key : active.username);
  return (
    <SignInAgainContext value={signInAgain}>
      <Suspense fallback={<Spinner label="Loading…" style={{ marginTop: '20vh' }} />}>
        <SignedInApp {...props} arrived={arrived} />
      </Suspense>
    </SignInAgainContext>
  );
}

export function App({ session, ...props }: AppProps) {
  return (
    <ThemeProvider>
      <AuthProvider session={session}>
        <Gate {...props} />
      </AuthProvider>
    </ThemeProvider>
  );
}
