// Admin → Backups: every backup taken (scheduled, command line, on demand) with its size and the
// audit-chain head it captured; "Back up now" runs inside the server (safe for PGlite).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import {
  Chip,
  type Column,
  DataTable,
  EmptyState,
  formatDateTime,
  formatNumber,
  Page,
  relativeTime,
  SkeletonRows,
  useToast,
} from '../../ui';
import { AdminTabs } from './AdminTabs';

type Run = {
  id: number;
  started_at: string;
  finished_at: string | null;
  status: 'running' | 'succeeded' | 'failed';
  trigger: string;
  file_name: string;
  bytes: number | null;
  audit_head: string | null;
  message: string | null;
};
type Backups = {
  items: Run[];
  schedule: { intervalHours: number; keep: number; dir: string; database: string };
};

const columns: Column<Run>[] = [
  {
    id: 'started',
    header: 'Started',
    alwaysVisible: true,
    sortValue: (r) => r.started_at,
    cell: (r) => <span title={formatDateTime(r.started_at)}>{relativeTime(r.started_at)}</span>,
  },
  {
    id: 'status',
    header: 'Status',
    sortValue: (r) => r.status,
    cell: (r) => (
      <Chip tone={r.status === 'succeeded' ? 'ok' : r.status === 'failed' ? 'danger' : 'info'}>
        {r.status}
      </Chip>
    ),
  },
  { id: 'trigger', header: 'How', hideOnPhone: true, cell: (r) => r.trigger },
  {
    id: 'file',
    header: 'File',
    cell: (r) => (
      <div>
        <div className="cell-main mono">{r.file_name.split('/').pop()}</div>
        {r.message ? <div className="cell-sub">{r.message}</div> : null}
      </div>
    ),
  },
  {
    id: 'size',
    header: 'Size',
    align: 'right',
    sortValue: (r) => r.bytes,
    cell: (r) =>
      r.bytes == null ? '—' : <span className="num">{formatNumber(Math.round(r.bytes / 1024))} KB</span>,
  },
  {
    id: 'head',
    header: 'Audit head',
    hideOnPhone: true,
    cell: (r) => (
      <span className="mono" title={r.audit_head ?? ''}>
        {r.audit_head?.slice(0, 12) ?? '—'}
      </span>
    ),
  },
];

export default function BackupsPage() {
  const qc = useQueryClient();
  const toast = useToast();
  const list = useQuery({ queryKey: ['backups'], queryFn: () => api<Backups>('/api/backups') });
  const now = useMutation({
    mutationFn: () => api<{ file: string; bytes: number }>('/api/backups', { method: 'POST' }),
    onSuccess: (r) =>
      toast({
        tone: 'ok',
        title: 'Backup written',
        detail: `${r.file} (${formatNumber(Math.round(r.bytes / 1024))} KB)`,
      }),
    onError: (e) => toast({ tone: 'danger', title: 'Backup failed', detail: (e as Error).message }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['backups'] }),
  });
  const s = list.data?.schedule;
  return (
    <Page
      title="Backups"
      subtitle={
        s
          ? s.intervalHours > 0
            ? `Every ${s.intervalHours} h into ${s.dir}, keeping the newest ${s.keep} (${s.database})`
            : `No schedule (set BACKUP_INTERVAL_HOURS); on-demand backups go to ${s.dir}`
          : 'Backups of the database'
      }
      actions={
        <button
          type="button"
          className="btn btn-primary"
          disabled={now.isPending}
          onClick={() => now.mutate()}
        >
          {now.isPending ? 'Backing up…' : 'Back up now'}
        </button>
      }
    >
      <AdminTabs />
      {list.isPending ? (
        <SkeletonRows columns={5} />
      ) : list.isError ? (
        <EmptyState icon="alert" title="Backups could not be loaded">
          {list.error.message}
        </EmptyState>
      ) : list.data.items.length === 0 ? (
        <div className="dt-wrap">
          <EmptyState icon="database" title="No backups yet">
            Take one now, set BACKUP_INTERVAL_HOURS for a schedule, or run{' '}
            <span className="mono">rounds backup &lt;file&gt;</span>. Restore with{' '}
            <span className="mono">rounds restore &lt;file&gt;</span> while the server is stopped.
          </EmptyState>
        </div>
      ) : (
        <DataTable
          label="Backups"
          columns={columns}
          rows={list.data.items}
          rowKey={(r) => r.id}
          initialSort={{ id: 'started', dir: 'desc' }}
        />
      )}
    </Page>
  );
}
