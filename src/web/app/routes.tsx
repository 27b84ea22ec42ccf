// Every page of the app, in one list. To add a page: append an entry (lazy-import the page so it
// loads on demand). `nav: true` shows it in the left rail / bottom tabs under its `group`; groups
// are shown in NAV_GROUPS order, only when the signed-in role may open at least one page in them.
import type { QueryClient } from '@tanstack/react-query';
import { lazy, type ReactNode } from 'react';
import type { Role } from '../api/types';
import { DASHBOARD_DEFAULTS, dashboardQueries, isoToday } from '../pages/dashboard/api';
import { preloadCharts } from '../ui';
import type { IconName } from '../ui/icons';

export type NavGroup =
  | 'Today'
  | 'Providers'
  | 'Organizations'
  | 'Referrals'
  | 'Network'
  | 'Routes'
  | 'Goals'
  | 'Admin';

/** Navigation order (left rail and phone tabs), with each group's icon. */
export const NAV_GROUPS: { group: NavGroup; icon: IconName }[] = [
  { group: 'Today', icon: 'today' },
  { group: 'Providers', icon: 'providers' },
  { group: 'Organizations', icon: 'organizations' },
  { group: 'Referrals', icon: 'referrals' },
  { group: 'Network', icon: 'network' },
  { group: 'Routes', icon: 'routes' },
  { group: 'Goals', icon: 'goals' },
  { group: 'Admin', icon: 'admin' },
];

export type AppRoute = {
  /** React Router path, e.g. '/providers' or '/providers/:npi'. */
  path: string;
  label: string;
  icon: IconName;
  roles: readonly Role[];
  element: ReactNode;
  /** Listed in the navigation (list pages: yes; detail pages like /providers/:npi: no). */
  nav: boolean;
  group?: NavGroup;
};

export const ALL: readonly Role[] = ['admin', 'manager', 'liaison', 'analyst'];
export const STAFF: readonly Role[] = ['admin', 'manager', 'liaison'];
export const MANAGERS: readonly Role[] = ['admin', 'manager'];
export const ADMIN: readonly Role[] = ['admin'];

/**
 * Where "/" takes a role. An administrator's work is the Admin area (users, imports, audit); a role
 * not listed starts at the first page of its navigation (a liaison's or manager's Today).
 */
export const HOME: Partial<Record<Role, string>> = { admin: '/admin/users' };

const Users = lazy(() => import('../pages/Admin/Users'));
const ImportJobs = lazy(() => import('../pages/Admin/ImportJobs'));
const DataPage = lazy(() => import('../pages/Admin/Data/DataPage'));
const OrganizationProfilePage = lazy(() => import('../pages/Organizations/OrganizationProfile'));
const OrganizationsList = lazy(() => import('../pages/Organizations/OrganizationsList'));
const AuditPage = lazy(() => import('../pages/Admin/Audit'));
const TokensPage = lazy(() => import('../pages/Admin/Tokens'));
const SessionsPage = lazy(() => import('../pages/Admin/Sessions'));
const BackupsPage = lazy(() => import('../pages/Admin/Backups'));
const Account = lazy(() => import('../pages/Account'));
const RoutePlanner = lazy(() => import('../pages/Routes'));
const NetworkPage = lazy(() => import('../pages/Network/NetworkPage'));
const ProviderNetwork = lazy(() => import('../pages/Network/ProviderNetwork'));
const TargetsPage = lazy(() => import('../pages/Network/TargetsPage'));
const TargetListPage = lazy(() => import('../pages/Network/TargetListPage'));
const ActivitiesPage = lazy(() => import('../pages/Activities/ActivitiesPage'));
const TasksPage = lazy(() => import('../pages/Tasks/TasksPage'));
const IssuesPage = lazy(() => import('../pages/Issues/IssuesPage'));
const ContactsPage = lazy(() => import('../pages/Contacts/ContactsPage'));
const TerritoriesPage = lazy(() => import('../pages/Territories/TerritoriesPage'));
const ProvidersList = lazy(() => import('../pages/Providers/List'));
const ProviderProfilePage = lazy(() => import('../pages/Providers/Profile'));
const MarketPage = lazy(() => import('../pages/Market/MarketPage'));
const ReferralBasePage = lazy(() => import('../pages/Market/ReferralBasePage'));
const FieldToday = lazy(() => import('../pages/Field/Today'));
const FieldLogVisit = lazy(() => import('../pages/Field/LogVisit'));
const FieldTasks = lazy(() => import('../pages/Field/Tasks'));
const FieldAlerts = lazy(() => import('../pages/Field/Alerts'));
const FieldProviderCard = lazy(() => import('../pages/Field/ProviderCard'));
const FieldOutbox = lazy(() => import('../pages/Field/Outbox'));
// The dashboards' code is also fetched at start when the app opens on one (see preloadStartPage),
// together with their chart library: started from the page's module it waited for the page's code to
// arrive first, and on a cold Team visit ECharts then came in after the data.
const DASHBOARDS: Record<string, () => Promise<{ default: () => ReactNode }>> = {
  '/today': () => import('../pages/Today'),
  '/team': () => {
    preloadCharts();
    return import('../pages/Team');
  },
  '/executive': () => {
    preloadCharts();
    return import('../pages/Executive');
  },
  '/goals': () => {
    preloadCharts();
    return import('../pages/Goals');
  },
};
const TodayPage = lazy(DASHBOARDS['/today']!);
const TeamPage = lazy(DASHBOARDS['/team']!);
const ExecutivePage = lazy(DASHBOARDS['/executive']!);
const GoalsPage = lazy(DASHBOARDS['/goals']!);

