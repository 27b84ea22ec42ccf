// Admin → Import jobs: every data load (public files and customer extracts) with row counts,
// rejected rows and the data date it brought in; running jobs refresh on their own.
import { useState } from 'react';
import { useImportJobs } from '../../api/hooks';
import type { ImportJob } from '../../api/types';
import { useFocusParam } from '../../app/focusParam';
import {
  type Column,
  DataTable,
  EmptyState,
  formatDate,
  formatDateTime,
  formatNumber,
  Page,
  relativeTime,
  SkeletonRows,
} from '../../ui';
import { AdminTabs } from './AdminTabs';
import { ImportJobDrawer } from './ImportJobDrawer';
import { COUNT_FIELDS, duration, JobStatus } from './importFormat';

const countColumns: Column<ImportJob>[] = COUNT_FIELDS.map(([k, label]) => ({
  id: k,
  header: label,
  align: 'right' as const,
  hideOnPhone: k !== 'rows_rejected',
  defaultHidden: k === 'rows_unchanged' || k === 'rows_deactivated',
  sortValue: (j: ImportJob) => j[k],
  cell: (j: ImportJob) => (
    <span
      className="num"
      style={k === 'rows_rejected' && j[k] > 0 ? { color: 'var(--danger)', fontWeight: 600 } : undefined}
    >
      {formatNumber(j[k])}
    </span>
  ),
}));

export const importJobColumns: Column<ImportJob>[] = [
  {
    id: 'id',
    header: '#',
    align: 'right',
    width: 56,
    hideOnPhone: true,
    sortValue: (j) => j.id,
    cell: (j) => <span className="num muted">{j.id}</span>,
  },
  {
    id: 'kind',
    header: 'Import',
    alwaysVisible: true,
    sortValue: (j) => j.kind,
    cell: (j) => (
      <div>
        <div className="cell-main">{j.kind}</div>
        <div className="cell-sub" title={j.file_name}>
          {j.file_name}
        </div>
      </div>
    ),
  },
  {
    id: 'status',
    header: 'Status',
    sortValue: (j) => j.status,
    cell: (j) => <JobStatus status={j.status} />,
  },
  {
    id: 'started',
    header: 'Started',
    sortValue: (j) => j.started_at,
    cell: (j) => <span title={formatDateTime(j.started_at)}>{relativeTime(j.started_at)}</span>,
  },
  {
    id: 'duration',
    header: 'Duration',
    align: 'right',
    hideOnPhone: true,
    cell: (j) => <span className="num">{duration(j)}</span>,
  },
  ...countColumns,
  {
    id: 'data_date',
    header: 'Data date',
    hideOnPhone: true,
    sortValue: (j) => j.data_date,
    cell: (j) => formatDate(j.data_date),
  },
];

export default function ImportJobs() {
  const jobs = useImportJobs();
  // /admin/imports?job=12 (the "import finished" notification) opens that job
  const [focusId, clearFocus] = useFocusParam('job');
  const [openId, setOpenId] = useState<number | null>(null);
  const running = jobs.data?.filter((j) => j.status === 'running').length ?? 0;
  return (
    <Page
      title="Import jobs"
      subtitle={
        jobs.data
          ? `${jobs.data.length} recorded${running ? ` · ${running} running (refreshing every 3 s)` : ''}`
          : 'Data loads and their results'
      }
    >
      <AdminTabs />
      {jobs.isPending ? (
        <SkeletonRows columns={6} />
      ) : jobs.isError ? (
        <EmptyState
          icon="alert"
          title="Import jobs could not be loaded"
          action={
            <button type="button" className="btn" onClick={() => jobs.refetch()}>
              Try again
            </button>
          }
        >
          {jobs.error.message}
        </EmptyState>
      ) : jobs.data.length === 0 ? (
        <div className="dt-wrap">
          <EmptyState icon="import" title="No imports yet">
            Imports started from the command line (run <span className="mono">rounds --help</span> to list the
            import commands) appear here with row counts, rejected lines and the data date they bring in.
          </EmptyState>
        </div>
      ) : (
        <DataTable
          label="Import jobs"
          columns={importJobColumns}
          rows={jobs.data}
          rowKey={(j) => j.id}
          onRowClick={(j) => setOpenId(j.id)}
          selectedKey={openId}
          initialSort={{ id: 'id', dir: 'desc' }}
          chooserKey="admin-import-jobs"
          rowHeight={52}
        />
      )}
      <ImportJobDrawer
        id={openId ?? focusId}
        onClose={() => {
          setOpenId(null);
          if (focusId !== null) clearFocus();
        }}
      />
    </Page>
  );
}
