// Phone-navigation links for a day's route. Google Maps URLs accept at most 9 waypoints per link, so a long
// day is split into consecutive legs (each link starts where the previous one ended). Apple Maps takes the
// stops as one `daddr` chain joined by "+to:".
export type LatLonPoint = { lat: number; lon: number };

const ll = (p: LatLonPoint) => `${p.lat.toFixed(6)},${p.lon.toFixed(6)}`;
export const GOOGLE_MAX_WAYPOINTS = 9;

export function googleMapsLinks(
  start: LatLonPoint,
  stops: readonly LatLonPoint[],
  end: LatLonPoint,
): string[] {
  const path = [start, ...stops, end];
  const links: string[] = [];
  for (let i = 0; i < path.length - 1; i += GOOGLE_MAX_WAYPOINTS + 1) {
    const leg = path.slice(i, i + GOOGLE_MAX_WAYPOINTS + 2);
    const q = new URLSearchParams({
      api: '1',
      origin: ll(leg[0]!),
      destination: ll(leg[leg.length - 1]!),
      travelmode: 'driving',
    });
    const mid = leg.slice(1, -1);
    if (mid.length) q.set('waypoints', mid.map(ll).join('|'));
    links.push(`https://www.google.com/maps/dir/?${q.toString()}`);
  }
  return links;
}

export function appleMapsLink(start: LatLonPoint, stops: readonly LatLonPoint[], end: LatLonPoint): string {
  const daddr = [...stops, end].map(ll).join('+to:');
  return `https://maps.apple.com/?saddr=${ll(start)}&daddr=${daddr}&dirflg=d`;
}
