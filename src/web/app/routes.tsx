// Every page of the app, in one list. To add a page: append an entry (lazy-import the page so it
// loads on demand). `nav: true` shows it in the left rail / bottom tabs under its `group`; groups
// are shown in NAV_GROUPS order, only when the signed-in role may open at least one page in them.
import { lazy, type ReactNode } from 'react';
import type { Role } from '../api/types';
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

const Users = lazy(() => import('../pages/Admin/Users'));
const ImportJobs = lazy(() => import('../pages/Admin/ImportJobs'));
const Account = lazy(() => import('../pages/Account'));

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
    path: '/admin/imports',
    label: 'Import jobs',
    icon: 'import',
    roles: ADMIN,
    element: <ImportJobs />,
    nav: true,
    group: 'Admin',
  },
  { path: '/account', label: 'Your account', icon: 'user', roles: ALL, element: <Account />, nav: false },
];
