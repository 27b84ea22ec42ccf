import type { ImportJob } from '../../api/types';
import { Chip } from '../../ui';

export function JobStatus({ status }: { status: ImportJob['status'] }) {
  if (status === 'succeeded')
    return (
      <Chip tone="ok" dot>
        Succeeded
      </Chip>
    );
  if (status === 'failed')
    return (
      <Chip tone="danger" dot>
        Failed
      </Chip>
    );
  return (
    <Chip tone="info" dot>
      Running
    </Chip>
  );
}

/** "42 s", "3 min 5 s", "1 h 2 min"; running jobs count up to now. */
export function duration(job: ImportJob, now = Date.now()): string {
  const end = job.finished_at ? new Date(job.finished_at).getTime() : now;
  const s = Math.max(0, Math.round((end - new Date(job.started_at).getTime()) / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

export const COUNT_FIELDS = [
  ['rows_read', 'Read'],
  ['rows_inserted', 'Inserted'],
  ['rows_updated', 'Updated'],
  ['rows_unchanged', 'Unchanged'],
  ['rows_deactivated', 'Deactivated'],
  ['rows_rejected', 'Rejected'],
] as const;
