// The choropleth legend (or the error that kept the outlines from loading), shared by the Leaflet map
// (MapView) and the dashboard's SVG map (ChoroplethMap).
export function MapLegend({
  error,
  label,
  legend,
  format,
}: {
  error: string | null;
  label?: string;
  legend: { breaks: number[]; colors: string[] } | null;
  format: (v: number) => string;
}) {
  if (error)
    return (
      <div className="map-legend" role="alert">
        {error}
      </div>
    );
  if (!legend?.colors.length || label === undefined) return null;
  return (
    <div className="map-legend">
      <div>{label}</div>
      <div className="map-legend-scale" aria-hidden="true">
        {legend.colors.map((c) => (
          <span key={c} style={{ background: c }} />
        ))}
      </div>
      <div className="row muted" style={{ justifyContent: 'space-between' }}>
        <span>≤ {format(legend.breaks[0] ?? 0)}</span>
        <span>{format(legend.breaks[legend.breaks.length - 1] ?? 0)}</span>
      </div>
    </div>
  );
}
