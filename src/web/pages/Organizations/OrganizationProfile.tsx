// Organization profile /organizations/:id: identity, network status (editable) and Log visit, place on a
// map, parent chain and children, its providers (memberships from memberships.csv, CMS group practices or
// manual links), the contacts there and its timeline.
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { personName } from '../../../core/directory/personName';
import type { getOrganizationProfile } from '../../../db/queries/directory/organizations';
import { api } from '../../api/client';
import {
  type Column,
  DataTable,
  EmptyState,
  formatNumber,
  LeafletMap,
  NetworkChip,
  type NetworkStatus,
  Page,
  SkeletonRows,
} from '../../ui';
import { precisionLabel } from '../Providers/precision';
import { OfficeHours, OrganizationActions, OrganizationActivity } from './OrganizationCrm';

type OrganizationProfile = NonNullable<Awaited<ReturnType<typeof getOrganizationProfile>>>;
type Member = OrganizationProfile['providers'][number];

const memberColumns: Column<Member>[] = [
  {
    id: 'name',
    header: 'Provider',
    alwaysVisible: true,
    sortValue: (m) => m.name,
    cell: (m) => <Link to={`/providers/${m.npi}`}>{m.name}</Link>,
  },
  { id: 'npi', header: 'NPI', hideOnPhone: true, cell: (m) => <span className="mono">{m.npi}</span> },
  {
    id: 'specialty',
    header: 'Specialty',
    sortValue: (m) => m.specialty ?? '',
    cell: (m) => m.specialty ?? '—',
  },
  { id: 'role', header: 'Role', sortValue: (m) => m.role, cell: (m) => m.role },
  {
    id: 'status',
    header: 'NPI status',
    hideOnPhone: true,
    sortValue: (m) => m.status,
    cell: (m) => m.status,
  },
  { id: 'source', header: 'Link source', hideOnPhone: true, cell: (m) => m.source },
];

const addressOf = (a: {
  line1?: string | null;
  city?: string | null;
  state?: string | null;
  zip5?: string | null;
}) => [a.line1, a.city, a.state, a.zip5].filter(Boolean).join(', ');

export default function OrganizationProfilePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const {
    data: o,
    isLoading,
    error,
  } = useQuery({
    queryKey: ['organizations', id],
    queryFn: ({ signal }) => api<OrganizationProfile>(`/api/organizations/${id}`, { signal }),
  });
  if (isLoading) return <SkeletonRows rows={6} />;
  if (error || !o)
    return (
      <EmptyState title="Organization not found">
        {(error as Error | null)?.message ?? `No organization ${id} in the directory.`}
      </EmptyState>
    );
  const markers = [
    ...(o.point
      ? [
          {
            id: 'org',
            lat: o.point.lat,
            lng: o.point.lon,
            label: `${o.name} (${precisionLabel(o.point.precision)})`,
          },
        ]
      : []),
    ...o.locations
      .filter((l) => l.point)
      .map((l) => ({
        id: `l${l.id}`,
        lat: l.point!.lat,
        lng: l.point!.lon,
        label: `${l.name} (${precisionLabel(l.point!.precision)})`,
      })),
  ];
  return (
    <Page
      title={o.name}
      subtitle={
        <>
          {o.type} {o.npi ? `· NPI ${o.npi}` : ''} · {addressOf(o.address) || 'no address'}{' '}
          <NetworkChip status={o.networkStatus as NetworkStatus} />
          {o.status === 'deactivated' ? ' · deactivated NPI' : ''}
        </>
      }
      source={{ source: o.source === 'nppes' ? 'NPPES' : o.source, dataDate: o.dataDate }}
    >
      <OrganizationActions
        org={{ id: Number(o.id), name: o.name, networkStatus: o.networkStatus, version: Number(o.version) }}
      />
      {o.parentChain.length > 0 && (
        <nav aria-label="Parent organizations" className="muted">
          Part of{' '}
          {o.parentChain.map((p, i) => (
            <span key={p.id}>
              {i > 0 ? ' › ' : ''}
              <Link to={`/organizations/${p.id}`}>{p.name}</Link>
            </span>
          ))}
        </nav>
      )}
      <section aria-labelledby="org-providers">
        <h3 id="org-providers">
          Providers ({formatNumber(o.providerCount)}
          {o.providers.length < o.providerCount ? `, first ${o.providers.length} shown` : ''})
        </h3>
        <DataTable
          label="Providers of this organization"
          columns={memberColumns}
          rows={o.providers}
          rowKey={(m) => m.npi}
          onRowClick={(m) => navigate(`/providers/${m.npi}`)}
          initialSort={{ id: 'name', dir: 'asc' }}
          chooserKey="organization-providers"
          empty={
            <EmptyState title="No providers linked yet">
              Providers are linked by memberships.csv, the CMS Doctors and Clinicians file or by hand.
            </EmptyState>
          }
        />
      </section>
      <OrganizationActivity org={{ id: Number(o.id), name: o.name }} />
      <section aria-labelledby="org-places">
        <h3 id="org-places">Places</h3>
        {markers.length ? (
          <LeafletMap label="Where this organization is" markers={markers} height={280} />
        ) : null}
        <ul>
          <li>
            Practice address: {addressOf(o.address) || '—'}
            {o.point ? <span className="muted"> · {precisionLabel(o.point.precision)}</span> : null}
          </li>
          {o.locations.map((l) => (
            <li key={l.id}>
              Office {l.name}: {addressOf(l)}
              {l.point ? <span className="muted"> · {precisionLabel(l.point.precision)}</span> : null}
            </li>
          ))}
        </ul>
      </section>
      <OfficeHours
        offices={o.locations.map((l) => ({
          id: Number(l.id),
          name: l.name,
          hours: l.hours,
          visitRules: l.visitRules,
          version: Number(l.version),
        }))}
      />
      {o.children.length > 0 && (
        <section aria-labelledby="org-children">
          <h3 id="org-children">Member organizations</h3>
          <ul>
            {o.children.map((c) => (
              <li key={c.id}>
                <Link to={`/organizations/${c.id}`}>{c.name}</Link>{' '}
                <NetworkChip status={c.networkStatus as NetworkStatus} /> · {c.type}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="org-details">
        <h3 id="org-details">Details</h3>
        <dl className="props">
          <dt>Primary taxonomy</dt>
          <dd>{o.primaryTaxonomy ?? '—'}</dd>
          <dt>Service lines</dt>
          <dd>{o.serviceLines.length ? o.serviceLines.join(', ') : '—'}</dd>
          {o.authorizedOfficial && (
            <>
              <dt>Authorized official</dt>
              <dd>
                {personName({ first: o.authorizedOfficial.firstName, last: o.authorizedOfficial.lastName })}
                {o.authorizedOfficial.title ? `, ${o.authorizedOfficial.title}` : ''}
              </dd>
            </>
          )}
          <dt>Enumerated</dt>
          <dd>{o.dates.enumeration ? String(o.dates.enumeration).slice(0, 10) : '—'}</dd>
          <dt>Last NPPES update</dt>
          <dd>{o.dates.lastUpdate ? String(o.dates.lastUpdate).slice(0, 10) : '—'}</dd>
          {o.otherNames.length > 0 && (
            <>
              <dt>Other names</dt>
              <dd>{o.otherNames.map((n) => n.name).join('; ')}</dd>
            </>
          )}
        </dl>
      </section>
    </Page>
  );
}
