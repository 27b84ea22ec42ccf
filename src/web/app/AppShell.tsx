// The frame around every signed-in page: left rail (desktop) or bottom tabs (phone < 700 px),
// top bar with search, demo badge, theme and user menu, and the command palette.
import { Suspense, useCallback, useMemo, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useMe, useSystemInfo } from '../api/hooks';
import type { Me } from '../api/types';
import { SyncStatus } from '../pages/Field/SyncStatus';
import { Icon, SkeletonRows } from '../ui';
import { Drawer } from '../ui/Modal';
import { DemoBadge } from './DemoBadge';
import { NotificationBell } from './NotificationBell';
import { isWithin, type NavSection, navFor } from './nav';
import { CommandPalette, usePaletteShortcut } from './palette/CommandPalette';
import './palette/directorySearch';
import './palette/globalActions';
import type { PaletteItem } from './palette/registry';
import { ThemeToggle, UserMenu } from './UserMenu';

const MAX_TABS = 5;

function Brand({ className }: { className: string }) {
  return (
    <Link to="/" className={`brand ${className}`} aria-label="Rounds home">
      <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="var(--accent)" />
        <circle cx="16" cy="16" r="8.5" fill="none" stroke="var(--on-accent)" strokeWidth="3" />
        <circle cx="16" cy="7.5" r="3" fill="var(--on-accent)" />
      </svg>
      <span>Rounds</span>
    </Link>
  );
}

function Rail({ sections }: { sections: NavSection[] }) {
  const info = useSystemInfo();
  return (
    <nav className="rail" aria-label="Main">
      <Brand className="" />
      {sections.map((s) =>
        s.items.length === 1 && s.items[0]!.label === s.group ? (
          <NavLink key={s.group} to={s.items[0]!.path} className="nav-link">
            <Icon name={s.icon} /> {s.group}
          </NavLink>
        ) : (
          <div key={s.group}>
            <div className="rail-group">{s.group}</div>
            {s.items.map((r) => (
              <NavLink key={r.path} to={r.path} className="nav-link">
                <Icon name={r.icon} /> {r.label}
              </NavLink>
            ))}
          </div>
        ),
      )}
      <div className="rail-foot">
        {info.data
          ? `Rounds ${info.data.version} · ${info.data.database === 'pglite' ? 'embedded database' : 'PostgreSQL'}`
          : null}
      </div>
    </nav>
  );
}

function TabBar({ sections }: { sections: NavSection[] }) {
  const { pathname } = useLocation();
  const [more, setMore] = useState(false);
  const overflow = sections.length > MAX_TABS;
  const tabs = overflow ? sections.slice(0, MAX_TABS - 1) : sections;
  const rest = overflow ? sections.slice(MAX_TABS - 1) : [];
  const current = (s: NavSection) => s.items.some((r) => isWithin(pathname, r.path));
  return (
    <nav className="tabbar" aria-label="Main">
      {tabs.map((s) => (
        <Link
          key={s.group}
          to={s.items[0]!.path}
          className="tab"
          aria-current={current(s) ? 'page' : undefined}
        >
          <Icon name={s.icon} size={22} />
          <span>{s.group}</span>
        </Link>
      ))}
      {overflow ? (
        <button
          type="button"
          className="tab"
          aria-current={rest.some(current) ? 'page' : undefined}
          onClick={() => setMore(true)}
        >
          <Icon name="more" size={22} />
          <span>More</span>
        </button>
      ) : null}
      <Drawer open={more} onClose={() => setMore(false)} title="More">
        {rest.flatMap((s) =>
          s.items.map((r) => (
            <Link key={r.path} to={r.path} className="menu-item" onClick={() => setMore(false)}>
              <Icon name={r.icon} /> {s.group === r.label ? r.label : `${s.group} · ${r.label}`}
            </Link>
          )),
        )}
      </Drawer>
    </nav>
  );
}

export function AppShell() {
  const me = useMe().data as Me;
  const sections = useMemo(() => navFor(me.role), [me.role]);
  const [palette, setPalette] = useState(false);
  const openPalette = useCallback(() => setPalette(true), []);
  usePaletteShortcut(openPalette);
  const navItems = useMemo<PaletteItem[]>(
    () =>
      sections
        .flatMap((s) =>
          s.items.map(
            (r): PaletteItem => ({
              id: `nav:${r.path}`,
              label: s.group === r.label ? r.label : `${s.group} › ${r.label}`,
              group: 'Go to',
              icon: r.icon,
              perform: ({ navigate }) => navigate(r.path),
            }),
          ),
        )
        .concat({
          id: 'nav:/account',
          label: 'Your account',
          group: 'Go to',
          icon: 'user',
          perform: ({ navigate }) => navigate('/account'),
        } satisfies PaletteItem),
    [sections],
  );
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Rail sections={sections} />
      <header className="topbar">
        <Brand className="brand-mobile" />
        <button
          type="button"
          className="search-trigger"
          onClick={openPalette}
          aria-label="Search or jump to (⌘K)"
        >
          <Icon name="search" size={16} />
          <span className="label">Search or jump to…</span>
          <span className="kbd">⌘K</span>
        </button>
        <span className="spacer" />
        <SyncStatus />
        <DemoBadge />
        <ThemeToggle />
        <NotificationBell />
        <UserMenu me={me} />
      </header>
      <main className="main" id="main">
        <Suspense
          fallback={
            <div className="page">
              <SkeletonRows />
            </div>
          }
        >
          <Outlet />
        </Suspense>
      </main>
      <TabBar sections={sections} />
      <CommandPalette open={palette} onClose={() => setPalette(false)} baseItems={navItems} role={me.role} />
    </div>
  );
}
