// What a liaison does with an organization, on its profile: set its network status (ours, affiliated,
// independent, competitor — every share and leakage figure reads it), log a visit at the practice,
// see the people to ask for and the organization's timeline.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage } from '../../api/client';
import { useMe } from '../../api/hooks';
import { SelectField, useToast } from '../../ui';
import { LogVisitSheet } from '../Activities/LogVisitSheet';
import { TimelineList } from '../Activities/TimelineList';
import { PracticeContacts } from '../Providers/PracticeContacts';

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
    <>
      <PracticeContacts organization={org} onItsPage />
      <section aria-labelledby="org-activity">
        <h3 id="org-activity">Activity</h3>
        <TimelineList kind="organizations" id={org.id} name={org.name} />
      </section>
    </>
  );
}
