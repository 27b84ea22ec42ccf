// The evidence behind an alert: monthly referrals (bars) against what the baseline predicts (line),
// with the recent window shaded and the start month marked; a table equivalent for screen readers.

import type { EChartsOption } from 'echarts';
import { percentChance, statText } from '../../../core/referrals/chance';
import { EChart, seriesColors } from '../../ui';
import type { Alert } from './api';

export function AlertEvidence({ alert }: { alert: Alert }) {
  const c = seriesColors();
  const { months, observed, expected } = alert.evidence;
  const option: EChartsOption = {
    grid: { left: 40, right: 12, top: 24, bottom: 40 },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', name: 'referrals' },
    series: [
      {
        name: alert.direction === 'drop' ? 'to our network' : 'to competitors',
        type: 'bar',
        data: observed,
        itemStyle: { color: c[0] },
        markArea: {
          itemStyle: { opacity: 0.12 },
          data: [[{ xAxis: alert.recent.from }, { xAxis: alert.recent.to }]],
        },
        markLine: { symbol: 'none', label: { formatter: 'began' }, data: [{ xAxis: alert.startMonth }] },
      },
      {
        name: 'expected from baseline',
        type: 'line',
        data: expected.map((v) => Math.round(v * 10) / 10),
        itemStyle: { color: c[3] },
        symbol: 'none',
      },
    ],
  };
  return (
    <div>
      <EChart
        option={option}
        height={220}
        label={`Monthly referrals versus expectation for ${alert.physician ?? alert.referringNpi}`}
      />
      <p className="muted small">
        Baseline {alert.baseline.from}–{alert.baseline.to}: {alert.baseline.ratePerMonth.toFixed(1)}/month.
        Recent {alert.recent.from}–{alert.recent.to}: {alert.recent.observed} observed vs{' '}
        {alert.recent.expected.toFixed(1)} expected (
        {alert.test === 'share' ? 'share of their referrals' : 'volume against the market'}). Chance of a
        change this large without a real shift: {percentChance(alert.pValue)} ({statText('p', alert.pValue)});
        after testing every physician, the share of alerts this strong that chance alone would raise:{' '}
        {percentChance(alert.qValue)} ({statText('q', alert.qValue)}).
      </p>
    </div>
  );
}
