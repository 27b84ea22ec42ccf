// A choropleth as SVG path data: the areas (with their class colour) and their inner borders, projected
// with d3-geo to fit the valued areas in a width × height box. The dashboard's coverage map draws
// these as one <svg>; Leaflet (MapView) stays for maps that pan, zoom, carry tiles, pins or routes.

import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Boundaries } from './basemap';
import { choroplethScale } from './basemap';

export type ChoroplethArea = { id: string; name: string; d: string; value?: number; fill: string | null };
export type ChoroplethDrawing = {
  areas: ChoroplethArea[];
  borders: string;
  legend: { breaks: number[]; colors: string[] };
};

/**
 * Projects `b` so the areas with a value fill the box less `padding` on each side (all areas when none
 * has one); areas outside that frame are still drawn, the SVG clips them at its edge. Coordinates are
 * rounded to 0.1 px, which keeps the path strings short.
 */
export function choroplethDrawing(
  b: Boundaries,
  values: Record<string, number>,
  size: { width: number; height: number; padding?: number; steps?: number },
): ChoroplethDrawing {
  const pad = size.padding ?? 16;
  const valued = b.areas.features.filter((f) => values[String(f.id)] !== undefined);
  const frame: FeatureCollection<Geometry> = {
    type: 'FeatureCollection',
    features: (valued.length ? valued : b.areas.features) as Feature<Geometry>[],
  };
  const projection = geoMercator().fitExtent(
    [
      [pad, pad],
      [Math.max(pad + 1, size.width - pad), Math.max(pad + 1, size.height - pad)],
    ],
    frame,
  );
  const path = geoPath(projection).digits(1);
  const scale = choroplethScale(Object.values(values), size.steps);
  const areas = b.areas.features.map((f) => {
    const id = String(f.id);
    const value = values[id];
    return { id, name: f.properties.name, d: path(f) ?? '', value, fill: scale.colorFor(value) };
  });
  return {
    areas: areas.filter((a) => a.d),
    borders: path(b.borders) ?? '',
    legend: { breaks: scale.breaks, colors: scale.colors },
  };
}
