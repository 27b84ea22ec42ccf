// Tasks on the phone: open tasks from the day bundle plus tasks made on this phone and not yet synced;
// add one, or mark one done (an edit at the version the phone saw, so a change made meanwhile on the
// server comes back as a conflict to review instead of being overwritten).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '../../api/hooks';
import type { Me } from '../../api/types';
import { EmptyState, Page, SkeletonRows, TextField, useToast } from '../../ui';
import { plusDays } from '../Activities/crmApi';
import { queue, useFieldBundle, useOutbox } from './fieldApi';
import { OfflineBanner } from './SyncStatus';
import './field.css';

function AddTask({ me }: { me: Me }) {
  const toast = useToast();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(plusDays(1));
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="fld-card"
      aria-labelledby="add-task-h"
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim()) {
          setError('Say what needs doing.');
          return;
        }
        void queue(me.id, 'task', `Task · ${title.trim()}`, { title: title.trim(), dueOn: due || null }).then(
          () => {
            toast({
              title: navigator.onLine
                ? 'Task added'
                : 'Task saved on this phone; it syncs when you are back online',
            });
            setTitle('');
            setError(null);
          },
        );
      }}
    >
      <h2 id="add-task-h">New task</h2>
      <TextField
        label="Task"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={error}
        maxLength={200}
      />
      <TextField label="Due" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
      <button type="submit" className="btn btn-primary btn-lg">
        Add task
      </button>
    </form>
  );
}

export default function FieldTasks() {
  const me = useMe().data as Me;
  const bundle = useFieldBundle();
  const outbox = useOutbox();
  const local = outbox.filter((i) => i.kind === 'task' && i.payload.id === undefined);
  const doneHere = new Set(
    outbox
      .filter((i) => i.kind === 'task' && typeof i.payload.id === 'number')
      .map((i) => i.payload.id as number),
  );
  const tasks = bundle.data?.tasks ?? [];
  return (
    <Page title="Tasks" actions={<Link to="/field">Back to Today</Link>}>
      <div className="fld">
        <OfflineBanner />
        <AddTask me={me} />
        {bundle.isPending ? <SkeletonRows /> : null}
        <ul className="fld-list" aria-label="Open tasks">
          {local.map((i) => (
            <li key={i.idempotencyKey} className="fld-card" data-testid="field-task">
              <strong>{String(i.payload.title)}</strong>
              <span className="fld-muted">
                {i.payload.dueOn ? `due ${String(i.payload.dueOn)} · ` : ''}
                {i.state === 'pending' ? 'not synced yet' : i.detail}
              </span>
            </li>
          ))}
          {tasks.map((t) => (
            <li key={t.id} className="fld-card" data-testid="field-task">
              <strong>{t.title}</strong>
              <span className="fld-muted">
                {[
                  t.due_on ? `due ${t.due_on}` : null,
                  t.overdue ? 'overdue' : null,
                  t.provider_name ?? t.organization_name,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <div className="fld-actions">
                <button
                  type="button"
                  className="btn"
                  disabled={doneHere.has(t.id)}
                  onClick={() =>
                    void queue(
                      me.id,
                      'task',
                      `Done · ${t.title}`,
                      { id: t.id, status: 'done' },
                      { baseVersion: t.version },
                    )
                  }
                >
                  {doneHere.has(t.id) ? 'Marked done (syncing)' : 'Mark done'}
                </button>
              </div>
            </li>
          ))}
        </ul>
        {bundle.data && !tasks.length && !local.length ? (
          <EmptyState icon="check" title="No open tasks">
            Follow-ups you add when logging a visit show up here.
          </EmptyState>
        ) : null}
      </div>
    </Page>
  );
}
