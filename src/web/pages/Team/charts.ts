// ECharts options for the Team page, built from the same panel rows the tables and exports show.
import type { EChartsOption } from 'echarts';
import type { PanelRow } from '../dashboard/api';

const uniq = (xs: unknown[]) => [...new Set(xs.map(String))].sort();

/** Visits per liaison × week as a heatmap (darker = more visits). */
export function heatmapOption(rows: PanelRow[]): EChartsOption {
  const weeks = uniq(rows.map((r) => r.week));
  const people = uniq(rows.map((r) => r.liaison));
  const data = rows.map((r) => [
    weeks.indexOf(String(r.week)),
    people.indexOf(String(r.liaison)),
    Number(r.visits),
  ]);
  const max = Math.max(1, ...rows.map((r) => Number(r.visits)));
  return {
    tooltip: { position: 'top' },
    grid: { left: 8, right: 8, top: 8, bottom: 72, containLabel: true }, // room for the colour scale below the week labels
    xAxis: { type: 'category', data: weeks.map((w) => w.slice(5)), splitArea: { show: true } },
    yAxis: { type: 'category', data: people, splitArea: { show: true } },
    visualMap: {
      min: 0,
      max,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 80,
    },
    series: [{ name: 'Visits', type: 'heatmap', data, label: { show: weeks.length <= 13 } }],
  };
}

/** Activities by type per liaison, stacked. */
export function byTypeOption(rows: PanelRow[], types: { key: string; label: string }[]): EChartsOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: rows.map((r) => String(r.liaison)) },
    series: types.map((t) => ({
      name: t.label,
      type: 'bar',
      stack: 'all',
      data: rows.map((r) => Number(r[t.key] ?? 0)),
    })),
  };
}

export function barOption(labels: string[], values: number[], name: string): EChartsOption {
  return {
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name, type: 'bar', data: values, label: { show: true, position: 'top' } }],
  };
}
