// Derives the navigation a role sees from routes.tsx.
import type { Role } from '../api/types';
import type { IconName } from '../ui/icons';
import { type AppRoute, HOME, NAV_GROUPS, type NavGroup, routes } from './routes';

export type NavSection = { group: NavGroup; icon: IconName; items: AppRoute[] };

export function navFor(role: Role): NavSection[] {
  return NAV_GROUPS.map(({ group, icon }) => ({
    group,
    icon,
    items: routes.filter((r) => r.nav && r.group === group && r.roles.includes(role)),
  })).filter((s) => s.items.length > 0);
}

/** Where "/" goes: the role's declared home (routes.tsx), else its first navigation page, else the account page. */
export function homePath(role: Role): string {
  return HOME[role] ?? navFor(role)[0]?.items[0]?.path ?? '/account';
}

export function groupRoutes(group: NavGroup, role: Role): AppRoute[] {
  return routes.filter((r) => r.nav && r.group === group && r.roles.includes(role));
}

/** Is `pathname` inside this route (exact or a child path)? */
export const isWithin = (pathname: string, path: string) =>
  pathname === path || pathname.startsWith(`${path.replace(/\/:.*$/, '')}/`);
