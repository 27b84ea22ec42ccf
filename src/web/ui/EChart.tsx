// ECharts (only the parts Rounds uses, ui/echartsModular.ts), loaded when a chart is first shown.
// Follows the theme, resizes with its box, and carries an accessible description (charts must also
// have a table or text equivalent nearby). Holds the render gate until its data is drawn.
import type { EChartsOption, EChartsType } from 'echarts';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { holdRender } from './renderGate';
import { Skeleton } from './Skeleton';
import { cssVar, useTheme } from './theme';

let echartsModule: Promise<typeof import('./echartsModular')> | null = null;
const loadEcharts = () => {
  echartsModule ??= import('./echartsModular');
  return echartsModule;
};
/** Starts loading ECharts now (a page with charts calls it on load, in parallel with its data). */
export const preloadCharts = () => {
  void loadEcharts();
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
  // Options are compared by content: pages build them inline on every render, and setting an identical
  // option again would only redraw the same chart.
  const optionKey = JSON.stringify(option);
  const latest = useRef(option);
  latest.current = option;
  // Held until this option is on the canvas; a new option or theme holds the gate again.
  const release = useRef<(() => void) | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: optionKey and theme are deliberate triggers
  useLayoutEffect(() => {
    const r = holdRender('chart');
    release.current = r;
    return r;
  }, [optionKey, theme]);

  // Draws the latest option (once per option: the first draw happens in the observer callback below,
  // without waiting for a React render in between).
  const drawn = useRef<string | null>(null);
  const draw = useRef(() => {});
  draw.current = () => {
    const c = chart.current;
    if (!c || drawn.current === optionKey) return;
    drawn.current = optionKey;
    const text = cssVar('--text-2');
    c.setOption(
      {
        backgroundColor: 'transparent',
        // No entry animation: the first frame setOption paints is then the data itself (with it, bars
        // start at zero and the chart keeps the main thread busy redrawing for another second).
        animation: false,
        color: seriesColors(),
        textStyle: { fontFamily: cssVar('--font') || 'sans-serif', color: text },
        grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
        ...latest.current,
      },
      true,
    );
    // setOption paints synchronously (ECharts flushes its canvas before returning): the data is drawn.
    release.current?.();
  };

  useEffect(() => {
    let disposed = false;
    let ro: ResizeObserver | null = null;
    loadEcharts().then(({ echarts }) => {
      const el = box.current;
      if (disposed || !el) return;
      // The chart is sized from the observer, which reports the box after the browser's own layout (once
      // on observe, then on every change), never by reading the box: echarts.init and resize() read it,
      // and with several charts mounting together each read forced a fresh layout of the whole page.
      ro = new ResizeObserver(([entry]) => {
        if (!entry || disposed) return;
        const width = Math.round(entry.contentRect.width);
        const height = Math.round(entry.contentRect.height);
        const c = chart.current;
        if (!c) {
          chart.current = echarts.init(el, theme === 'dark' ? 'dark' : undefined, {
            renderer: 'canvas',
            width,
            height,
          });
          draw.current();
          setReady(true);
        } else if (width !== c.getWidth() || height !== c.getHeight()) c.resize({ width, height });
      });
      ro.observe(el);
    });
    return () => {
      disposed = true;
      ro?.disconnect();
      chart.current?.dispose();
      chart.current = null;
      drawn.current = null;
      setReady(false);
    };
  }, [theme]);

  // A new option on a chart already there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: optionKey is the trigger; draw reads the latest
  useEffect(() => {
    if (ready) draw.current();
  }, [ready, optionKey]);

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
