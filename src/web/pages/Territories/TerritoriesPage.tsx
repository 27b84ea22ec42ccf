// Territories: sets of ZIP codes and counties assigned to liaisons. Managers edit; everyone sees.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { useMe } from '../../api/hooks';
import { type Column, DataTable, EmptyState, Page, SkeletonRows } from '../../ui';
import { ExportButtons } from '../Activities/ExportButtons';
import { type Territory, TerritoryEditor } from './TerritoryEditor';
import '../Activities/crm.css';

export default function TerritoriesPage() {
  const me = useMe().data;
  const [mine, setMine] = useState(me?.role === 'liaison');
  const [editing, setEditing] = useState<Territory | 'new' | null>(null);
  const list = useQuery({
    queryKey: ['territories', mine],
    queryFn: () =>
      api<{ items: Territory[] }>('/api/territories', { query: { mine: mine ? 'true' : undefined } }),
  });
  const canEdit = me?.role === 'admin' || me?.role === 'manager';
  const columns: Column<Territory>[] = [
    {
      id: 'name',
      header: 'Territory',
      sortValue: (t) => t.name,
      cell: (t) => <span className="cell-main">{t.name}</span>,
    },
    {
      id: 'who',
      header: 'Assigned to',
      cell: (t) => t.assignees.map((a) => a.name).join(', ') || <span className="muted">nobody</span>,
    },
    {
      id: 'zips',
      header: 'ZIPs',
      align: 'right',
      sortValue: (t) => t.zips.length,
      cell: (t) => (
        <span className="num" title={t.zips.join(', ')}>
          {t.zips.length}
        </span>
      ),
    },
    {
      id: 'counties',
      header: 'Counties',
      align: 'right',
      sortValue: (t) => t.counties.length,
      cell: (t) => (
        <span className="num" title={t.counties.join(', ')}>
          {t.counties.length}
        </span>
      ),
    },
  ];
  return (
    <Page
      title="Territories"
      subtitle="A provider is in a territory when their practice ZIP or county is listed"
      actions={
        <>
          <ExportButtons list="territories" />
          {canEdit ? (
            <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
              New territory
            </button>
          ) : null}
        </>
      }
    >
      <label className="checkbox">
        <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} /> Only mine
      </label>
      {list.isLoading ? (
        <SkeletonRows rows={5} />
      ) : (
        <DataTable
          label="Territories"
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(t) => t.id}
          onRowClick={canEdit ? setEditing : undefined}
          empty={
            <EmptyState icon="routes" title="No territories yet">
              {canEdit
                ? 'Create one by picking ZIP codes and counties.'
                : 'Your manager assigns territories.'}
            </EmptyState>
          }
        />
      )}
      {editing ? (
        <TerritoryEditor territory={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </Page>
  );
}
