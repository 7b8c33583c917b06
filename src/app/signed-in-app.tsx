// The signed-in console: the query client, the active tenant's Graph client, the router and every
// route. Loaded only once an account is signed in, so the sign-in page downloads none of it.
import { Spinner } from '@fluentui/react-components';
import { QueryClientProvider } from '@tanstack/react-query';
import { Fragment, lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet, RouterProvider, useNavigate } from 'react-router';
import { TenantSessionProvider, useTenantSession } from '../session/tenant-session';
import type { AppConfig } from '../shared/config';
import { paths, routePatterns } from '../shared/routes/paths';
import { createQueryClient } from './query-client';
import { RouteError } from './route-error';
import { PoliciesRoute } from './routes/policies-route';
import { AppShell } from './shell/app-shell';
import type { DemoControls } from './shell/account-menu';
import { ScrollOnNavigate } from './shell/scroll-on-navigate';

// The policy page and the editor (cards, tags, Monaco) load when first opened.
const PolicyRoute = lazy(() => import('./routes/policy-route').then((m) => ({ default: m.PolicyRoute })));
const DeletedPoliciesPage = lazy(() =>
  import('../features/deleted-items/deleted-policies-page').then((m) => ({ default: m.DeletedPoliciesPage })),
);
const ComparePage = lazy(() => import('../features/compare/compare-page').then((m) => ({ default: m.ComparePage })));
const ChangeHistoryPage = lazy(() => import('../features/history/change-history-page').then((m) => ({ default: m.ChangeHistoryPage })));
const ImportPage = lazy(() => import('../features/import/import-page').then((m) => ({ default: m.ImportPage })));
const ContingencyPage = lazy(() => import('../features/contingency/contingency-page').then((m) => ({ default: m.ContingencyPage })));
const TemplatesPage = lazy(() => import('../features/templates/templates-page').then((m) => ({ default: m.TemplatesPage })));
const BackupPage = lazy(() => import('../features/backup/backup-page').then((m) => ({ default: m.BackupPage })));
const WhatIfPage = lazy(() => import('../features/what-if/what-if-page').then((m) => ({ default: m.WhatIfPage })));
const LintPage = lazy(() => import('../features/lint/lint-page').then((m) => ({ default: m.LintPage })));
const RolloutPage = lazy(() => import('../features/rollout/rollout-page').then((m) => ({ default: m.RolloutPage })));
const EmergencyAccessPage = lazy(() =>
  import('../features/emergency-access/emergency-access-page').then((m) => ({ default: m.EmergencyAccessPage })),
);
const SettingsPage = lazy(() => import('../features/settings/settings-page').then((m) => ({ default: m.SettingsPage })));
const NewPolicyPage = lazy(() => import('../features/editor/new-policy-page').then((m) => ({ default: m.NewPolicyPage })));
const PolicyEditorPage = lazy(() => import('../features/editor/policy-editor-page').then((m) => ({ default: m.PolicyEditorPage })));

export interface SignedInAppProps {
  config: AppConfig;
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

const suspended = (element: ReactNode) => <Suspense fallback={<Spinner label="Loading…" />}>{element}</Suspense>;

/** Mounted afresh when the active account changes. */
function PerAccount({ children }: { children: ReactNode }) {
  const { account } = useTenantSession();
  return <Fragment key={account.key}>{children}</Fragment>;
}

/**
 * A screen whose state is made of the tenant's own objects (a switch read from its policies, a user picked
 * in its directory, a draft of one of its policies) starts afresh on an account switch: carried over, it
 * would write one tenant's ids into another. Import and templates keep what was chosen (a file, a
 * template) and their plan says it now writes elsewhere.
 */
const ofTheTenant = (element: ReactNode) => suspended(<PerAccount>{element}</PerAccount>);

/** The signed-in frame: every route renders inside it. */
function Root({ config, demo, returnPath }: SignedInAppProps) {
  return (
    <TenantSessionProvider config={config}>
      <ReturnAfterRedirect path={returnPath} />
      <ScrollOnNavigate />
      <AppShell demo={demo}>
        <Outlet />
      </AppShell>
    </TenantSessionProvider>
  );
}

function createRouter(props: SignedInAppProps) {
  return createBrowserRouter([
    {
      element: <Root {...props} />,
      // A screen that throws is replaced by an error inside the shell; the other screens stay reachable.
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { path: '/', element: <Navigate to={paths.policies} replace /> },
            { path: routePatterns.policies, element: <PoliciesRoute /> },
            { path: routePatterns.newPolicy, element: ofTheTenant(<NewPolicyPage />) },
            { path: routePatterns.policy, element: suspended(<PolicyRoute />) },
            { path: routePatterns.editPolicy, element: ofTheTenant(<PolicyEditorPage />) },
            { path: routePatterns.deleted, element: ofTheTenant(<DeletedPoliciesPage />) },
            { path: routePatterns.compare, element: suspended(<ComparePage />) },
            { path: routePatterns.compareTenants, element: suspended(<ComparePage />) },
            { path: routePatterns.history, element: suspended(<ChangeHistoryPage />) },
            { path: routePatterns.backup, element: suspended(<BackupPage />) },
            { path: routePatterns.import, element: suspended(<ImportPage />) },
            { path: routePatterns.templates, element: suspended(<TemplatesPage />) },
            { path: routePatterns.emergencyAccess, element: ofTheTenant(<EmergencyAccessPage />) },
            { path: routePatterns.whatIf, element: ofTheTenant(<WhatIfPage />) },
            { path: routePatterns.rollout, element: ofTheTenant(<RolloutPage />) },
            { path: routePatterns.contingency, element: ofTheTenant(<ContingencyPage />) },
            { path: routePatterns.lint, element: suspended(<LintPage />) },
            { path: routePatterns.settings, element: ofTheTenant(<SettingsPage />) },
            { path: '*', element: <Navigate to={paths.policies} replace /> },
          ],
        },
      ],
    },
  ]);
}

export default function SignedInApp({ config, demo, returnPath }: SignedInAppProps) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createRouter({ config, demo, returnPath }));
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
