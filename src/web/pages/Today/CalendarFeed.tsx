// "Subscribe in your calendar": creates a private ICS URL of planned visits and open tasks. The URL is
// shown once (only a hash is kept on the server); creating a new one ends the old.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage } from '../../api/client';
import { CopyButton, formatDateTime } from '../../ui';
import { useRenderHold } from '../../ui/renderGate';

export function CalendarFeed() {
  const qc = useQueryClient();
  const status = useQuery({
    queryKey: ['calendar'],
    queryFn: () => api<{ active: boolean; createdAt: string | null }>('/api/calendar'),
  });
  const [url, setUrl] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api<{ url: string }>('/api/calendar/token', { method: 'POST' }),
    onSuccess: (r) => {
      setUrl(r.url);
      qc.invalidateQueries({ queryKey: ['calendar'] });
    },
  });
  const revoke = useMutation({
    mutationFn: () => api('/api/calendar/token', { method: 'DELETE' }),
    onSuccess: () => {
      setUrl(null);
      qc.invalidateQueries({ queryKey: ['calendar'] });
    },
  });
  const active = status.data?.active;
  useRenderHold(status.isPending, 'calendar-feed');
  return (
    <section className="card dash-panel" aria-label="Calendar feed">
      <h2>Calendar feed</h2>
      <p className="small muted">
        Planned visits (saved routes, two weeks back to eight weeks ahead) and open tasks with a due date, in
        any calendar app that subscribes to an ICS URL. The URL is private: anyone with it can read your plan.
      </p>
      {url ? (
        <div className="row dash-feed">
          <code>{url}</code>
          <CopyButton value={url} label="Copy URL" />
        </div>
      ) : active ? (
        <p className="small">
          A feed URL exists (created {formatDateTime(status.data?.createdAt)}). It is shown only once; create
          a new one if you lost it.
        </p>
      ) : null}
      <div className="row dash-feed">
        <button type="button" className="btn" onClick={() => create.mutate()} disabled={create.isPending}>
          {active ? 'Create a new URL' : 'Create calendar URL'}
        </button>
        {active ? (
          <button type="button" className="btn btn-ghost" onClick={() => revoke.mutate()}>
            Turn off
          </button>
        ) : null}
      </div>
      {create.error || revoke.error ? (
        <p className="field-error">{errorMessage(create.error ?? revoke.error)}</p>
      ) : null}
    </section>
  );
}
