// A map that works offline: US state/county outlines drawn from bundled boundaries, plus an
// optional online tile layer. Markers (plain or numbered), route lines and a choropleth.
// Leaflet and its CSS load only when a map is first shown.
import { lazy, Suspense, useLayoutEffect, useRef } from 'react';
import { holdRender } from './renderGate';
import { Skeleton } from './Skeleton';

export type MapTone =
  | 'accent'
  | 'ours'
  | 'affiliated'
  | 'independent'
  | 'competitor'
  | 'high'
  | 'medium'
  | 'low';
export type MapMarker = {
  id: string | number;
  lat: number;
  lng: number;
  /** Tooltip and accessible name. */
  label: string;
  /** Shows a numbered pin (route stops). */
  number?: number;
  tone?: MapTone;
};
export type MapLine = { id: string | number; points: [number, number][]; color?: string; dashed?: boolean };
export type Choropleth = {
  level: 'state' | 'county';
  /** Values keyed by FIPS (2-digit state or 5-digit county). */
  values: Record<string, number>;
  /** Legend title, e.g. "Our share, cardiology, last 12 months". */
  label: string;
  format?: (v: number) => string;
  steps?: number;
};

export type LeafletMapProps = {
  /** Accessible description of what the map shows. */
  label: string;
  height?: number | string;
  markers?: MapMarker[];
  lines?: MapLine[];
  choropleth?: Choropleth;
  /** Online tiles, e.g. from /api/system/info; without it the offline outline basemap is shown. */
  tileUrl?: string | null;
  tileAttribution?: string;
  /** Initial view when there is nothing to fit to: [lat, lng, zoom]. Defaults to the contiguous US. */
  view?: [number, number, number];
  onMarkerClick?: (m: MapMarker) => void;
  onAreaClick?: (fips: string, name: string) => void;
  /** Called (by MapView) once the outlines, choropleth and overlays are on the map. */
  onDrawn?: () => void;
};

const MapView = lazy(() => import('./map/MapView'));

export function LeafletMap(props: LeafletMapProps) {
  const height = props.height ?? 360;
  // The render gate (ui/renderGate.ts) is held from mount until MapView has drawn these layers.
  const release = useRef<() => void>(() => {});
  const { markers, lines, choropleth } = props;
  // biome-ignore lint/correctness/useExhaustiveDependencies: new layers hold the gate again
  useLayoutEffect(() => {
    const r = holdRender('map');
    release.current = r;
    return r;
  }, [markers, lines, choropleth]);
  return (
    <section className="map" style={{ height }} aria-label={props.label}>
      <Suspense fallback={<Skeleton height="100%" />}>
        <MapView {...props} onDrawn={() => release.current()} />
      </Suspense>
    </section>
  );
}

export { choroplethScale } from './map/basemap';
