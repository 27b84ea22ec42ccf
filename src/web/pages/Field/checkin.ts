// Check-in at a stop: one reading of the device position (no tracking), saved to the outbox with the
// distance to the office so the liaison sees at once whether the phone agrees they are there.
import { haversineMiles } from '../../../core/geo/distance';
import { newKey } from '../../pwa/outbox';
import { queue } from './fieldApi';

const METERS_PER_MILE = 1609.344;
const storeKey = (planId: number, stopId: string) => `rounds-checkin:${planId}:${stopId}`;

export type CheckinMark = { key: string; distanceM: number; at: string };

export function checkinFor(planId: number, stopId: string): CheckinMark | null {
  try {
    const raw = localStorage.getItem(storeKey(planId, stopId));
    return raw ? (JSON.parse(raw) as CheckinMark) : null;
  } catch {
    return null;
  }
}

function position(): Promise<GeolocationPosition> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new Error('This browser cannot read the device location.'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      resolve,
      (e) => reject(new Error(e.message || 'Location unavailable')),
      {
        enableHighAccuracy: true,
        timeout: 15_000,
        maximumAge: 60_000,
      },
    );
  });
}

export async function checkIn(
  userId: number | null,
  planId: number,
  stop: { stopId: string; locationId: number; name: string; lat: number; lon: number },
): Promise<CheckinMark> {
  const pos = await position();
  const { latitude: lat, longitude: lon, accuracy } = pos.coords;
  const key = newKey('checkin');
  await queue(
    userId,
    'checkin',
    `Check-in · ${stop.name}`,
    {
      routePlanId: planId,
      stopId: stop.stopId,
      locationId: stop.locationId,
      lat,
      lon,
      accuracyM: Math.round(accuracy),
      at: new Date().toISOString(),
    },
    { key },
  );
  const mark = {
    key,
    distanceM: Math.round(haversineMiles(lat, lon, stop.lat, stop.lon) * METERS_PER_MILE),
    at: new Date().toISOString(),
  };
  localStorage.setItem(storeKey(planId, stop.stopId), JSON.stringify(mark));
  return mark;
}

export function formatDistance(m: number) {
  return m < 1000 ? `${m} m` : `${(m / METERS_PER_MILE).toFixed(1)} mi`;
}
