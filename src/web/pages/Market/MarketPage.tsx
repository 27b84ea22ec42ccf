// Referrals (Market): service line and period; our share by county/ZIP on the offline map with a
// table beside it; top leaking referrers with a value estimate; risers & fallers; the alert inbox.
import './market.css';
import { useState } from 'react';
import { SERVICE_LINES } from '../../../core/serviceLineList';
import { Page } from '../../ui';
import { AlertInbox } from './AlertInbox';
import { LeakageSection, MoversSection } from './LeakageSection';
import { ShareSection } from './ShareSection';

// share and leakage are computed on the lines that receive referrals
const LINES = SERVICE_LINES.filter((l) => l.referralDestination).map((l) => l.key);
const PERIODS = [
  { value: '3m', label: 'Last 3 months' },
  { value: '6m', label: 'Last 6 months' },
  { value: '12m', label: 'Last 12 months' },
  { value: '24m', label: 'Last 24 months' },
];

export default function MarketPage() {
  const [serviceLine, setServiceLine] = useState('');
  const [period, setPeriod] = useState('12m');
  const [by, setBy] = useState<'county' | 'zip'>('county');
  const [scope, setScope] = useState<'network' | 'all'>('network');
  return (
    <Page
      title="Referrals (market)"
      subtitle="Share of referrals to our network (ours + affiliated), leakage to competitors, and physicians whose referrals shifted."
      actions={
        <div className="row market-controls">
          <label>
            <span className="sr-only">Service line</span>
            <select
              aria-label="Service line"
              value={serviceLine}
              onChange={(e) => setServiceLine(e.target.value)}
            >
              <option value="">All lines we offer</option>
              {LINES.map((l) => (
                <option key={l} value={l}>
                  {l.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          </label>
          <select aria-label="Period" value={period} onChange={(e) => setPeriod(e.target.value)}>
            {PERIODS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
      }
      source={{
        source:
          'Internal referrals (EHR exports, FHIR) · share = (ours + affiliated) / all, by the referring practice’s location',
      }}
    >
      <div className="market-grid">
        <ShareSection serviceLine={serviceLine} period={period} by={by} onBy={setBy} />
        <AlertInbox />
        <LeakageSection serviceLine={serviceLine} period={period} scope={scope} onScope={setScope} />
        <MoversSection serviceLine={serviceLine} />
      </div>
    </Page>
  );
}
