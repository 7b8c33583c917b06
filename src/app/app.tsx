// The composition root: theme, query client, auth, the active tenant's Graph client, the router.
import { Spinner } from '@fluentui/react-components';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from 'react-router';
import { AuthProvider, useAuth, type AuthSession } from '../auth';
import { PoliciesPage } from '../features/policies';
import { TenantSessionProvider } from '../session/tenant-session';
import type { AppConfig } from '../shared/config';
import { ThemeProvider } from '../shared/theme';
import { createQueryClient } from './query-client';
import { AppShell } from './shell/app-shell';
import type { DemoControls } from './shell/account-menu';
import { SignInPage } from './sign-in-page';

// The policy page (cards, tags, tabs, the JSON view) loads when first opened.
const PolicyPage = lazy(() => import('../features/policies/components/policy-page').then((m) => ({ default: m.PolicyPage })));

export interface AppProps {
  config: AppConfig;
  session: AuthSession;
  demo?: DemoControls;
  /** After a sign-in or consent redirect: the page that started it. */
  returnPath?: string | null;
}

function ReturnAfterRedirect({ path }: { path?: string | null }) {
  const navigate = useNavigate();
  useEffect(() => {
    if (path && path !== '/') navigate(path, { replace: true });
  }, [path, navigate]);
  return null;
}

function Screens({ config, demo, returnPath }: Omit<AppProps, 'session'>) {
  const { active } = useAuth();
  if (!active) return <SignInPage demo={demo} />;
  return (
    <TenantSessionProvider config={config}>
      <ReturnAfterRedirect path={returnPath} />
      <AppShell demo={demo}>
        <Routes>
          <Route path="/" element={<Navigate to="/policies" replace />} />
          <Route path="/policies" element={<PoliciesPage />} />
          <Route
            path="/policies/:id"
            element={
              <Suspense fallback={<Spinner label="Loading…" />}>
                <PolicyPage />
              </Suspense>
            }
          />
          <Route path="*" element={<Navigate to="/policies" replace />} />
        </Routes>
      </AppShell>
    </TenantSessionProvider>
  );
}

export function App({ config, session, demo, returnPath }: AppProps) {
  const [queryClient] = useState(createQueryClient);
  return (
    <ThemeProvider>
      <QueryClientProvider client={queryClient}>
        <AuthProvider session={session}>
          <BrowserRouter>
            <Screens config={config} demo={demo} returnPath={returnPath} />
          </BrowserRouter>
        </AuthProvider>
      </QueryClientProvider>
    </ThemeProvider>
  );
}
