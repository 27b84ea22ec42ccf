// Sub-navigation between the Admin pages (all Admin-group routes in routes.tsx).

import { useMe } from '../../api/hooks';
import type { Me } from '../../api/types';
import { groupRoutes } from '../../app/nav';
import { NavTabs } from '../../ui';

export function AdminTabs() {
  const me = useMe().data as Me;
  const tabs = groupRoutes('Admin', me.role).map((r) => ({ to: r.path, label: r.label }));
  // The rail lists these pages on desktop; on a phone (bottom tabs) this is the way between them.
  return tabs.length > 1 ? (
    <div className="phone-only">
      <NavTabs tabs={tabs} label="Admin pages" />
    </div>
  ) : null;
}
