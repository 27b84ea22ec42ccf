// Activities: who visited whom and when. Filters by type, scope and dates; export; log a visit.
import { useMemo, useState } from 'react';
import { useMe } from '../../api/hooks';
import { useCommands } from '../../app/palette/registry';
import {
  Chip,
  type Column,
  DataTable,
  EmptyState,
  formatDateTime,
  Page,
  SelectField,
  SkeletonRows,
  TextField,
} from '../../ui';
import { ACTIVITY_TYPES, type Activity, OUTCOME_LABEL, TYPE_LABEL, useActivities } from './crmApi';
import { ownerColumn, SCOPE_OPTIONS } from './crmColumns';
import { ExportButtons } from './ExportButtons';
import { LogVisitSheet } from './LogVisitSheet';
import './crm.css';

export default function ActivitiesPage() {
  const me = useMe().data;
  const [type, setType] = useState('');
  const [scope, setScope] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [q, setQ] = useState('');
  const [logging, setLogging] = useState(false);
  const query = {
    type: type || undefined,
    scope: scope || undefined,
    from: from || undefined,
    to: to || undefined,
    q: q.trim() || undefined,
    limit: 500,
  };
  const list = useActivities(query);
  const canLog = me?.role !== 'analyst';

  useCommands(
    useMemo(
      () =>
        canLog
          ? [
              {
                id: 'activities:log',
                label: 'Log visit here',
                group: 'Actions',
                perform: () => setLogging(true),
              },
            ]
          : [],
      [canLog],
    ),
  );

  const columns: Column<Activity>[] = [
    {
      id: 'when',
      header: 'When',
      sortValue: (a) => a.occurred_at,
      cell: (a) => (
        <div>
          <div className="cell-main">{formatDateTime(a.occurred_at)}</div>
          <div className="cell-sub show-phone">
            {TYPE_LABEL[a.type]} · {a.attendees.map((x) => x.name).join('; ')}
          </div>
        </div>
      ),
    },
    {
      id: 'type',
      header: 'Type',
      hideOnPhone: true,
      sortValue: (a) => a.type,
      cell: (a) => TYPE_LABEL[a.type],
    },
    {
      id: 'who',
      header: 'Attendees',
      hideOnPhone: true,
      cell: (a) => a.attendees.map((x) => x.name).join('; ') || <span className="muted">—</span>,
    },
    {
      id: 'org',
      header: 'Organization',
      hideOnPhone: true,
      sortValue: (a) => a.organization_name,
      cell: (a) => a.organization_name ?? '',
    },
    {
      id: 'outcome',
      header: 'Outcome',
      sortValue: (a) => a.outcome,
      cell: (a) =>
        a.outcome ? (
          <Chip tone={a.outcome === 'positive' ? 'ok' : a.outcome === 'concern' ? 'warn' : 'neutral'}>
            {OUTCOME_LABEL[a.outcome]}
          </Chip>
        ) : null,
    },
    ownerColumn('Logged by'),
    {
      id: 'notes',
      header: 'Notes',
      hideOnPhone: true,
      cell: (a) => <span title={a.notes}>{a.notes.slice(0, 90)}</span>,
    },
  ];

  return (
    <Page
      title="Activities"
      subtitle="Visits, drop-ins, lunch-and-learns, calls, e-mails, events and virtual meetings"
      actions={
        <>
          <ExportButtons list="activities" query={query} />
          {canLog ? (
            <button type="button" className="btn btn-primary" onClick={() => setLogging(true)}>
              Log visit
            </button>
          ) : null}
        </>
      }
    >
      <div className="row" style={{ gap: 'var(--sp-3)', flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <SelectField
          label="Type"
          value={type}
          onChange={(e) => setType(e.target.value)}
          options={[
            { value: '', label: 'All types' },
            ...ACTIVITY_TYPES.map(([value, label]) => ({ value, label })),
          ]}
        />
        <SelectField
          label="Whose"
          value={scope}
          onChange={(e) => setScope(e.target.value)}
          options={SCOPE_OPTIONS}
        />
        <TextField label="From" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label="Before" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <TextField
          label="Search notes"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="e.g. MRI wait"
        />
      </div>
      {list.isLoading ? (
        <SkeletonRows rows={8} />
      ) : (
        <DataTable
          label="Activities"
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(a) => a.id}
          initialSort={{ id: 'when', dir: 'desc' }}
          chooserKey="crm.activities"
          empty={
            <EmptyState
              icon="today"
              title="No activities here yet"
              action={
                canLog ? (
                  <button type="button" className="btn btn-primary" onClick={() => setLogging(true)}>
                    Log your first visit
                  </button>
                ) : undefined
              }
            >
              Log a visit after each office stop; filters above narrow the list.
            </EmptyState>
          }
        />
      )}
      {logging ? <LogVisitSheet open onClose={() => setLogging(false)} /> : null}
    </Page>
  );
}
