// The signed-in console: the query client, the active tenant's Graph client, the router and every
// route. Loaded only once an account is signed in, so the sign-in page downloads none of it.
import { Spinner } from '@fluentui/react-components';
import { QueryClientProvider } from '@tanstack/react-query';
import { Fragment, lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet, RouterProvider, useNavigate, type RouteObject } from 'react-router';
import { TenantSessionProvider, useTenantSession } from '../session/tenant-session';
import type { AppConfig } from '../shared/config';
import { paths, routePatterns } from '../shared/routes/paths';
import { createQueryClient } from './query-client';
import { editPolicyTitle, policyPageTitle, RouteTitle, titled } from './page-title';
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
  /** Signed in just now: the first screen's title takes the keyboard's focus. */
  arrived?: boolean;
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
function Root({ config, demo, returnPath, arrived }: SignedInAppProps) {
  return (
    <TenantSessionProvider config={config}>
      <ReturnAfterRedirect path={returnPath} />
      <ScrollOnNavigate />
      <RouteTitle />
      <AppShell demo={demo} arrived={arrived}>
        <Outlet />
      </AppShell>
    </TenantSessionProvider>
  );
}

/** Every route of the signed-in console, under its frame (exported for the tests' memory router). */
export function signedInRoutes(props: SignedInAppProps): RouteObject[] {
  return [
    {
      element: <Root {...props} />,
      // The frame itself failing (the shell, the session) shows the error in words, never a blank page.
      errorElement: <RouteError />,
      // A screen that throws is replaced by an error inside the shell; the other screens stay reachable.
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { path: '/', element: <Navigate to={paths.policies} replace /> },
            { path: routePatterns.policies, element: <PoliciesRoute />, handle: titled('Policies') },
            { path: routePatterns.newPolicy, element: ofTheTenant(<NewPolicyPage />), handle: titled('New policy') },
            { path: routePatterns.policy, element: suspended(<PolicyRoute />), handle: titled(policyPageTitle) },
            { path: routePatterns.editPolicy, element: ofTheTenant(<PolicyEditorPage />), handle: titled(editPolicyTitle) },
            { path: routePatterns.deleted, element: ofTheTenant(<DeletedPoliciesPage />), handle: titled('Deleted policies') },
            { path: routePatterns.compare, element: suspended(<ComparePage />), handle: titled('Compare') },
            { path: routePatterns.compareTenants, element: suspended(<ComparePage />), handle: titled('Compare') },
            { path: routePatterns.history, element: suspended(<ChangeHistoryPage />), handle: titled('Change history') },
            { path: routePatterns.backup, element: suspended(<BackupPage />), handle: titled('Backup') },
            { path: routePatterns.import, element: suspended(<ImportPage />), handle: titled('Import') },
            { path: routePatterns.templates, element: suspended(<TemplatesPage />), handle: titled('Templates') },
            { path: routePatterns.emergencyAccess, element: ofTheTenant(<EmergencyAccessPage />), handle: titled('Emergency access') },
            { path: routePatterns.whatIf, element: ofTheTenant(<WhatIfPage />), handle: titled('What if') },
            { path: routePatterns.rollout, element: ofTheTenant(<RolloutPage />), handle: titled('Rollout') },
            { path: routePatterns.contingency, element: ofTheTenant(<ContingencyPage />), handle: titled('Contingency') },
            { path: routePatterns.lint, element: suspended(<LintPage />), handle: titled('Lint') },
            { path: routePatterns.settings, element: ofTheTenant(<SettingsPage />), handle: titled('Settings') },
            { path: '*', element: <Navigate to={paths.policies} replace /> },
          ],
        },
      ],
    },
  ];
}

const createRouter = (props: SignedInAppProps) => createBrowserRouter(signedInRoutes(props));

export default function SignedInApp({ config, demo, returnPath, arrived }: SignedInAppProps) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createRouter({ config, demo, returnPath, arrived }));
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