/**
 * Opened directly on a dashboard (a bookmark, a reload), the app would load in steps: its code, who is
 * signed in, the page's code, its data, its chart library. The page's code (which starts its chart
 * library) and its data are fetched while the session is checked instead.
 */
export function preloadStartPage(location: Location, queryClient: QueryClient) {
  const code = DASHBOARDS[location.pathname];
  if (!code) return;
  void code().catch(() => {});
  // Its data too, under the keys the page's hooks use (a signed-out visitor gets a 401 and is sent to
  // sign in, as the page itself would).
  const search = new URLSearchParams(location.search);
  const d = DASHBOARD_DEFAULTS;
  const queries: Record<string, { queryKey: unknown[]; queryFn: () => Promise<unknown> }[]> = {
    '/today': [
      dashboardQueries.today(search.get('date') ?? isoToday(), Number(search.get('liaisonId')) || undefined),
    ],
    '/team': [dashboardQueries.team(d.teamWeeks)],
    '/executive': [dashboardQueries.executive(d.executiveMonths, '')],
    '/goals': [dashboardQueries.goals(isoToday()), dashboardQueries.returnOnVisit(d.rovBy, d.rovWindow)],
  };
  for (const q of queries[location.pathname] ?? []) void queryClient.prefetchQuery(q);
}

