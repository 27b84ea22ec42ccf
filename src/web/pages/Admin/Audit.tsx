// Admin → Audit: the tamper-evident trail — filter by who, what and when, page back in time,
// download the matching rows (the download is audited too), and check the hash chain.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, withQuery } from '../../api/client';
import {
  Chip,
  type Column,
  DataTable,
  EmptyState,
  formatDateTime,
  Icon,
  MoreButton,
  Page,
  SkeletonRows,
  TextField,
} from '../../ui';
import { AdminTabs } from './AdminTabs';

type AuditRow = {
  id: number;
  at: string;
  actor_label: string;
  action: string;
  entity: string | null;
  entity_id: string | null;
  ip: string | null;
  detail: unknown;
};
type AuditPage = { items: AuditRow[]; nextCursor: number | null };
type Verify = { ok: boolean; rows: number; head: string; brokenAt?: number; reason?: string };
type Filters = { actor: string; action: string; entity: string; from: string; to: string };

const columns: Column<AuditRow>[] = [
  {
    id: 'id',
    header: '#',
    align: 'right',
    width: 64,
    hideOnPhone: true,
    cell: (r) => <span className="num muted">{r.id}</span>,
  },
  { id: 'at', header: 'When', sortValue: (r) => r.at, cell: (r) => formatDateTime(r.at) },
  {
    id: 'actor',
    header: 'Who',
    alwaysVisible: true,
    sortValue: (r) => r.actor_label,
    cell: (r) => r.actor_label,
  },
  {
    id: 'action',
    header: 'Action',
    sortValue: (r) => r.action,
    cell: (r) => (
      <Chip tone={r.action.includes('fail') || r.action.startsWith('revoke') ? 'danger' : 'neutral'}>
        {r.action}
      </Chip>
    ),
  },
  {
    id: 'entity',
    header: 'Record',
    cell: (r) => (r.entity ? `${r.entity}${r.entity_id ? ` ${r.entity_id}` : ''}` : '—'),
  },
  { id: 'ip', header: 'From', hideOnPhone: true, cell: (r) => <span className="mono">{r.ip ?? '—'}</span> },
  {
    id: 'detail',
    header: 'Change',
    hideOnPhone: true,
    cell: (r) => (
      <span className="mono cell-sub" title={r.detail ? JSON.stringify(r.detail, null, 2) : ''}>
        {r.detail ? JSON.stringify(r.detail).slice(0, 120) : ''}
      </span>
    ),
  },
];

const toQuery = (f: Filters) => ({
  actor: f.actor.trim(),
  action: f.action.trim(),
  entity: f.entity.trim(),
  from: f.from,
  to: f.to ? new Date(new Date(f.to).getTime() + 86_400_000).toISOString().slice(0, 10) : '', // "to" day inclusive
});

function ChainStatus() {
  const v = useQuery({
    queryKey: ['audit', 'verify'],
    queryFn: () => api<Verify>('/api/audit/verify'),
    enabled: false,
  });
  return (
    <div className="row" style={{ gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
      <button type="button" className="btn" onClick={() => v.refetch()} disabled={v.isFetching}>
        <Icon name="lock" size={16} /> {v.isFetching ? 'Checking…' : 'Verify chain'}
      </button>
      {v.data ? (
        v.data.ok ? (
          <span role="status">
            <Chip tone="ok">intact</Chip> {v.data.rows} rows · head{' '}
            <span className="mono">{v.data.head.slice(0, 16)}…</span>
          </span>
        ) : (
          <span role="alert">
            <Chip tone="danger">broken at row {v.data.brokenAt}</Chip> {v.data.reason}
          </span>
        )
      ) : null}
    </div>
  );
}

export default function Audit() {
  const [draft, setDraft] = useState<Filters>({ actor: '', action: '', entity: '', from: '', to: '' });
  const [filters, setFilters] = useState(draft);
  const q = toQuery(filters);
  const pages = useInfiniteQuery({
    queryKey: ['audit', q],
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      api<AuditPage>('/api/audit', { query: { ...q, limit: 200, cursor: pageParam || undefined } }),
    getNextPageParam: (p) => p.nextCursor ?? undefined,
  });
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (k: keyof Filters) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value });
  return (
    <Page
      title="Audit trail"
      subtitle="Every change, export, import, sign-in and token use — append-only and hash-chained"
      actions={
        <>
          <a className="btn" href={withQuery('/api/audit/export', { ...q, format: 'csv' })} download>
            Export CSV
          </a>
          <a className="btn" href={withQuery('/api/audit/export', { ...q, format: 'jsonl' })} download>
            JSON Lines
          </a>
        </>
      }
    >
      <AdminTabs />
      <form
        className="row"
        style={{ gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <TextField
          label="Who"
          value={draft.actor}
          onChange={set('actor')}
          placeholder="e-mail, token:name or user id"
        />
        <TextField
          label="Action"
          value={draft.action}
          onChange={set('action')}
          placeholder="create, export, login_failed…"
        />
        <TextField
          label="Record type"
          value={draft.entity}
          onChange={set('entity')}
          placeholder="user, activity…"
        />
        <TextField label="From" type="date" value={draft.from} onChange={set('from')} />
        <TextField label="To" type="date" value={draft.to} onChange={set('to')} />
        <button type="submit" className="btn btn-primary">
          Filter
        </button>
      </form>
      <ChainStatus />
      {pages.isPending ? (
        <SkeletonRows columns={6} />
      ) : pages.isError ? (
        <EmptyState icon="alert" title="The audit trail could not be loaded">
          {pages.error.message}
        </EmptyState>
      ) : (
        <>
          <DataTable
            label="Audit entries"
            columns={columns}
            rows={rows}
            rowKey={(r) => r.id}
            chooserKey="admin-audit"
            empty={
              <EmptyState icon="info" title="No entries match">
                Clear a filter or widen the dates.
              </EmptyState>
            }
          />
          <MoreButton pages={pages} label="Older entries" />
        </>
      )}
    </Page>
  );
}
