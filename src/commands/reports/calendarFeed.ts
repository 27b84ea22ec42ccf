// A liaison's private calendar subscription: planned visits from saved route plans (two weeks back,
// eight weeks ahead) and open tasks with a due date (all-day). The URL carries a random token; only its
// SHA-256 is stored, so a database leak does not reveal working feed URLs. Rotating replaces the token.
import { createHash, randomBytes } from 'node:crypto';
import ical from 'ical-generator';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../db/audit';
import { listRoutePlans } from '../../db/queries/routes/plans';
import type { DB } from '../../db/schema';
import { addDays, isoToday } from '../dashboards/panel';
import { localDate } from '../routes/planDay';
import { presentPlan } from '../routes/present';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const TOKEN_RE = /^[A-Za-z0-9_-]{32,64}$/;

export async function rotateCalendarToken(db: Kysely<DB>, actor: { id: number; label: string; ip?: string }) {
  const token = randomBytes(24).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('calendar_tokens')
      .values({ user_id: actor.id, token_sha256: sha256(token) })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({ token_sha256: sha256(token), created_at: new Date() }),
      )
      .execute();
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'update',
      entity: 'calendar_token',
      entityId: actor.id,
      ip: actor.ip,
      detail: { rotated: true },
    });
  });
  return token;
}

export async function revokeCalendarToken(db: Kysely<DB>, actor: { id: number; label: string; ip?: string }) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('calendar_tokens').where('user_id', '=', actor.id).execute();
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'delete',
      entity: 'calendar_token',
      entityId: actor.id,
      ip: actor.ip,
    });
  });
}

export async function calendarStatus(db: Kysely<DB>, userId: number) {
  const row = await db
    .selectFrom('calendar_tokens')
    .select('created_at')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return { active: !!row, createdAt: row?.created_at ?? null };
}

/** The feed for a token, or null when the token is unknown (or its user disabled). */
export async function calendarFeedFor(
  db: Kysely<DB>,
  token: string,
  host: string,
  today = isoToday(),
): Promise<string | null> {
  if (!TOKEN_RE.test(token)) return null;
  const owner = await db
    .selectFrom('calendar_tokens as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.disabled'])
    .where('c.token_sha256', '=', sha256(token))
    .executeTakeFirst();
  if (!owner || owner.disabled) return null;
  const cal = ical({
    name: `Rounds — ${owner.name}`,
    prodId: { company: 'Rounds', product: 'calendar-feed' },
    ttl: 3600,
  });
  const plans = await listRoutePlans(db, {
    liaisonId: owner.id,
    from: addDays(today, -14),
    to: addDays(today, 56),
    latestPerDay: true,
  });
  for (const row of plans) {
    if (row.status === 'archived') continue;
    const plan = presentPlan(row, { id: owner.id, email: owner.email, name: owner.name });
    for (const v of plan.visits) {
      cal.createEvent({
        id: `route-${plan.id}-${v.stopId}@${host}`,
        start: localDate(plan.date, v.start),
        end: localDate(plan.date, v.end),
        floating: true,
        summary: `Visit: ${v.name}`,
        location: v.address || `${v.lat}, ${v.lon}`,
        description: [
          v.providers.map((p) => p.name).join(', '),
          `Planned in Rounds (route ${plan.date}, stop ${v.seq})`,
        ]
          .filter(Boolean)
          .join('\n'),
      });
    }
  }
  const tasks = await db
    .selectFrom('tasks')
    .select(['id', 'title', 'due_on', 'description'])
    .where('owner_id', '=', owner.id)
    .where('deleted_at', 'is', null)
    .where('status', 'in', ['open', 'in_progress'])
    .where('due_on', 'is not', null)
    .where('due_on', '>=', addDays(today, -30))
    .where('due_on', '<=', addDays(today, 90))
    .orderBy('due_on')
    .limit(500)
    .execute();
  for (const t of tasks) {
    const [y, m, d] = t.due_on!.split('-').map(Number) as [number, number, number];
    cal.createEvent({
      id: `task-${t.id}@${host}`,
      start: new Date(y, m - 1, d),
      allDay: true,
      summary: `Task: ${t.title}`,
      description: t.description || undefined,
    });
  }
  return cal.toString();
}
