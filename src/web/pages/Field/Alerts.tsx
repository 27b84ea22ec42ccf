// Open referral alerts on the liaison's targets, from the day bundle (available offline).
import { Link } from 'react-router-dom';
import { EmptyState, Page, SkeletonRows } from '../../ui';
import { useFieldBundle } from './fieldApi';
import { OfflineBanner } from './SyncStatus';
import './field.css';

export default function FieldAlerts() {
  const bundle = useFieldBundle();
  const b = bundle.data;
  return (
    <Page
      title="Alerts"
      actions={<Link to="/field">Back to Today</Link>}
      source={
        b
          ? {
              source: 'Referral shift alerts on your targets',
              dataDate: b.referralSource.dataDate ? `referrals through ${b.referralSource.dataDate}` : null,
            }
          : undefined
      }
    >
      <div className="fld">
        <OfflineBanner />
        {bundle.isPending ? <SkeletonRows /> : null}
        {b && !b.alerts.length ? (
          <EmptyState icon="check" title="No open alerts on your targets">
            Alerts appear when a target’s referrals shift; the full list is under Referrals.
          </EmptyState>
        ) : null}
        <ul className="fld-list">
          {b?.alerts.map((a) => (
            <li key={a.id} className="fld-card">
              <Link to={`/field/provider/${a.referring_npi}`}>{a.providerName}</Link>
              <span>
                {a.service_line}: referrals{' '}
                {a.direction === 'down' ? 'dropped' : a.direction === 'up' ? 'rose' : a.direction}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </Page>
  );
}
