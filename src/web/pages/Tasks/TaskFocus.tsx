// The task a link asked for (/tasks?task=12, from a notification), above the list: what it is,
// about whom, when due, whose, and "Done" — whatever the list's filters show.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, errorMessage } from '../../api/client';
import { Chip, formatDate } from '../../ui';
import type { Task } from '../Activities/crmApi';

type Row = Pick<Task, 'id' | 'title' | 'description' | 'due_on' | 'status' | 'provider_npi' | 'version'>;

export function TaskFocus({
  id,
  listed,
  canEdit,
  onDone,
  onClose,
}: {
  id: number;
  /** the same task as the list shows it (with names), when the list holds it */
  listed: Task | undefined;
  canEdit: boolean;
  onDone: (t: Row) => void;
  onClose: () => void;
}) {
  const one = useQuery({
    queryKey: ['tasks', 'one', id],
    queryFn: () => api<Row>(`/api/tasks/${id}`),
  });
  const t: (Row & Partial<Task>) | undefined = listed ?? one.data;
  return (
    <section className="card task-focus" aria-label="Task from your notifications">
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <div>
          <div className="muted small">Task from your notifications</div>
          {one.error && !listed ? (
            <p role="status">
              Task {id} cannot be opened: {errorMessage(one.error)}
            </p>
          ) : null}
          {t ? (
            <>
              <h2 style={{ margin: '4px 0' }}>{t.title}</h2>
              <div className="muted">
                {t.provider_npi ? (
                  <Link to={`/providers/${t.provider_npi}`}>
                    {t.provider_name ?? `NPI ${t.provider_npi}`}
                  </Link>
                ) : (
                  (t.organization_name ?? null)
                )}
                {t.due_on ? ` · due ${formatDate(t.due_on)}` : ' · no due date'}
                {t.owner_name ? ` · ${t.owner_name}` : ''}{' '}
                {t.overdue ? <Chip tone="warn">Overdue {t.daysOverdue} d</Chip> : null}
                {t.status === 'done' ? <Chip tone="ok">Done</Chip> : null}
              </div>
              {t.description ? <p style={{ marginBottom: 0 }}>{t.description}</p> : null}
            </>
          ) : null}
        </div>
        <div className="row" style={{ gap: 'var(--sp-2)' }}>
          {t && canEdit && t.status !== 'done' && t.status !== 'cancelled' ? (
            <button type="button" className="btn btn-primary" onClick={() => onDone(t)}>
              Done
            </button>
          ) : null}
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </section>
  );
}
