// Check-ins: the device's point once, at arrival, with its distance to the office. Nothing is recorded
// between check-ins (no location tracking).
import type { Kysely } from 'kysely';
import { haversineMiles } from '../../core/geo/distance';
import type { DB } from '../../db/schema';
import { CrmError } from '../crm/errors';

const METERS_PER_MILE = 1609.344;

export type CheckinInput = {
  locationId?: number;
  routePlanId?: number;
  stopId?: string;
  lat: number;
  lon: number;
  accuracyM?: number | null;
  at: string;
};

export async function recordCheckin(db: Kysely<DB>, userId: number, clientKey: string, c: CheckinInput) {
  const locationId = c.locationId ?? (c.stopId ? Number(c.stopId.slice(4)) : undefined);
  let distanceM: number | null = null;
  if (locationId !== undefined) {
    const loc = await db
      .selectFrom('locations')
      .select(['id', 'lat', 'lon'])
      .where('id', '=', locationId)
      .executeTakeFirst();
    if (!loc) throw new CrmError(`locationId: unknown location ${locationId}`, 400);
    if (loc.lat !== null && loc.lon !== null)
      distanceM = Math.round(haversineMiles(c.lat, c.lon, loc.lat, loc.lon) * METERS_PER_MILE);
  }
  if (c.routePlanId !== undefined) {
    const plan = await db
      .selectFrom('route_plans')
      .select('liaison_id')
      .where('id', '=', c.routePlanId)
      .executeTakeFirst();
    if (!plan || Number(plan.liaison_id) !== userId)
      throw new CrmError(`routePlanId: route plan ${c.routePlanId} is not yours`, 400);
  }
  const row = await db
    .insertInto('checkins')
    .values({
      user_id: userId,
      client_key: clientKey,
      location_id: locationId ?? null,
      route_plan_id: c.routePlanId ?? null,
      stop_id: c.stopId ?? null,
      lat: c.lat,
      lon: c.lon,
      accuracy_m: c.accuracyM ?? null,
      distance_m: distanceM,
      checked_in_at: new Date(c.at),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...row, id: Number(row.id) };
}

/** The check-ins stored for a route plan of this user, first per stop, oldest first. */
export async function planCheckins(db: Kysely<DB>, userId: number, planId: number) {
  const rows = await db
    .selectFrom('checkins')
    .select(['client_key', 'stop_id', 'distance_m', 'checked_in_at', 'activity_id'])
    .where('user_id', '=', userId)
    .where('route_plan_id', '=', planId)
    .orderBy('checked_in_at')
    .orderBy('id')
    .execute();
  const seen = new Set<string>();
  return rows
    .filter((r) => r.stop_id !== null && !seen.has(r.stop_id) && seen.add(r.stop_id))
    .map((r) => ({
      key: r.client_key,
      stopId: r.stop_id as string,
      distanceM: r.distance_m,
      at: new Date(r.checked_in_at).toISOString(),
      activityId: r.activity_id === null ? null : Number(r.activity_id),
    }));
}

/** Links a check-in (by its client key) to the visit logged after it. */
export async function linkCheckin(db: Kysely<DB>, userId: number, clientKey: string, activityId: number) {
  await db
    .updateTable('checkins')
    .set({ activity_id: activityId })
    .where('user_id', '=', userId)
    .where('client_key', '=', clientKey)
    .execute();
}

/** Marks a stop of the liaison's plan visited by this activity (kept if the planner already marked it). */
export async function markStopVisited(
  db: Kysely<DB>,
  userId: number,
  planId: number,
  stopId: string,
  at: Date,
  activityId: number,
) {
  const plan = await db
    .selectFrom('route_plans')
    .select(['id', 'liaison_id', 'done', 'stops'])
    .where('id', '=', planId)
    .forUpdate()
    .executeTakeFirst();
  if (!plan || Number(plan.liaison_id) !== userId)
    throw new CrmError(`routePlanId: route plan ${planId} is not yours`, 400);
  if (!(plan.stops as { id: string }[]).some((s) => s.id === stopId))
    throw new CrmError(`stopId: stop ${stopId} is not part of route plan ${planId}`, 400);
  const done = plan.done as { stopId: string; at: number; activityId: number | null }[];
  const prior = done.find((d) => d.stopId === stopId);
  if (prior?.activityId) return;
  const minute = at.getHours() * 60 + at.getMinutes();
  const next = prior
    ? done.map((d) => (d.stopId === stopId ? { ...d, activityId } : d))
    : [...done, { stopId, at: minute, activityId }];
  await db
    .updateTable('route_plans')
    .set((eb) => ({ done: JSON.stringify(next), version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', planId)
    .execute();
}
