// The offline basemap: US states and counties from us-atlas (Census cartographic boundaries,
// TopoJSON) shipped as static assets with the app, converted to GeoJSON in the browser.
import type { FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countiesUrl from 'us-atlas/counties-10m.json?url';
import statesUrl from 'us-atlas/states-10m.json?url';
import { joinPieces, type TopologyPiece } from './topologySubset';

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
const topologies = new Map<string, Promise<UsTopology>>();
const cache = new Map<string, Promise<Boundaries>>();

function topology(url: string, object: string): Promise<UsTopology> {
  let p = topologies.get(url);
  if (!p) {
    p = fetch(url).then((res) => {
      if (!res.ok) throw new Error(`Cannot load the ${object} basemap (${res.status})`);
      return res.json() as Promise<UsTopology>;
    });
    p.catch(() => topologies.delete(url));
    topologies.set(url, p);
  }
  return p;
}

async function load(url: string, object: 'states' | 'counties', states?: Set<string>): Promise<Boundaries> {
  const topo = await topology(url, object);
  const all = topo.objects[object];
  // Only the areas of the given states: a market is regional, and converting and drawing all 3,000+
  // US counties costs the browser far more than the few hundred it shows.
  const inStates = (g: { id?: string | number }) => !states || states.has(String(g.id).slice(0, 2));
  const obj = states ? { ...all, geometries: all.geometries.filter(inStates) } : all;
  return boundariesOf(topo, obj);
}

const boundariesOf = (topo: Topology, obj: GeometryCollection<{ name: string }>): Boundaries => ({
  areas: feature(topo, obj) as FeatureCollection<Geometry, { name: string }>,
  borders: mesh(topo, obj, (a, b) => a !== b),
});

/** The counties of some states from their per-state pieces (built by src/web/build/geoPieces.ts). */
async function loadCounties(states: Set<string>): Promise<Boundaries> {
  const pieces = await Promise.all(
    [...states].sort().map((s) => topology(`/geo/counties-${s}.json`, 'counties') as Promise<unknown>),
  );
  const topo = joinPieces(pieces as TopologyPiece[], 'counties');
  return boundariesOf(topo, topo.objects.counties as GeometryCollection<{ name: string }>);
}

/** State or county outlines; `states` (2-digit FIPS) limits them to those states. */
export function boundaries(level: 'state' | 'county', states?: Set<string>): Promise<Boundaries> {
  const key = `${level}|${states ? [...states].sort().join(',') : '*'}`;
  let p = cache.get(key);
  if (!p) {
    p =
      level === 'state'
        ? load(statesUrl, 'states', states)
        : states?.size
          ? loadCounties(states)
          : load(countiesUrl, 'counties');
    p.catch(() => cache.delete(key));
    cache.set(key, p);
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
