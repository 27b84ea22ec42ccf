// Market (executive / analyst): share to our network and leakage over time, the value of leakage by
// service line, top risers and fallers, the referrers leaking most, and physicians new to the market.
import '../dashboard/dashboard.css';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { EChart, EmptyState, Page, preloadCharts, SkeletonRows } from '../../ui';
import { DASHBOARD_DEFAULTS, panelOf, useExecutive } from '../dashboard/api';
import { DownloadBar } from '../dashboard/DownloadBar';
import { PanelCard } from '../dashboard/PanelCard';
import { arrivalsOption, leakageValueOption, shareTrendOption } from './charts';

const LINES = [
  'cardiology',
  'orthopedics',
  'oncology',
  'neurology',
  'gastroenterology',
  'general_surgery',
  'urology',
  'pulmonology',
  'imaging',
];
const MONTHS = [12, 24, 36];
// The charts load while the data is on its way, not after it.
preloadCharts();

export default function ExecutivePage() {
  const [serviceLine, setServiceLine] = useState('');
  const [months, setMonths] = useState(DASHBOARD_DEFAULTS.executiveMonths);
  const exec = useExecutive(months, serviceLine);
  const navigate = useNavigate();
  const d = exec.data;
  const p = (id: string) => panelOf(d?.panels, id);
  const params = { months, serviceLine };
  const trend = p('exec-share-trend');
  const value = p('exec-leakage-value');
  const arrivals = p('exec-new-physicians-trend');
  return (
    <Page
      loaded={!exec.isPending}
      title="Market overview"
      subtitle="Share of referrals to our network, leakage and its value, who is rising and falling, and who is new."
      actions={
        <div className="row dash-exports">
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
          <select aria-label="Months" value={months} onChange={(e) => setMonths(Number(e.target.value))}>
            {MONTHS.map((m) => (
              <option key={m} value={m}>
                {m} months
              </option>
            ))}
          </select>
          <DownloadBar name="executive" params={params} pdfLabel="Market report (PDF)" />
        </div>
      }
      source={{
        source: 'Internal referrals (EHR/FHIR, monthly rollup); NPPES arrivals',
        dataDate: d?.dataDate ? `referrals through ${d.dataDate}` : null,
      }}
    >
      {exec.error ? (
        <EmptyState title="Market overview not available">{errorMessage(exec.error)}</EmptyState>
      ) : null}
      {!d && !exec.error ? <SkeletonRows rows={10} /> : null}
      {d ? (
        <div className="dash-grid">
          <PanelCard
            panel={trend}
            params={params}
            wide
            maxHeight="240px"
            chart={
              trend ? (
                <EChart
                  label="Share of referrals to our network and to competitors by month"
                  height={260}
                  option={shareTrendOption(trend.rows)}
                  onClick={() => navigate('/referrals')}
                />
              ) : null
            }
          />
          <PanelCard
            panel={value}
            params={params}
            chart={
              value ? (
                <EChart
                  label="Estimated value of leakage by service line"
                  height={Math.max(180, 28 * Math.min(12, value.rows.length) + 40)}
                  option={leakageValueOption(value.rows)}
                />
              ) : null
            }
          />
          <PanelCard panel={p('exec-movers')} params={params} />
          <PanelCard panel={p('exec-leakage-referrers')} params={params} />
          <PanelCard
            panel={arrivals}
            params={params}
            maxHeight="200px"
            chart={
              arrivals ? (
                <EChart
                  label="Physicians new to the market by month"
                  height={200}
                  option={arrivalsOption(arrivals.rows)}
                />
              ) : null
            }
          />
          <PanelCard panel={p('exec-new-physicians')} params={params} wide />
        </div>
      ) : null}
    </Page>
  );
}
