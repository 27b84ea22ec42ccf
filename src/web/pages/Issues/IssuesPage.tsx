// Physician issues: the aging view (unresolved issues by age), the list, and the resolve flow.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../api/client';
import { useMe } from '../../api/hooks';
import { useFocusParam } from '../../app/focusParam';
import {
  Chip,
  type Column,
  DataTable,
  EmptyState,
  formatDate,
  Page,
  SelectField,
  SkeletonRows,
  SourceNote,
} from '../../ui';
import { ownerColumn, titleColumn } from '../Activities/crmColumns';
import { ExportButtons } from '../Activities/ExportButtons';
import { type Issue, ReportIssueModal, ResolveIssueDrawer } from './IssueForms';
import '../Activities/crm.css';

type Aging = {
  today: string;
  buckets: Record<string, { count: number; ids: number[] }>;
  buckets_defined: { key: string; label: string }[];
};
const CATEGORIES = ['access', 'scheduling', 'communication', 'quality', 'billing'];

export default function IssuesPage() {
  const me = useMe().data;
  const [status, setStatus] = useState('open,in_progress');
  const [category, setCategory] = useState('');
  const [bucket, setBucket] = useState<string | null>(null);
  const [selected, setSelected] = useState<Issue | null>(null);
  // /issues?issue=12 (a notification's link) opens that issue, whatever the list's filters
  const [focusId, clearFocus] = useFocusParam('issue');
  const focus = useQuery({
    queryKey: ['issues', 'one', focusId],
    queryFn: () => api<Issue>(`/api/issues/${focusId}`),
    enabled: focusId !== null,
  });
  useEffect(() => {
    if (focus.data) setSelected(focus.data);
  }, [focus.data]);
  const [reporting, setReporting] = useState(false);
  const query = {
    status: bucket ? undefined : status || undefined,
    category: category || undefined,
    bucket: bucket ?? undefined,
    scope: 'all',
    limit: 1000,
  };
  const list = useQuery({
    queryKey: ['issues', query],
    queryFn: ({ signal }) => api<{ items: Issue[] }>('/api/issues', { query, signal }),
  });
  const aging = useQuery({
    queryKey: ['issues', 'aging', category],
    queryFn: () => api<Aging>('/api/issues/aging', { query: { category: category || undefined } }),
  });
  const columns: Column<Issue>[] = [
    titleColumn('Issue'),
    {
      id: 'category',
      header: 'Category',
      hideOnPhone: true,
      sortValue: (i) => i.category,
      cell: (i) => <Chip tone="neutral">{i.category}</Chip>,
    },
    {
      id: 'status',
      header: 'Status',
      sortValue: (i) => i.status,
      cell: (i) => (
        <Chip tone={i.status === 'resolved' ? 'ok' : i.status === 'in_progress' ? 'info' : 'warn'}>
          {i.status.replace('_', ' ')}
        </Chip>
      ),
    },
    {
      id: 'days',
      header: 'Days open',
      align: 'right',
      sortValue: (i) => i.days_open,
      cell: (i) => <span className="num">{i.days_open}</span>,
    },
    {
      id: 'opened',
      header: 'Opened',
      hideOnPhone: true,
      sortValue: (i) => i.opened_on,
      cell: (i) => formatDate(i.opened_on),
    },
    ownerColumn(),
  ];
  return (
    <Page
      title="Physician issues"
      subtitle="Concerns raised by physicians and offices, with owner, status and days open"
      actions={
        <>
          <ExportButtons list="issues" query={query} />
          {me?.role !== 'analyst' ? (
            <button type="button" className="btn btn-primary" onClick={() => setReporting(true)}>
              Report issue
            </button>
          ) : null}
        </>
      }
    >
      <section aria-label="Aging of unresolved issues">
        <div className="aging">
          {(aging.data?.buckets_defined ?? []).map((b) => (
            <button
              key={b.key}
              type="button"
              aria-pressed={bucket === b.key}
              onClick={() => setBucket(bucket === b.key ? null : b.key)}
            >
              <div className="n">{aging.data?.buckets[b.key]?.count ?? 0}</div>
              <div className="muted">open {b.label}</div>
            </button>
          ))}
        </div>
        <SourceNote
          source="Physician-issue log"
          dataDate={aging.data ? `as of ${formatDate(aging.data.today)}` : undefined}
        />
      </section>
      <div className="row" style={{ gap: 'var(--sp-3)', flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <SelectField
          label="Status"
          value={status}
          disabled={!!bucket}
          onChange={(e) => setStatus(e.target.value)}
          options={[
            { value: 'open,in_progress', label: 'Unresolved' },
            { value: 'resolved', label: 'Resolved' },
            { value: '', label: 'All' },
          ]}
        />
        <SelectField
          label="Category"
          value={category}
          onChange={(e) => setCategory(e.target.value)}
          options={[
            { value: '', label: 'All categories' },
            ...CATEGORIES.map((c) => ({ value: c, label: c })),
          ]}
        />
        {bucket ? (
          <button type="button" className="btn btn-ghost" onClick={() => setBucket(null)}>
            Clear age filter
          </button>
        ) : null}
      </div>
      {list.isLoading ? (
        <SkeletonRows rows={8} />
      ) : (
        <DataTable
          label="Physician issues"
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(i) => i.id}
          onRowClick={setSelected}
          initialSort={{ id: 'days', dir: 'desc' }}
          empty={
            <EmptyState icon="today" title="No issues match">
              Report an issue when a physician or office raises a concern.
            </EmptyState>
          }
        />
      )}
      {focus.error ? (
        <p className="muted" role="status">
          Issue {focusId} cannot be opened: {errorMessage(focus.error)}
        </p>
      ) : null}
      {selected ? (
        <ResolveIssueDrawer
          issue={selected}
          onClose={() => {
            setSelected(null);
            if (focusId !== null) clearFocus();
          }}
          readOnly={me?.role === 'analyst'}
        />
      ) : null}
      {reporting ? <ReportIssueModal onClose={() => setReporting(false)} /> : null}
    </Page>
  );
}
