// Open referral alerts on the liaison's targets, from the day bundle (available offline).
import { Link } from 'react-router-dom';
import { percentChance } from '../../../core/referrals/chance';
import { alertLineLabel, groupWords } from '../../../core/referrals/shiftGroups';
import { EmptyState, Page, SkeletonRows } from '../../ui';
import { fieldShifts, useFieldBundle } from './fieldApi';
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
          {fieldShifts(b?.alerts ?? []).map((g) => (
            <li key={g[0]!.id} className="fld-card">
              <Link to={`/field/provider/${g[0]!.referring_npi}`}>{g[0]!.providerName}</Link>
              <span>
                {alertLineLabel(g[0]!.service_line)}: {groupWords(g)}
              </span>
              <span className="muted small">
                chance alone {percentChance(Math.min(...g.map((a) => a.q_value)))}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </Page>
  );
}
