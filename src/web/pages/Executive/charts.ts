// ECharts options for the market page, from the panel rows the tables and exports show.
import type { EChartsOption } from 'echarts';
import type { PanelRow } from '../dashboard/api';

/** Share to us and to competitors per month, over the service lines in the rows. */
export function shareTrendOption(rows: PanelRow[]): EChartsOption {
  const byMonth = new Map<string, { total: number; ours: number; competitor: number }>();
  for (const r of rows) {
    const m = byMonth.get(String(r.month)) ?? { total: 0, ours: 0, competitor: 0 };
    m.total += Number(r.total);
    m.ours += Number(r.ours);
    m.competitor += Number(r.competitor);
    byMonth.set(String(r.month), m);
  }
  const months = [...byMonth.keys()].sort();
  const share = (k: 'ours' | 'competitor') =>
    months.map((m) => {
      const t = byMonth.get(m)!;
      return t.total ? Math.round((t[k] / t.total) * 1000) / 10 : null;
    });
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${v} %` },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', axisLabel: { formatter: '{value} %' } },
    series: [
      { name: 'Share to our network', type: 'line', data: share('ours'), smooth: true },
      { name: 'Leakage to competitors', type: 'line', data: share('competitor'), smooth: true },
    ],
  };
}

export function leakageValueOption(rows: PanelRow[]): EChartsOption {
  const withValue = rows.filter((r) => typeof r.value === 'number').slice(0, 12);
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => `$${(v / 1e6).toFixed(1)}M` } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: withValue.map((r) => String(r.line).replace(/_/g, ' ')),
    },
    series: [
      { name: 'Estimated value of leakage', type: 'bar', data: withValue.map((r) => Number(r.value)) },
    ],
  };
}

export function arrivalsOption(rows: PanelRow[]): EChartsOption {
  const byMonth = new Map<string, number>();
  for (const r of rows) byMonth.set(String(r.month), (byMonth.get(String(r.month)) ?? 0) + Number(r.n));
  const months = [...byMonth.keys()].sort();
  return {
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: 'New physicians', type: 'bar', data: months.map((m) => byMonth.get(m)!) }],
  };
}
