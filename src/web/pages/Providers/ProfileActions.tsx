// The provider profile's relationship line and actions, above every tab: tier, visit cadence and the
// overdue badge, last visit, owner, the year's spend against its limit; Log visit · Add to route ·
// Add task · Report issue · Watch (ux brief: a liaison acts from the header, whichever tab is open).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { useMe } from '../../api/hooks';
import { Chip, formatDate } from '../../ui';
import './providers.css';
import { LogVisitSheet } from '../Activities/LogVisitSheet';
import { ReportIssueModal } from '../Issues/IssueForms';
import { AddToRouteButton } from '../Network/AddToRouteButton';
import { AddTaskModal } from '../Tasks/AddTaskModal';
import { useSpendStatus } from './SpendSection';
import { WatchButton } from './WatchButton';

type Relationship = {
  tier: string | null;
  visit_frequency: string | null;
  owner_name: string | null;
  visit: { overdue: boolean; daysOverdue: number | null; lastVisit: string | null; reason: string };
};

export function ProfileActions({ npi, name }: { npi: string; name: string }) {
  const me = useMe().data;
  const qc = useQueryClient();
  const rel = useQuery({
    queryKey: ['relationships', npi],
    queryFn: () => api<Relationship>(`/api/relationships/${npi}`),
  });
  const spend = useSpendStatus(npi);
  const [open, setOpen] = useState<'visit' | 'task' | 'issue' | null>(null);
  const canWrite = me?.role !== 'analyst';
  const r = rel.data;
  const s = spend.data;
  return (
    <section className="profile-actions" aria-label="Relationship and actions">
      <div className="row profile-relationship">
        {r?.tier ? <Chip tone="accent">Tier {r.tier}</Chip> : <Chip tone="neutral">No tier</Chip>}
        {r?.visit_frequency ? <Chip tone="neutral">Visit {r.visit_frequency}</Chip> : null}
        {r?.visit.overdue ? (
          <Chip tone="warn" title={r.visit.reason}>
            Overdue{r.visit.daysOverdue ? ` ${r.visit.daysOverdue} d` : ''}
          </Chip>
        ) : null}
        <span className="muted">
          Last visit {r?.visit.lastVisit ? formatDate(r.visit.lastVisit) : 'never'}
          {r?.owner_name ? ` · owner ${r.owner_name}` : ' · no owner'}
        </span>
        {s ? (
          <Chip
            tone={s.level === 'ok' ? 'neutral' : s.level === 'near' ? 'warn' : 'danger'}
            title={`${s.entryIds.length} spend entries in ${s.year}`}
          >
            Spend {s.year}: ${s.totalUsd.toFixed(2)} of ${s.limitUsd.toFixed(2)}
          </Chip>
        ) : null}
      </div>
      {canWrite ? (
        <div className="row profile-buttons">
          <button type="button" className="btn btn-primary" onClick={() => setOpen('visit')}>
            Log visit
          </button>
          <AddToRouteButton npi={npi} name={name} label="Add to route" className="btn" />
          <button type="button" className="btn" onClick={() => setOpen('task')}>
            Add task
          </button>
          <button type="button" className="btn" onClick={() => setOpen('issue')}>
            Report issue
          </button>
          <WatchButton npi={npi} name={name} />
        </div>
      ) : (
        <div className="row profile-buttons">
          <WatchButton npi={npi} name={name} />
        </div>
      )}
      {s?.message ? <p className="callout callout-warn">{s.message}</p> : null}
      {open === 'visit' ? (
        <LogVisitSheet
          open
          onClose={() => {
            setOpen(null);
            qc.invalidateQueries({ queryKey: ['relationships', npi] });
          }}
          preset={{ attendees: [{ npi, contactId: null, name }] }}
        />
      ) : null}
      {open === 'task' ? <AddTaskModal npi={npi} name={name} onClose={() => setOpen(null)} /> : null}
      {open === 'issue' ? <ReportIssueModal providerNpi={npi} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}
