// Sections of the provider profile: NPPES details, contacts at the practice and the spend log; every
// location on a map; organizations.
import { Link } from 'react-router-dom';
import { personName } from '../../../core/directory/personName';
import { formatDate, LeafletMap, NetworkChip } from '../../ui';
import { PracticeContacts } from './PracticeContacts';
import type { ProviderProfile } from './Profile';
import { precisionLabel } from './precision';
import { SpendSection } from './SpendSection';

const addr = (a: { line1?: unknown; line2?: unknown; city?: unknown; state?: unknown; zip5?: unknown }) =>
  [a.line1, a.line2, a.city, a.state, a.zip5].filter(Boolean).join(', ');

export function DetailsTab({ p }: { p: ProviderProfile }) {
  return (
    <section>
      <h3>Taxonomies and licenses</h3>
      <ul>
        {p.taxonomies.map((t) => (
          <li key={t.slot}>
            {t.isPrimary ? <strong>{t.name ?? t.code}</strong> : (t.name ?? t.code)} ({t.code},{' '}
            {t.serviceLine}){t.license ? ` · license ${t.license} ${t.licenseState ?? ''}` : ''}
          </li>
        ))}
      </ul>
      {p.otherNames.length > 0 && (
        <>
          <h3>Other names</h3>
          <ul>
            {p.otherNames.map((o) => (
              <li key={[o.last, o.first, o.middle].join('|')}>
                {personName({ first: o.first, middle: o.middle, last: o.last })}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Dates</h3>
      <dl>
        <dt>Enumerated</dt>
        <dd>{p.dates.enumeration ? formatDate(p.dates.enumeration) : '—'}</dd>
        <dt>Last NPPES update</dt>
        <dd>{p.dates.lastUpdate ? formatDate(p.dates.lastUpdate) : '—'}</dd>
        {p.dates.deactivation && (
          <>
            <dt>Deactivated</dt>
            <dd>{p.dates.deactivation}</dd>
          </>
        )}
        {p.dates.arrivedAt && (
          <>
            <dt>New to market</dt>
            <dd>
              {String(p.dates.arrivedAt).slice(0, 10)} ({p.dates.arrivalReason})
            </dd>
          </>
        )}
      </dl>
      <h3>Mailing address</h3>
      <p>{addr(p.mailingAddress)}</p>
      <PracticeContacts organization={p.primaryOrganization ?? null} />
      <SpendSection npi={p.npi} />
    </section>
  );
}

export function LocationsTab({ p }: { p: ProviderProfile }) {
  const points = [
    ...p.locations
      .filter((l) => l.point)
      .map((l, i) => ({
        id: `l${i}`,
        lat: l.point!.lat,
        lng: l.point!.lon,
        label: `${l.kind}: ${addr(l)} (${precisionLabel(l.point!.precision)})`,
      })),
    ...p.offices
      .filter((o) => o.point)
      .map((o) => ({
        id: `o${o.id}`,
        lat: o.point!.lat,
        lng: o.point!.lon,
        label: `${o.name} (${precisionLabel(o.point!.precision)})`,
      })),
  ];
  return (
    <section>
      <LeafletMap label="Every location of this provider" markers={points} height={320} />
      <ul>
        {p.locations.map((l) => (
          <li key={`${l.kind}|${addr(l)}`}>
            {l.kind}: {addr(l)}{' '}
            {l.point ? <span className="muted">· {precisionLabel(l.point.precision)}</span> : null}
          </li>
        ))}
        {p.offices.map((o) => (
          <li key={o.id}>
            office: {o.name} · {addr(o)} {o.hours ? <span className="muted">· hours {o.hours}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function OrganizationsTab({ p }: { p: ProviderProfile }) {
  if (!p.organizations.length)
    return <p>No organization links yet (memberships.csv, CMS group practices or manual).</p>;
  return (
    <ul>
      {p.organizations.map((o) => (
        <li key={o.id}>
          <Link to={`/organizations/${o.id}`}>{o.name}</Link>{' '}
          <NetworkChip status={o.networkStatus as 'ours'} /> · {o.type} · {o.role} · source {o.source}
        </li>
      ))}
    </ul>
  );
}