export const routes: AppRoute[] = [
  {
    path: '/admin/users',
    label: 'Users',
    icon: 'users',
    roles: ADMIN,
    element: <Users />,
    nav: true,
    group: 'Admin',
  },
  {
    path: '/admin/data',
    label: 'Data',
    icon: 'database',
    roles: ADMIN,
    element: <DataPage />,
    nav: true,
    group: 'Admin',
  },
  {
    path: '/organizations',
    label: 'Organizations',
    icon: 'organizations',
    roles: ALL,
    element: <OrganizationsList />,
    nav: true,
    group: 'Organizations',
  },
  {
    path: '/organizations/:id',
    label: 'Organization',
    icon: 'organizations',
    roles: ALL,
    element: <OrganizationProfilePage />,
    nav: false,
  },
  {
    path: '/admin/imports',
    label: 'Import jobs',
    icon: 'import',
    roles: ADMIN,
    element: <ImportJobs />,
    nav: true,
    group: 'Admin',
  },
  {
    path: '/admin/audit',
    label: 'Audit',
    icon: 'lock',
    roles: ADMIN,
    element: <AuditPage />,
    nav: true,
    group: 'Admin',
  },
  {
    path: '/admin/tokens',
    label: 'API tokens',
    icon: 'key',
    roles: ADMIN,
    element: <TokensPage />,
    nav: true,
    group: 'Admin',
  },
  {
    path: '/admin/sessions',
    label: 'Sessions',
    icon: 'user',
    roles: ADMIN,
    element: <SessionsPage />,
    nav: true,
    group: 'Admin',
  },
  {
    path: '/admin/backups',
    label: 'Backups',
    icon: 'database',
    roles: ADMIN,
    element: <BackupsPage />,
    nav: true,
    group: 'Admin',
  },
  {
    path: '/routes',
    label: 'Route planner',
    icon: 'routes',
    roles: STAFF,
    element: <RoutePlanner />,
    nav: true,
    group: 'Routes',
  },
  { path: '/account', label: 'Your account', icon: 'user', roles: ALL, element: <Account />, nav: false },
  {
    path: '/network',
    label: 'Network',
    icon: 'network',
    roles: ALL,
    element: <NetworkPage />,
    nav: true,
    group: 'Network',
  },
  {
    path: '/targets',
    label: 'Targets',
    icon: 'arrowUp',
    roles: ALL,
    element: <TargetsPage />,
    nav: true,
    group: 'Network',
  },
  {
    path: '/targets/lists/:id',
    label: 'Target list',
    icon: 'arrowUp',
    roles: ALL,
    element: <TargetListPage />,
    nav: false,
  },
  {
    path: '/network/provider/:npi',
    label: 'Provider network',
    icon: 'network',
    roles: ALL,
    element: <ProviderNetwork />,
    nav: false,
  },
  // field app (phone, offline-first): first under Today so the phone's Today tab opens it
  {
    path: '/field',
    label: 'Field',
    icon: 'today',
    roles: STAFF,
    element: <FieldToday />,
    nav: true,
    group: 'Today',
  },
  {
    path: '/field/log',
    label: 'Log visit',
    icon: 'plus',
    roles: STAFF,
    element: <FieldLogVisit />,
    nav: false,
  },
  {
    path: '/field/tasks',
    label: 'Field tasks',
    icon: 'check',
    roles: STAFF,
    element: <FieldTasks />,
    nav: false,
  },
  {
    path: '/field/alerts',
    label: 'Field alerts',
    icon: 'alert',
    roles: STAFF,
    element: <FieldAlerts />,
    nav: false,
  },
  {
    path: '/field/provider/:npi',
    label: 'Provider card',
    icon: 'providers',
    roles: STAFF,
    element: <FieldProviderCard />,
    nav: false,
  },
  {
    path: '/field/outbox',
    label: 'Unsynced',
    icon: 'refresh',
    roles: STAFF,
    element: <FieldOutbox />,
    nav: false,
  },
  // relationship management (CRM)
  {
    path: '/activities',
    label: 'Activities',
    icon: 'today',
    roles: ALL,
    element: <ActivitiesPage />,
    nav: true,
    group: 'Today',
  },
  {
    path: '/tasks',
    label: 'Tasks',
    icon: 'check',
    roles: ALL,
    element: <TasksPage />,
    nav: true,
    group: 'Today',
  },
  {
    path: '/issues',
    label: 'Physician issues',
    icon: 'alert',
    roles: ALL,
    element: <IssuesPage />,
    nav: true,
    group: 'Today',
  },
  {
    path: '/contacts',
    label: 'Contacts',
    icon: 'users',
    roles: ALL,
    element: <ContactsPage />,
    nav: true,
    group: 'Organizations',
  },
  {
    path: '/providers',
    label: 'Providers',
    icon: 'providers',
    roles: ALL,
    element: <ProvidersList />,
    nav: true,
    group: 'Providers',
  },
  {
    path: '/providers/:npi',
    label: 'Provider',
    icon: 'providers',
    roles: ALL,
    element: <ProviderProfilePage />,
    nav: false,
  },
  {
    path: '/territories',
    label: 'Territories',
    icon: 'routes',
    roles: ALL,
    element: <TerritoriesPage />,
    nav: true,
    group: 'Providers',
  },
  // referral analytics
  {
    path: '/referrals',
    label: 'Market',
    icon: 'referrals',
    roles: ALL,
    element: <MarketPage />,
    nav: true,
    group: 'Referrals',
  },
  {
    path: '/referrals/base/:npi',
    label: 'Referral base',
    icon: 'referrals',
    roles: ALL,
    element: <ReferralBasePage />,
    nav: false,
  },
  // goals and dashboards
  {
    path: '/today',
    label: 'My day',
    icon: 'today',
    roles: STAFF,
    element: <TodayPage />,
    nav: true,
    group: 'Today',
  },
  {
    path: '/team',
    label: 'Team',
    icon: 'users',
    roles: [...MANAGERS, 'analyst'],
    element: <TeamPage />,
    nav: true,
    group: 'Goals',
  },
  {
    path: '/executive',
    label: 'Market overview',
    icon: 'referrals',
    roles: ALL,
    element: <ExecutivePage />,
    nav: true,
    group: 'Referrals',
  },
  {
    path: '/goals',
    label: 'Goals',
    icon: 'goals',
    roles: ALL,
    element: <GoalsPage />,
    nav: true,
    group: 'Goals',
  },
];
