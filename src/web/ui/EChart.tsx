// ECharts, loaded only when a chart is first shown. Follows the theme, resizes with its box, and
// carries an accessible description (charts must also have a table or text equivalent nearby).
import type { EChartsOption, EChartsType } from 'echarts';
import { useEffect, useRef, useState } from 'react';
import { Skeleton } from './Skeleton';
import { cssVar, useTheme } from './theme';

let echartsModule: Promise<typeof import('echarts')> | null = null;
const loadEcharts = () => {
  echartsModule ??= import('echarts');
  return echartsModule;
};

/** Colors for series, in order: the accent first, then distinguishable hues. */
export const seriesColors = () => [
  cssVar('--accent'),
  cssVar('--st-affiliated'),
  cssVar('--sev-medium'),
  cssVar('--st-competitor'),
  cssVar('--st-independent'),
  '#8e6bbf',
];

export function EChart({
  option,
  height = 280,
  label,
  onClick,
}: {
  option: EChartsOption;
  height?: number;
  /** What the chart shows, read by screen readers. */
  label: string;
  onClick?: (params: { name: string; seriesName?: string; value: unknown; dataIndex: number }) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const theme = useTheme();
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let ro: ResizeObserver | null = null;
    loadEcharts().then((echarts) => {
      if (disposed || !box.current) return;
      chart.current = echarts.init(box.current, theme === 'dark' ? 'dark' : undefined, {
        renderer: 'canvas',
      });
      ro = new ResizeObserver(() => chart.current?.resize());
      ro.observe(box.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      ro?.disconnect();
      chart.current?.dispose();
      chart.current = null;
      setReady(false);
    };
  }, [theme]);

  useEffect(() => {
    if (!ready || !chart.current) return;
    const text = cssVar('--text-2');
    chart.current.setOption(
      {
        backgroundColor: 'transparent',
        color: seriesColors(),
        textStyle: { fontFamily: cssVar('--font') || 'sans-serif', color: text },
        grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
        ...option,
      },
      true,
    );
  }, [ready, option]);

  useEffect(() => {
    const c = chart.current;
    if (!ready || !c || !onClick) return;
    c.on('click', onClick as never);
    return () => {
      c.off('click');
    };
  }, [ready, onClick]);

  return (
    <div className="chart" style={{ height, position: 'relative' }} role="img" aria-label={label}>
      <div ref={box} style={{ position: 'absolute', inset: 0 }} />
      {ready ? null : <Skeleton height={height} />}
    </div>
  );
}
