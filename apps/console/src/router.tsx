import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { Spin } from 'antd';
import type { AccessKey } from './access.ts';
import { useAccess, useSession } from './session/session-provider.tsx';
import { AppLayout } from './layouts/app-layout.tsx';
import { TOP_LEVEL_PAGES, type TopLevelPath } from './routes/top-level-pages.ts';
import { firstAllowedPath, firstSettingsPath } from './layouts/nav.tsx';
import { LoginPage } from './pages/login/index.tsx';
import { ForbiddenPage, NotFoundPage } from './pages/exception/index.tsx';
import { WorkbenchPage } from './pages/workbench/index.tsx';
import { InboxPage } from './pages/inbox/index.tsx';
import { TicketListPage } from './pages/tickets/index.tsx';
import { TicketDetailPage } from './pages/ticket-detail/index.tsx';
import { CustomerListPage } from './pages/customers/index.tsx';
import { CustomerDuplicatesPage } from './pages/customer-duplicates/index.tsx';
import { OrderListPage } from './pages/orders/index.tsx';
import { OrderDetailPage } from './pages/order-detail/index.tsx';
import { CustomerDataQualityPage } from './pages/customer-data-quality/index.tsx';
import { CustomerChangesPage } from './pages/customer-changes/index.tsx';
import { CustomerAssignmentPage } from './pages/customer-assignment/index.tsx';
import { CustomerDetailPage } from './pages/customer-detail/index.tsx';
import { RenewalsPage } from './pages/renewals/index.tsx';
import { DepartmentsPage } from './pages/settings/departments/index.tsx';
import { TeamsPage } from './pages/settings/teams/index.tsx';
import { UsersPage } from './pages/settings/users/index.tsx';
import { RolesPage } from './pages/settings/roles/index.tsx';
import { FormsPage } from './pages/settings/forms/index.tsx';
import { RulesPage } from './pages/settings/rules/index.tsx';
import { PositionsPage } from './pages/settings/positions/index.tsx';
import { CalendarsPage } from './pages/settings/calendars/index.tsx';
import { SlaPoliciesPage } from './pages/settings/sla-policies/index.tsx';
import { SupervisorPage } from './pages/supervisor/index.tsx';
import { LiveChatsPage } from './pages/supervisor/live-chats/index.tsx';
import { NotificationPreferencesPage } from './pages/notification-preferences/index.tsx';
import { MyCallbacksPage } from './pages/callbacks/index.tsx';
import { CallbackWorkspacePage } from './pages/callback-workspace/index.tsx';
import { CampaignsPage } from './pages/campaigns/index.tsx';
import { CallbackPoliciesPage } from './pages/settings/callback-policies/index.tsx';
import { CallbackScriptsPage } from './pages/settings/callback-scripts/index.tsx';
import { CustomerClassesPage } from './pages/settings/customer-classes/index.tsx';
import { ChatChannelsPage } from './pages/settings/chat-channels/index.tsx';
import { KnowledgeListPage } from './pages/knowledge/index.tsx';
import { KnowledgeArticlePage } from './pages/knowledge/article-page.tsx';
import { KnowledgeEditorPage } from './pages/knowledge/editor-page.tsx';
import { CannedRepliesPage } from './pages/canned-replies/index.tsx';
import { KnowledgeSettingsPage } from './pages/settings/knowledge/index.tsx';
// pages with charts load on demand: ECharts stays out of the main bundle, and
// a customer opening a survey link on a phone downloads no console pages
const CallbackReportPage = lazy(() => import('./pages/callback-report/index.tsx').then((m) => ({ default: m.CallbackReportPage })));
const SurveysPage = lazy(() => import('./pages/surveys/index.tsx').then((m) => ({ default: m.SurveysPage })));
const PublicSurveyPage = lazy(() => import('./pages/public-survey/index.tsx').then((m) => ({ default: m.PublicSurveyPage })));
const loading = (node: ReactNode) => <Suspense fallback={<Spin size="large" className="kefu-boot-spin" />}>{node}</Suspense>;

