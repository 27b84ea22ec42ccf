// A county or state choropleth drawn as one SVG (no Leaflet): for dashboard panels, where the map is a
// picture of the numbers in the table beside it. No tiles, pan or zoom — a title per area says its name
// and value, and a click can open the area. On the Team page it spares the browser Leaflet's 150 kB chunk and
// the layouts Leaflet forces while it mounts (sampled profile: ≈ 25 ms of d3-geo against ≈ 86 ms of Leaflet).
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Choropleth } from './LeafletMap';
import { type Boundaries, boundaries } from './map/basemap';
import { choroplethDrawing } from './map/choroplethSvg';
import { MapLegend } from './map/MapLegend';
import { holdRender } from './renderGate';

export type ChoroplethMapProps = {
  /** Accessible description of what the map shows. */
  label: string;
  height: number;
  choropleth: Choropleth;
  onAreaClick?: (fips: string, name: string) => void;
};

export function ChoroplethMap({ label, height, choropleth, onAreaClick }: ChoroplethMapProps) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [outlines, setOutlines] = useState<Boundaries | null>(null);
  const [error, setError] = useState<string | null>(null);
  const release = useRef<() => void>(() => {});

  // The render gate (ui/renderGate.ts) is held until these values are drawn.
  // biome-ignore lint/correctness/useExhaustiveDependencies: new values hold the gate again
  useLayoutEffect(() => {
    const r = holdRender('map');
    release.current = r;
    return r;
  }, [choropleth]);

  // Width from a ResizeObserver (after layout, so reading it forces none).
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.round(e?.contentRect.width ?? 0)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // The counties of the states that have values (a market is regional), or every state.
  useEffect(() => {
    let cancelled = false;
    const fips = Object.keys(choropleth.values);
    const states =
      choropleth.level === 'county' && fips.length ? new Set(fips.map((f) => f.slice(0, 2))) : undefined;
    boundaries(choropleth.level, states)
      .then((b) => !cancelled && setOutlines(b))
      .catch((e: Error) => {
        if (cancelled) return;
        setError(e.message);
        release.current();
      });
    return () => {
      cancelled = true;
    };
  }, [choropleth]);

  const drawing = useMemo(
    () =>
      outlines && width > 0
        ? choroplethDrawing(outlines, choropleth.values, { width, height, steps: choropleth.steps })
        : null,
    [outlines, width, height, choropleth],
  );
  useLayoutEffect(() => {
    if (drawing) release.current();
  }, [drawing]);

  const fmt = choropleth.format ?? ((v: number) => v.toLocaleString());
  return (
    <section className="map choropleth" style={{ height }} aria-label={label} ref={box}>
      {drawing ? (
        <svg width={width} height={height} role="img" aria-label={label}>
          {drawing.areas.map((a) => (
            // biome-ignore lint/a11y/noStaticElementInteractions: the table beside the map is the accessible way to each area
            <path
              key={a.id}
              className={onAreaClick ? 'area clickable' : 'area'}
              d={a.d}
              fill={a.fill ?? 'var(--surface)'}
              fillOpacity={a.fill ? 0.85 : 1}
              onClick={onAreaClick ? () => onAreaClick(a.id, a.name) : undefined}
            >
              <title>{`${a.name}${a.value !== undefined ? ` · ${fmt(a.value)}` : ''}`}</title>
            </path>
          ))}
          <path className="borders" d={drawing.borders} />
        </svg>
      ) : null}
      <MapLegend error={error} label={choropleth.label} legend={drawing?.legend ?? null} format={fmt} />
    </section>
  );
}
