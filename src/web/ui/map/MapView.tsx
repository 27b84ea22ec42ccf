// The Leaflet implementation behind LeafletMap (loaded lazily with leaflet.css).
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import type { LeafletMapProps, MapMarker } from '../LeafletMap';
import { cssVar, useTheme } from '../theme';
import { boundaries, choroplethScale } from './basemap';
import { MapLegend } from './MapLegend';

const TONE_VAR: Record<string, string> = {
  accent: '--accent',
  ours: '--st-ours',
  affiliated: '--st-affiliated',
  independent: '--st-independent',
  competitor: '--st-competitor',
  high: '--sev-high',
  medium: '--sev-medium',
  low: '--sev-low',
};

function pinIcon(m: MapMarker) {
  const el = document.createElement('div');
  el.className = m.number === undefined ? 'pin pin-dot' : 'pin';
  el.style.background = `var(${TONE_VAR[m.tone ?? 'accent']})`;
  if (m.number !== undefined) el.textContent = String(m.number);
  const size = m.number === undefined ? 14 : 26;
  return L.divIcon({ html: el, className: '', iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
}

export default function MapView(props: LeafletMapProps) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const theme = useTheme();
  const [error, setError] = useState<string | null>(null);
  const [legend, setLegend] = useState<{ breaks: number[]; colors: string[] } | null>(null);

  const { markers, lines, choropleth, tileUrl, tileAttribution } = props;
  // Click handlers change identity on every render; read the latest through a ref.
  const handlers = useRef(props);
  handlers.current = props;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the initial view only; data changes refit
  useEffect(() => {
    if (!box.current) return;
    const [lat, lng, zoom] = props.view ?? [39.5, -98.35, 4];
    const m = L.map(box.current, { preferCanvas: true, zoomSnap: 0.25, attributionControl: true }).setView(
      [lat, lng],
      zoom,
    );
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  // Layers are rebuilt when their inputs or the theme change (colors come from CSS variables).
  // biome-ignore lint/correctness/useExhaustiveDependencies: theme is a deliberate trigger
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const group = L.layerGroup().addTo(m);
    let cancelled = false;

    if (tileUrl) L.tileLayer(tileUrl, { attribution: tileAttribution ?? '', maxZoom: 19 }).addTo(group);

    const level = choropleth?.level ?? 'state';
    // A county choropleth draws the counties of the states it has values in, and opens on them.
    const states =
      level === 'county' && choropleth && Object.keys(choropleth.values).length
        ? new Set(Object.keys(choropleth.values).map((f) => f.slice(0, 2)))
        : undefined;
    boundaries(level, states)
      .then((b) => {
        if (cancelled) return;
        const scale = choropleth ? choroplethScale(Object.values(choropleth.values), choropleth.steps) : null;
        setLegend(scale ? { breaks: scale.breaks, colors: scale.colors } : null);
        const fmt = choropleth?.format ?? ((v: number) => v.toLocaleString());
        const areas = L.geoJSON(b.areas, {
          style: (f) => {
            const v = choropleth?.values[String(f?.id)];
            const fill = scale?.colorFor(v);
            return {
              stroke: false,
              fill: !tileUrl || !!fill,
              fillColor: fill ?? cssVar('--surface'),
              fillOpacity: fill ? 0.85 : 1,
            };
          },
          onEachFeature: (f, layer) => {
            const id = String(f.id);
            const v = choropleth?.values[id];
            layer.bindTooltip(`${f.properties.name}${v !== undefined ? ` · ${fmt(v)}` : ''}`, {
              sticky: true,
            });
            layer.on('click', () => handlers.current.onAreaClick?.(id, f.properties.name));
          },
        });
        // Opened on the valued areas before anything is drawn, without the zoom animation: drawn first
        // at the whole-country view, every county was projected and painted twice, and the map was
        // still a scaled, blurred picture for the quarter second the animation ran.
        if (states && !markers?.length && !lines?.length) {
          const valued = L.geoJSON({
            type: 'FeatureCollection',
            features: b.areas.features.filter((f) => choropleth?.values[String(f.id)] !== undefined),
          } as typeof b.areas);
          const bounds = valued.getBounds();
          if (bounds.isValid()) m.fitBounds(bounds, { padding: [16, 16], animate: false });
        }
        areas.addTo(group);
        L.geoJSON(b.borders, {
          style: {
            color: cssVar('--border-strong'),
            weight: level === 'county' ? 0.5 : 1,
            interactive: false,
          },
        }).addTo(group);
        // Markers and lines above the basemap.
        drawOverlays();
      })
      .catch((e: Error) => {
        if (!cancelled) setError(e.message);
        drawOverlays();
      });

    let drawn = false;
    function drawOverlays() {
      if (cancelled || drawn || !m) return;
      drawn = true;
      for (const line of lines ?? [])
        L.polyline(line.points, {
          color: line.color ?? cssVar('--accent'),
          weight: 4,
          opacity: 0.85,
          dashArray: line.dashed ? '6 6' : undefined,
        }).addTo(group);
      for (const mk of markers ?? []) {
        const marker = L.marker([mk.lat, mk.lng], {
          icon: pinIcon(mk),
          title: mk.label,
          alt: mk.label,
          keyboard: true,
        });
        marker.bindTooltip(mk.label);
        marker.on('click', () => handlers.current.onMarkerClick?.(mk));
        marker.addTo(group);
      }
      const pts: [number, number][] = [
        ...(markers ?? []).map((x) => [x.lat, x.lng] as [number, number]),
        ...(lines ?? []).flatMap((l) => l.points),
      ];
      if (pts.length > 1) m.fitBounds(L.latLngBounds(pts), { padding: [32, 32], maxZoom: 14 });
      else if (pts.length === 1) m.setView(pts[0]!, 12);
      handlers.current.onDrawn?.();
    }

    return () => {
      cancelled = true;
      group.remove();
    };
  }, [markers, lines, choropleth, tileUrl, tileAttribution, theme]);

  return (
    <>
      <div ref={box} style={{ height: '100%' }} />
      <MapLegend
        error={error}
        label={choropleth?.label}
        legend={legend}
        format={choropleth?.format ?? String}
      />
    </>
  );
}
