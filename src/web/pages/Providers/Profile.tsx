// Provider profile /providers/:npi: header (name, credentials, specialty, NPI, practice, network) + tabs.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { casedName } from '../../../core/capitals';
import { personName } from '../../../core/directory/personName';
import type { ProviderProfile as Profile } from '../../../db/queries/directory/providerProfile';
import { api } from '../../api/client';
import { EmptyState, NetworkChip, Page, SkeletonRows, Tabs } from '../../ui';
import { placeName } from '../../ui/format';
import { ProfileActions } from './ProfileActions';
import { providerProfileTabs } from './profileTabs';

export type ProviderProfile = Profile;

export default function ProviderProfilePage() {
  const { npi = '' } = useParams();
  const [tab, setTab] = useState(providerProfileTabs[0]!.id);
  const {
    data: p,
    isLoading,
    error,
  } = useQuery({
    queryKey: ['providers', npi],
    queryFn: ({ signal }) => api<Profile>(`/api/providers/${npi}`, { signal }),
  });
  if (isLoading) return <SkeletonRows rows={6} />;
  if (error || !p)
    return (
      <EmptyState title="Provider not found">
        {(error as Error | null)?.message ?? `No provider ${npi} in the directory.`}
      </EmptyState>
    );
  // NPPES writes most names in capitals: shown as people write them (core/directory/personName)
  const name = [
    p.name.prefix && casedName(p.name.prefix),
    personName({ first: p.name.first, middle: p.name.middle, last: p.name.last, suffix: p.name.suffix }),
  ]
    .filter(Boolean)
    .join(' ');
  const primary = p.taxonomies.find((t) => t.isPrimary);
  const current = providerProfileTabs.find((t) => t.id === tab) ?? providerProfileTabs[0]!;
  return (
    <Page
      title={`${name}${p.name.credential ? `, ${p.name.credential}` : ''}`}
      subtitle={
        <>
          {primary?.name ?? p.primaryTaxonomy ?? 'No taxonomy'} · NPI {p.npi} ·{' '}
          {[placeName(p.practiceAddress.city as string | null), p.practiceAddress.state]
            .filter(Boolean)
            .join(', ')}
          {p.primaryOrganization ? (
            <>
              {' '}
              · <Link to={`/organizations/${p.primaryOrganization.id}`}>{p.primaryOrganization.name}</Link>{' '}
              <NetworkChip status={p.primaryOrganization.networkStatus as 'ours'} />
            </>
          ) : null}
          {p.status === 'deactivated' ? ' · deactivated NPI' : ''}
        </>
      }
      source={{ source: `NPPES (${p.source})`, dataDate: p.dataDate }}
    >
      <ProfileActions npi={p.npi} name={personName({ first: p.name.first, last: p.name.last })} />
      <Tabs
        label="Provider sections"
        tabs={providerProfileTabs.map((t) => ({ id: t.id, label: t.label }))}
        value={current.id}
        onChange={setTab}
      />
      {current.render(p)}
    </Page>
  );
}
