// Field-app fixtures: the CRM directory fixtures, an office with coordinates and a saved day plan.
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema';
import { NPIS, seedDirectory } from '../crm/factories';

export { NPIS };
export const OFFICE = { lat: 47.6101, lon: -122.3421 };

export async function seedField(db: Kysely<DB>, liaisonId: number, date: string) {
  const { orgId } = await seedDirectory(db);
  const loc = await db
    .insertInto('locations')
    .values({
      organization_id: orgId,
      name: 'Lakeside Main',
      line1: '1 Pike St',
      city: 'Seattle',
      state: 'WA',
      zip5: '98101',
      ...OFFICE,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const locationId = Number(loc.id);
  const stopId = `loc-${locationId}`;
  const stop = {
    id: stopId,
    locationId,
    organizationId: Number(orgId),
    name: 'Lakeside Main',
    address: '1 Pike St, Seattle, WA',
    ...OFFICE,
    geoPrecision: 'rooftop',
    hours: null,
    visitRules: null,
    providers: [{ npi: NPIS[0], name: 'Ana Alvarez, MD', score: 0.5 }],
    priority: 1,
    prioritySource: 'default',
    why: [],
    visitType: 'drop_in',
    durationMin: 15,
    appointmentAt: null,
  };
  const start = { lat: 47.62, lon: -122.35, label: 'home' };
  const plan = await db
    .insertInto('route_plans')
    .values({
      liaison_id: liaisonId,
      plan_date: date,
      settings: JSON.stringify({
        dayStart: 480,
        dayEnd: 1020,
        start,
        end: start,
        startIsDefault: false,
        lunch: null,
        timeLimitMs: 1000,
        seed: 1,
      }),
      stops: JSON.stringify([stop]),
      pinned: '[]',
      done: '[]',
      result: JSON.stringify({
        days: [
          {
            day: 'tue',
            departure: 480,
            returnAt: 540,
            visits: [{ stopId, arrival: 495, start: 495, end: 510, wait: 0 }],
            travelMinutes: 30,
            km: 4.2,
          },
        ],
        unassigned: [],
        priority: 1,
        travelLabel: 'straight-line estimate',
      }),
      travel_source: 'estimate',
      feasible: true,
      solver_ms: 5,
      time_limit_ms: 1000,
      created_by: liaisonId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { orgId: Number(orgId), locationId, stopId, planId: Number(plan.id) };
}
