// Table pieces the CRM lists share: a work item's title with who it concerns (tasks, issues), the
// owner column, and the "whose" filter the list endpoints take as `scope`.
import type { Column } from '../../ui';

type WorkItem = { title: string; provider_name: string | null; organization_name: string | null };

/** The title, with the provider and organization it concerns underneath. */
export function titleColumn<T extends WorkItem>(header: string): Column<T> {
  return {
    id: 'title',
    header,
    sortValue: (r) => r.title,
    cell: (r) => (
      <div>
        <div className="cell-main">{r.title}</div>
        <div className="cell-sub">{[r.provider_name, r.organization_name].filter(Boolean).join(' · ')}</div>
      </div>
    ),
  };
}

export function ownerColumn<T extends { owner_name: string | null }>(header = 'Owner'): Column<T> {
  return {
    id: 'owner',
    header,
    hideOnPhone: true,
    sortValue: (r) => r.owner_name,
    cell: (r) => r.owner_name ?? '',
  };
}

export const SCOPE_OPTIONS = [
  { value: '', label: 'Default (mine / my team)' },
  { value: 'mine', label: 'Mine' },
  { value: 'team', label: 'My team' },
  { value: 'all', label: 'Everyone' },
];
