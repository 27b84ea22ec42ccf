// The provider profile's "Activity" tab: the timeline (visits, calls, notes, tasks, issues, changes;
// newest first) and an inline note composer. Mount with <ProviderActivityTab npi="…" name="…" />.
// The relationship line and the actions (Log visit, …) sit above every tab (Providers/ProfileActions).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api } from '../../api/client';
import { useMe } from '../../api/hooks';
import { TimelineList } from './TimelineList';
import './crm.css';

export function ProviderActivityTab({ npi, name }: { npi: string; name: string }) {
  const me = useMe().data;
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const addNote = useMutation({
    mutationFn: () =>
      api('/api/activities', {
        body: { type: 'note', providerNpis: [npi], notes: note.trim(), clientId: crypto.randomUUID() },
      }),
    onSuccess: () => {
      setNote('');
      qc.invalidateQueries({ queryKey: ['timeline'] });
    },
  });
  const canWrite = me?.role !== 'analyst';

  return (
    <section className="stack" aria-label="Activity">
      {canWrite ? (
        <form
          className="row"
          style={{ gap: 'var(--sp-2)', alignItems: 'flex-end' }}
          onSubmit={(e) => {
            e.preventDefault();
            if (note.trim()) addNote.mutate();
          }}
        >
          <div className="field" style={{ flex: 1 }}>
            <label className="field-label" htmlFor={`note-${npi}`}>
              Add a note
            </label>
            <textarea
              id={`note-${npi}`}
              className="input"
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={`Something worth remembering about ${name}`}
            />
          </div>
          <button type="submit" className="btn" disabled={!note.trim() || addNote.isPending}>
            Save note
          </button>
        </form>
      ) : null}
      {addNote.error instanceof ApiError ? (
        <p className="callout callout-danger">{addNote.error.detail}</p>
      ) : null}
      <TimelineList kind="providers" id={npi} name={name} />
    </section>
  );
}
