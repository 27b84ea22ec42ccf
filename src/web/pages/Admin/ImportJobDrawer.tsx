// One import job: what was read and written, the message, and every rejected row with its line.
import { useImportJob } from '../../api/hooks';
import {
  type Column,
  DataTable,
  Drawer,
  EmptyState,
  formatDate,
  formatDateTime,
  formatNumber,
  Skeleton,
} from '../../ui';
import { COUNT_FIELDS, duration, JobStatus } from './importFormat';

type RowError = { line: number; field?: string; reason: string };

const errorColumns: Column<RowError>[] = [
  {
    id: 'line',
    header: 'Line',
    align: 'right',
    width: 72,
    sortValue: (e) => e.line,
    cell: (e) => formatNumber(e.line),
  },
  {
    id: 'field',
    header: 'Field',
    sortValue: (e) => e.field ?? '',
    cell: (e) => (e.field ? <span className="mono">{e.field}</span> : '—'),
  },
  { id: 'reason', header: 'Reason', cell: (e) => <span title={e.reason}>{e.reason}</span> },
];

export function ImportJobDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const job = useImportJob(id);
  const j = job.data;
  const errors = Array.isArray(j?.errors) ? j.errors : [];
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={j ? `Import #${j.id} · ${j.kind}` : `Import #${id ?? ''}`}
    >
      {job.isPending ? (
        <div className="stack">
          <Skeleton height={18} width="60%" />
          <Skeleton height={120} />
        </div>
      ) : job.isError ? (
        <EmptyState icon="alert" title="Could not load this import">
          {job.error.message}
        </EmptyState>
      ) : j ? (
        <div className="stack" style={{ gap: 20 }}>
          <dl className="props">
            <dt>File</dt>
            <dd className="mono" style={{ wordBreak: 'break-all' }}>
              {j.file_name}
            </dd>
            <dt>Status</dt>
            <dd>
              <JobStatus status={j.status} />
            </dd>
            <dt>Started</dt>
            <dd>
              {formatDateTime(j.started_at)}
              {j.started_by ? ` by ${j.started_by}` : ''}
            </dd>
            <dt>Duration</dt>
            <dd>{duration(j)}</dd>
            <dt>Data date</dt>
            <dd>{formatDate(j.data_date)}</dd>
          </dl>
          {j.message ? (
            <div className={`callout ${j.status === 'failed' ? 'callout-danger' : 'callout-info'}`}>
              {j.message}
            </div>
          ) : null}
          <div className="kpis" style={{ gridTemplateColumns: 'repeat(3, 1fr)' }}>
            {COUNT_FIELDS.map(([k, label]) => (
              <div key={k} className="card kpi">
                <div className="kpi-label">{label}</div>
                <div
                  className="kpi-value"
                  style={{
                    fontSize: '1.15rem',
                    color: k === 'rows_rejected' && j[k] > 0 ? 'var(--danger)' : undefined,
                  }}
                >
                  {formatNumber(j[k])}
                </div>
              </div>
            ))}
          </div>
          <section aria-labelledby="rej-h" className="stack" style={{ gap: 8 }}>
            <h3 id="rej-h" style={{ fontSize: 'var(--fs-md)' }}>
              Rejected rows{' '}
              {errors.length
                ? `(${formatNumber(errors.length)}${errors.length < j.rows_rejected ? ` of ${formatNumber(j.rows_rejected)} recorded` : ''})`
                : ''}
            </h3>
            {errors.length ? (
              <DataTable
                label="Rejected rows"
                columns={errorColumns}
                rows={errors}
                rowKey={(e) => `${e.line}:${e.field ?? ''}:${e.reason}`}
                rowHeight={36}
                maxHeight="50dvh"
                initialSort={{ id: 'line', dir: 'asc' }}
              />
            ) : (
              <p className="muted">No rows were rejected.</p>
            )}
          </section>
        </div>
      ) : null}
    </Drawer>
  );
}
