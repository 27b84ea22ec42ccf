// Return on visit: the change in referrals to us after visits against matched unvisited physicians
// (difference in differences), per liaison, activity type, campaign or tag, with its interval drawn as
// an error bar so "how sure" is visible at a glance.
import type { EChartsOption } from 'echarts';
import { useState } from 'react';
import { EChart, preloadCharts, Tabs } from '../../ui';
import { useRenderHold } from '../../ui/renderGate';
import { DASHBOARD_DEFAULTS, type PanelRow, useReturnOnVisit } from '../dashboard/api';
import { PanelCard } from '../dashboard/PanelCard';

const BY = [
  { id: 'liaison', label: 'By liaison' },
  { id: 'type', label: 'By activity type' },
  { id: 'campaign', label: 'By campaign' },
  { id: 'tag', label: 'By tag' },
  { id: 'all', label: 'All visits' },
] as const;
type By = (typeof BY)[number]['id'];
// The chart loads while the estimate is on its way, not after it.
preloadCharts();

export function ReturnOnVisit() {
  const [by, setBy] = useState<By>(DASHBOARD_DEFAULTS.rovBy as By);
  const [windowMonths, setWindow] = useState(DASHBOARD_DEFAULTS.rovWindow);
  const rov = useReturnOnVisit(by, windowMonths);
  const panel = rov.data?.panel;
  useRenderHold(rov.isPending, 'return-on-visit');
  return (
    <div className="dash-wide" style={{ display: 'grid', gap: 8 }}>
      <div className="row dash-panel-head">
        <Tabs label="Return on visit grouping" tabs={[...BY]} value={by} onChange={setBy} />
        <select aria-label="Window" value={windowMonths} onChange={(e) => setWindow(Number(e.target.value))}>
          {[2, 3, 4, 6].map((n) => (
            <option key={n} value={n}>
              {n} months before / after
            </option>
          ))}
        </select>
      </div>
      {rov.isLoading ? (
        <p className="muted small">Matching visited physicians with similar unvisited ones…</p>
      ) : null}
      <PanelCard
        panel={panel}
        params={{ windowMonths }}
        chart={
          panel ? (
            <EChart
              label="Return on visit with 90 % intervals"
              height={Math.max(160, 30 * Math.min(15, panel.rows.length) + 40)}
              option={errorBarOption(panel.rows)}
            />
          ) : null
        }
      />
    </div>
  );
}

/** Each interval as a thick segment from low to high, the estimate as a dot. */
function errorBarOption(rows: PanelRow[]): EChartsOption {
  const shown = rows.filter((r) => typeof r.estimate === 'number').slice(0, 15);
  const names = shown.map((r) => String(r.group));
  return {
    tooltip: { trigger: 'item' },
    // the axis name sits under the axis, centred: at its end it ran off the chart's right edge
    grid: { left: 8, right: 16, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value', name: 'referrals/month after vs before', nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'category', data: names, inverse: true },
    series: [
      ...shown.map((r, i) => ({
        type: 'line' as const,
        name: `${names[i]} interval`,
        data: [
          [Number(r.low ?? r.estimate), names[i]],
          [Number(r.high ?? r.estimate), names[i]],
        ],
        symbol: 'none',
        lineStyle: { width: 6, opacity: 0.35 },
        color: '#4a7bd0',
        tooltip: { show: false },
      })),
      {
        name: 'Estimate',
        type: 'scatter' as const,
        symbolSize: 12,
        data: shown.map((r, i) => [Number(r.estimate), names[i]]),
        z: 3,
      },
    ],
  };
}
