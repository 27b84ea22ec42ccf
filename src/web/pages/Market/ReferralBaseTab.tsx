// A physician's referral base (provider profile tab, also at /referrals/base/:npi): 24-month bars
// stacked by destination network, KPIs, top destinations (ours highlighted), service lines, data date.
import './market.css';
import type { EChartsOption } from 'echarts';
import { errorMessage } from '../../api/client';
import {
  type Column,
  DataTable,
  EChart,
  EmptyState,
  Kpi,
  NetworkChip,
  SkeletonRows,
  SourceNote,
} from '../../ui';
import { type Bucket, lineLabel, pct, type ReferralBase, useReferralBase } from './api';

const STACK: { key: Bucket; label: string; color: string }[] = [
  { key: 'ours', label: 'Ours', color: 'var(--st-ours)' },
  { key: 'affiliated', label: 'Affiliated', color: 'var(--st-affiliated)' },
  { key: 'independent', label: 'Independent', color: 'var(--st-independent)' },
  { key: 'competitor', label: 'Competitor', color: 'var(--st-competitor)' },
  { key: 'unknown', label: 'Not resolved', color: '#9aa3ad' },
];
const css = (v: string) =>
  v.startsWith('var(')
    ? getComputedStyle(document.documentElement).getPropertyValue(v.slice(4, -1)).trim() || '#888'
    : v;

export function ReferralBaseTab({ npi }: { npi: string }) {
  const q = useReferralBase(npi);
  if (q.error) return <EmptyState title="Referral base not available">{errorMessage(q.error)}</EmptyState>;
  if (!q.data) return <SkeletonRows rows={8} />;
  const b = q.data;
  if (b.total === 0)
    return (
      <EmptyState title="No referrals from this physician">
        Nothing in {b.from}–{b.to} in the imported referral data.
      </EmptyState>
    );
  const option: EChartsOption = {
    grid: { left: 40, right: 12, top: 16, bottom: 48 },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    xAxis: { type: 'category', data: b.monthly.map((m) => m.month) },
    yAxis: { type: 'value', name: 'referrals' },
    series: STACK.filter((s) => b.byNetwork[s.key] > 0).map((s) => ({
      name: s.label,
      type: 'bar',
      stack: 'n',
      data: b.monthly.map((m) => m[s.key]),
      itemStyle: { color: css(s.color) },
    })),
  };
  const source = { source: `${b.sources.join('+')} referrals ${b.from}–${b.to}`, dataDate: b.dataDate };
  const dest: Column<ReferralBase['topDestinations'][number]>[] = [
    { id: 'name', header: 'Destination', cell: (d) => (d.ours ? <strong>{d.name}</strong> : d.name) },
    {
      id: 'net',
      header: 'Network',
      cell: (d) => (d.network === 'unknown' ? 'not resolved' : <NetworkChip status={d.network} />),
    },
    { id: 'n', header: 'Referrals', cell: (d) => d.count, align: 'right' },
  ];
  const lines: Column<ReferralBase['byServiceLine'][number]>[] = [
    {
      id: 'line',
      header: 'Service line',
      cell: (l) => `${lineLabel(l.serviceLine)}${l.offered ? '' : ' (not offered)'}`,
    },
    { id: 'total', header: 'Referrals', cell: (l) => l.total, align: 'right' },
    { id: 'share', header: 'To our network', cell: (l) => pct(l.shareToOurs), align: 'right' },
    { id: 'comp', header: 'To competitors', cell: (l) => l.byNetwork.competitor, align: 'right' },
  ];
  const yoy = b.trend.yoyChange;
  return (
    <div className="referral-base">
      <div className="kpi-row">
        <Kpi label="Referrals" value={b.total.toLocaleString()} source={source} />
        {/* Share, segment and leakage over the last 12 months: the window of the target score and the
            lists' segment filter, so a physician is one segment everywhere; the period's own are below. */}
        <Kpi
          label={`Share to our network, last 12 months · ${b.recent12.segment.replace('_', ' ')}`}
          value={pct(b.recent12.shareToOurs)}
          source={{
            source: `${b.recent12.from}–${b.recent12.to}, lines we offer · loyalist ≥ ${pct(b.thresholds.loyalist)}, opportunity < ${pct(b.thresholds.opportunity)} · whole period ${pct(b.shareToOurs)}`,
          }}
        />
        <Kpi
          label="Leakage, last 12 months (to competitors, lines we offer)"
          value={b.recent12.leakage.toLocaleString()}
          source={{ source: `whole period ${b.from}–${b.to}: ${b.leakage.toLocaleString()}` }}
        />
        <Kpi
          label="Last 12 months vs the 12 before"
          value={b.trend.last12.toLocaleString()}
          trend={
            yoy === null
              ? undefined
              : { delta: yoy, format: (n) => pct(n), goodWhen: 'up', label: 'year over year' }
          }
        />
        <Kpi label="Consistency" value={`${b.consistency.monthsWithReferrals}/${b.consistency.of} months`} />
      </div>
      <EChart
        option={option}
        height={260}
        label={`Monthly referrals from ${b.provider?.name ?? npi} by destination network`}
      />
      <div className="market-movers">
        <DataTable
          label="Top destinations"
          columns={dest}
          rows={b.topDestinations}
          rowKey={(d) => d.key}
          maxHeight="320px"
        />
        <DataTable
          label="By service line"
          columns={lines}
          rows={b.byServiceLine}
          rowKey={(l) => l.serviceLine}
          maxHeight="320px"
        />
      </div>
      {b.collaboration ? (
        <p className="muted small">
          {b.collaboration.label}: {b.collaboration.partners} partners; beneficiaries with our network{' '}
          {b.collaboration.beneficiariesByNetwork.ours + b.collaboration.beneficiariesByNetwork.affiliated},
          with competitors {b.collaboration.beneficiariesByNetwork.competitor}.
        </p>
      ) : null}
      <SourceNote {...source} />
    </div>
  );
}