function RequireLogin() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Spin size="large" className="kefu-boot-spin" />;
  if (state.status === 'anonymous') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return <AppLayout />;
}

/** A route the user lacks access to shows 403 (its menu entry is hidden too). */
function Guard({ access, children }: { access: AccessKey; children: ReactNode }) {
  const allowed = useAccess();
  return allowed[access] ? <>{children}</> : <ForbiddenPage />;
}

function HomeRedirect() {
  const path = firstAllowedPath(useAccess());
  return path ? <Navigate to={path} replace /> : <ForbiddenPage />;
}

function SettingsRedirect() {
  const path = firstSettingsPath(useAccess());
  return path ? <Navigate to={path} replace /> : <ForbiddenPage />;
}

const guarded = (access: AccessKey, element: ReactNode) => <Guard access={access}>{element}</Guard>;

// the element of each top-level page; the paths and access keys are in TOP_LEVEL_PAGES
const PAGE_ELEMENTS: Record<TopLevelPath, ReactNode> = {
  '/workbench': <WorkbenchPage />,
  '/inbox': <InboxPage />,
  '/tickets': <TicketListPage />,
  '/customers': <CustomerListPage />,
  '/customers/changes': <CustomerChangesPage />,
  '/customers/assignment': <CustomerAssignmentPage />,
  '/customers/duplicates': <CustomerDuplicatesPage />,
  '/customers/data-quality': <CustomerDataQualityPage />,
  '/renewals': <RenewalsPage />,
  '/orders': <OrderListPage />,
  '/supervisor': <SupervisorPage />,
  '/supervisor/chats': <LiveChatsPage />,
  '/callbacks': <MyCallbacksPage />,
  '/callbacks/campaigns': <CampaignsPage />,
  '/callbacks/report': loading(<CallbackReportPage />),
  '/surveys': loading(<SurveysPage />),
  '/knowledge': <KnowledgeListPage />,
  '/canned-replies': <CannedRepliesPage />,
  // everyone signed in: their own notification channels
  '/me/notifications': <NotificationPreferencesPage />,
  '/settings/departments': <DepartmentsPage />,
  '/settings/teams': <TeamsPage />,
  '/settings/users': <UsersPage />,
  '/settings/roles': <RolesPage />,
  '/settings/forms': <FormsPage />,
  '/settings/rules': <RulesPage />,
  '/settings/positions': <PositionsPage />,
  '/settings/sla-policies': <SlaPoliciesPage />,
  '/settings/calendars': <CalendarsPage />,
  '/settings/callback-policies': <CallbackPoliciesPage />,
  '/settings/callback-scripts': <CallbackScriptsPage />,
  '/settings/customer-classes': <CustomerClassesPage />,
  '/settings/chat-channels': <ChatChannelsPage />,
  '/settings/knowledge': <KnowledgeSettingsPage />,
};

const topLevelRoutes = TOP_LEVEL_PAGES.map(({ path, access }) => ({
  path: path.slice(1),
  element: access ? guarded(access, PAGE_ELEMENTS[path]) : PAGE_ELEMENTS[path],
}));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // the customer's survey link: no login, outside the console's layout
  { path: '/s/:token', element: loading(<PublicSurveyPage />) },
  {
    path: '/',
    element: <RequireLogin />,
    children: [
      { index: true, element: <HomeRedirect /> },
      ...topLevelRoutes,
      { path: 'tickets/:id', element: guarded('tickets', <TicketDetailPage />) },
      { path: 'customers/:id', element: guarded('customers', <CustomerDetailPage />) },
      { path: 'orders/:id', element: guarded('orders', <OrderDetailPage />) },
      { path: 'callbacks/:id', element: guarded('callbacks', <CallbackWorkspacePage />) },
      { path: 'knowledge/new', element: guarded('kbEdit', <KnowledgeEditorPage />) },
      { path: 'knowledge/:id', element: guarded('knowledge', <KnowledgeArticlePage />) },
      { path: 'knowledge/:id/edit', element: guarded('kbEdit', <KnowledgeEditorPage />) },
      { path: 'settings', element: <SettingsRedirect /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
