// The provider profile's "Activity" tab: relationship fields with the overdue badge, the spend
// total against the annual limit, the timeline (visits, calls, notes, tasks, issues, changes;
// newest first) and an inline note composer. Mount with <ProviderActivityTab npi="…" name="…" />.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api } from '../../api/client';
import { useMe } from '../../api/hooks';
import { Chip, EmptyState, formatDate, formatDateTime, SkeletonRows } from '../../ui';
import { useTimeline } from './crmApi';
import { LogVisitSheet } from './LogVisitSheet';
import './crm.css';

type Relationship = {
  tier: string | null;
  visit_frequency: string | null;
  tags: string[];
  owner_name: string | null;
  visit: { overdue: boolean; daysOverdue: number | null; lastVisit: string | null; reason: string };
};
type SpendStatus = {
  year: number;
  totalUsd: number;
  limitUsd: number;
  level: 'ok' | 'near' | 'over';
  message: string | null;
  entryIds: number[];
};

export function ProviderActivityTab({ npi, name }: { npi: string; name: string }) {
  const me = useMe().data;
  const qc = useQueryClient();
  const timeline = useTimeline('providers', npi);
  const rel = useQuery({
    queryKey: ['relationships', npi],
    queryFn: () => api<Relationship>(`/api/relationships/${npi}`),
  });
  const spend = useQuery({
    queryKey: ['spend', 'status', npi],
    queryFn: () => api<SpendStatus>(`/api/spend/status/${npi}`),
  });
  const [note, setNote] = useState('');
  const [logging, setLogging] = useState(false);
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
  const r = rel.data;

  return (
    <section className="stack" aria-label="Activity">
      <div className="row" style={{ gap: 'var(--sp-2)', flexWrap: 'wrap', alignItems: 'center' }}>
        {r?.tier ? <Chip tone="accent">Tier {r.tier}</Chip> : <Chip tone="neutral">No tier</Chip>}
        {r?.visit_frequency ? <Chip tone="neutral">Visit {r.visit_frequency}</Chip> : null}
        {r?.visit.overdue ? (
          <Chip tone="warn" title={r.visit.reason}>
            Overdue{r.visit.daysOverdue ? ` ${r.visit.daysOverdue} d` : ''}
          </Chip>
        ) : null}
        <span className="muted">
          Last visit {r?.visit.lastVisit ? formatDate(r.visit.lastVisit) : 'never'}
          {r?.owner_name ? ` · owner ${r.owner_name}` : ''}
        </span>
        {spend.data ? (
          <Chip
            tone={spend.data.level === 'ok' ? 'neutral' : spend.data.level === 'near' ? 'warn' : 'danger'}
            title={`${spend.data.entryIds.length} spend entries in ${spend.data.year}`}
          >
            Spend {spend.data.year}: ${spend.data.totalUsd.toFixed(2)} of ${spend.data.limitUsd.toFixed(2)}
          </Chip>
        ) : null}
        <span className="spacer" />
        {canWrite ? (
          <button type="button" className="btn btn-primary" onClick={() => setLogging(true)}>
            Log visit
          </button>
        ) : null}
      </div>
      {spend.data?.message ? <p className="callout callout-warn">{spend.data.message}</p> : null}
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
      {timeline.isLoading ? (
        <SkeletonRows rows={5} />
      ) : timeline.data?.items.length ? (
        <ol className="timeline" aria-label={`Timeline of ${name}`}>
          {timeline.data.items.map((i) => (
            <li key={i.id}>
              <span className="when">{formatDateTime(i.at)}</span>
              <div>
                <div className="cell-main">
                  <Chip tone={i.kind === 'issue' ? 'warn' : i.kind === 'change' ? 'neutral' : 'info'}>
                    {i.kind}
                  </Chip>{' '}
                  {i.title}
                </div>
                {i.detail ? <div className="what">{i.detail}</div> : null}
                {i.actor ? <div className="muted">{i.actor}</div> : null}
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <EmptyState icon="today" title="Nothing logged yet">
          Log a visit or add a note; tasks, issues and record changes appear here too.
        </EmptyState>
      )}
      {logging ? (
        <LogVisitSheet
          open
          onClose={() => setLogging(false)}
          preset={{ attendees: [{ npi, contactId: null, name }] }}
        />
      ) : null}
    </section>
  );
}
