// What a liaison does with an organization, on its profile: set its network status (ours, affiliated,
// independent, competitor — every share and leakage figure reads it), log a visit at the practice,
// see the people to ask for and the organization's timeline.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage } from '../../api/client';
import { useMe } from '../../api/hooks';
import { SelectField, TextField, useToast } from '../../ui';
import { LogVisitSheet } from '../Activities/LogVisitSheet';
import { TimelineList } from '../Activities/TimelineList';
import { PracticeContacts } from '../Providers/PracticeContacts';
import './organizations.css';

const STATUSES = ['ours', 'affiliated', 'independent', 'competitor'] as const;

export function OrganizationActions({
  org,
}: {
  org: { id: number; name: string; networkStatus: string; version: number };
}) {
  const me = useMe().data;
  const qc = useQueryClient();
  const toast = useToast();
  const [logging, setLogging] = useState(false);
  const save = useMutation({
    mutationFn: (networkStatus: string) =>
      api(`/api/crm/organizations/${org.id}`, {
        method: 'PATCH',
        body: { version: org.version, networkStatus },
      }),
    onSuccess: (_r, status) => {
      qc.invalidateQueries({ queryKey: ['organizations'] });
      qc.invalidateQueries({ queryKey: ['timeline'] });
      toast({
        tone: 'ok',
        title: `${org.name} is now ${status}`,
        detail: 'Shares and leakage read it from now on.',
      });
    },
    onError: (e) => toast({ tone: 'danger', title: 'Network status not saved', detail: errorMessage(e) }),
  });
  if (!me || me.role === 'analyst') return null;
  return (
    <div className="row org-actions" style={{ gap: 'var(--sp-3)', alignItems: 'flex-end', flexWrap: 'wrap' }}>
      <SelectField
        label="Network status"
        value={org.networkStatus}
        disabled={save.isPending}
        onChange={(e) => save.mutate(e.target.value)}
        options={STATUSES.map((s) => ({ value: s, label: s }))}
      />
      <button type="button" className="btn btn-primary" onClick={() => setLogging(true)}>
        Log visit here
      </button>
      {logging ? (
        <LogVisitSheet open onClose={() => setLogging(false)} preset={{ organizationId: org.id }} />
      ) : null}
    </div>
  );
}

export function OrganizationActivity({ org }: { org: { id: number; name: string } }) {
  return (
    <div className="org-crm">
      <PracticeContacts organization={org} onItsPage />
      <section aria-labelledby="org-activity">
        <h3 id="org-activity">Activity</h3>
        <TimelineList kind="organizations" id={org.id} name={org.name} />
      </section>
    </div>
  );
}

type Office = { id: number; name: string; hours: string | null; visitRules: string | null; version: number };

/** An office's hours and visit rules, as the route planner reads them; a liaison corrects them here. */
export function OfficeHours({ offices }: { offices: Office[] }) {
  const me = useMe().data;
  const canWrite = !!me && me.role !== 'analyst';
  if (!offices.length) return null;
  return (
    <section aria-labelledby="org-hours" className="org-hours-section">
      <h3 id="org-hours">Office hours</h3>
      <p className="muted small">
        The route planner visits an office only within its hours and visit rules (e.g. “Mon-Thu 08:00-17:00;
        Fri 08:00-12:00”, “drop-ins Tue,Thu 14:00-16:00; no reps Mon”).
      </p>
      <ul className="office-hours">
        {offices.map((o) => (
          <OfficeRow key={o.id} office={o} canWrite={canWrite} />
        ))}
      </ul>
    </section>
  );
}

function OfficeRow({ office, canWrite }: { office: Office; canWrite: boolean }) {
  const qc = useQueryClient();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [hours, setHours] = useState(office.hours ?? '');
  const [rules, setRules] = useState(office.visitRules ?? '');
  const save = useMutation({
    mutationFn: () =>
      api(`/api/crm/locations/${office.id}`, {
        method: 'PATCH',
        body: { version: office.version, hours: hours.trim() || null, visitRules: rules.trim() || null },
      }),
    onSuccess: () => {
      setEditing(false);
      qc.invalidateQueries({ queryKey: ['organizations'] });
      qc.invalidateQueries({ queryKey: ['timeline'] });
      toast({
        tone: 'ok',
        title: `Hours of ${office.name} saved`,
        detail: 'Routes planned from now on use them.',
      });
    },
  });
  if (!editing)
    return (
      <li>
        <strong>{office.name}</strong>: {office.hours ?? <span className="muted">no hours recorded</span>}
        {office.visitRules ? <span className="muted"> · visits: {office.visitRules}</span> : null}{' '}
        {canWrite ? (
          <button
            type="button"
            className="btn btn-ghost"
            aria-label={`Edit the hours of ${office.name}`}
            onClick={() => setEditing(true)}
          >
            Edit
          </button>
        ) : null}
      </li>
    );
  return (
    <li>
      <form
        className="row"
        aria-label={`Hours of ${office.name}`}
        style={{ gap: 'var(--sp-2)', alignItems: 'flex-end', flexWrap: 'wrap' }}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <TextField label="Hours" value={hours} onChange={(e) => setHours(e.target.value)} size={36} />
        <TextField label="Visit rules" value={rules} onChange={(e) => setRules(e.target.value)} size={36} />
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          Save
        </button>
        <button type="button" className="btn" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </form>
      {save.error ? (
        <p className="callout callout-danger" role="alert">
          {errorMessage(save.error)}
        </p>
      ) : null}
    </li>
  );
}
