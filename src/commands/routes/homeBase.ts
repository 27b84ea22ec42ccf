// A liaison's home base: where a plan starts and ends when it names no start. Set by the liaison (or a
// manager for them) as a ZIP, coordinates or an office; kept resolved to a point, with its place for the form.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import { type Place, resolvePlace } from './places';
import type { Point } from './types';

export type HomeBase = { place: Place; lat: number; lon: number; label: string };

export async function getHomeBase(db: Kysely<DB>, userId: number): Promise<HomeBase | null> {
  const row = await db.selectFrom('users').select('home_base').where('id', '=', userId).executeTakeFirst();
  const v = row?.home_base as HomeBase | null | undefined;
  return v && typeof v.lat === 'number' && typeof v.lon === 'number' ? v : null;
}

/** The point a plan starts from: the home base, labelled as such, or null (the planner then uses the stops' centre). */
export async function homeBasePoint(db: Kysely<DB>, userId: number): Promise<Point | null> {
  const h = await getHomeBase(db, userId);
  return h ? { lat: h.lat, lon: h.lon, label: `home base: ${h.label}` } : null;
}

export async function setHomeBase(
  db: Kysely<DB>,
  actor: { id: number | null; label: string; ip?: string },
  userId: number,
  place: Place | null,
): Promise<HomeBase | null> {
  const before = await getHomeBase(db, userId);
  const point = place && (await resolvePlace(db, place, 'body.place', 'home'));
  const after: HomeBase | null = point && place ? { place, ...point } : null;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ home_base: after && JSON.stringify(after), updated_at: new Date() })
      .where('id', '=', userId)
      .execute();
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'update',
      entity: 'user_home_base',
      entityId: userId,
      ip: actor.ip,
      detail: { before: before?.label ?? null, after: after?.label ?? null },
    });
  });
  return after;
}
