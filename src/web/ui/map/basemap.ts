// The offline basemap: US states and counties from us-atlas (Census cartographic boundaries,
// TopoJSON) shipped as static assets with the app, converted to GeoJSON in the browser.
import type { FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countiesUrl from 'us-atlas/counties-10m.json?url';
import statesUrl from 'us-atlas/states-10m.json?url';

export type Boundaries = {
  /** Polygons keyed by FIPS in feature.id (2-digit state, 5-digit county). */
  areas: FeatureCollection<Geometry, { name: string }>;
  /** Inner borders only, as one line layer (drawn once, no double strokes). */
  borders: MultiLineString;
};

type UsTopology = Topology<{
  states: GeometryCollection<{ name: string }>;
  counties: GeometryCollection<{ name: string }>;
}>;
const cache = new Map<string, Promise<Boundaries>>();

async function load(url: string, object: 'states' | 'counties'): Promise<Boundaries> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Cannot load the ${object} basemap (${res.status})`);
  const topo = (await res.json()) as UsTopology;
  const obj = topo.objects[object];
  return {
    areas: feature(topo, obj) as FeatureCollection<Geometry, { name: string }>,
    borders: mesh(topo, obj, (a, b) => a !== b),
  };
}

export function boundaries(level: 'state' | 'county'): Promise<Boundaries> {
  let p = cache.get(level);
  if (!p) {
    p = level === 'state' ? load(statesUrl, 'states') : load(countiesUrl, 'counties');
    p.catch(() => cache.delete(level));
    cache.set(level, p);
  }
  return p;
}

/** A sequential ramp (light → accent → dark), readable in both themes. */
export const RAMP = ['#e3f1ef', '#b4dbd5', '#7cbfb6', '#3f9d93', '#0f6e6e', '#0a4a4a'];

/** Quantile classes for a choropleth: `breaks[i]` is the upper bound of class i. */
export function choroplethScale(values: number[], steps = 5) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const n = Math.max(1, Math.min(steps, RAMP.length));
  const colors = RAMP.slice(RAMP.length - n);
  const breaks =
    sorted.length === 0
      ? []
      : Array.from(
          { length: n },
          (_, i) => sorted[Math.min(sorted.length - 1, Math.ceil(((i + 1) * sorted.length) / n) - 1)]!,
        );
  const colorFor = (v: number | undefined) => {
    if (v === undefined || !Number.isFinite(v) || breaks.length === 0) return null;
    const i = breaks.findIndex((b) => v <= b);
    return colors[i === -1 ? n - 1 : i]!;
  };
  return { breaks, colors, colorFor };
}
