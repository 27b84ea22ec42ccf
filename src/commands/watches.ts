// Watching a physician: a user follows what others do with a physician they care about (a key
// referrer, a new arrival being courted). Watching is audited like any change a user makes.
import type { Kysely } from 'kysely';
import { personName } from '../core/directory/personName';
import type { NotificationText } from '../core/notifications';
import { recordAudit } from '../db/audit';
import type { DB } from '../db/schema';
import { CrmError } from './crm/errors';
import { actorName, notify, physicianName } from './notifications';

type Who = { id: number; label: string; ip?: string };

export async function watchState(db: Kysely<DB>, userId: number, npi: string) {
  const rows = await db.selectFrom('provider_watches').select('user_id').where('npi', '=', npi).execute();
  return { watching: rows.some((r) => Number(r.user_id) === userId), watchers: rows.length };
}

export async function setWatch(db: Kysely<DB>, actor: Who, npi: string, watching: boolean) {
  const known = await db.selectFrom('providers').select('npi').where('npi', '=', npi).executeTakeFirst();
  if (!known) throw new CrmError(`npi: provider ${npi} is not in the directory`, 404);
  return db.transaction().execute(async (trx) => {
    const changed = watching
      ? await trx
          .insertInto('provider_watches')
          .values({ user_id: actor.id, npi })
          .onConflict((oc) => oc.columns(['user_id', 'npi']).doNothing())
          .returning('npi')
          .executeTakeFirst()
      : await trx
          .deleteFrom('provider_watches')
          .where('user_id', '=', actor.id)
          .where('npi', '=', npi)
          .returning('npi')
          .executeTakeFirst();
    if (changed)
      await recordAudit(trx, {
        actorUserId: actor.id,
        actorLabel: actor.label,
        action: watching ? 'create' : 'delete',
        entity: 'provider_watch',
        entityId: npi,
        ip: actor.ip,
        detail: { watching },
      });
    return watchState(trx, actor.id, npi);
  });
}

/** The physicians a user watches, by name. */
export async function listWatched(db: Kysely<DB>, userId: number) {
  const rows = await db
    .selectFrom('provider_watches as w')
    .innerJoin('providers as p', 'p.npi', 'w.npi')
    .select(['w.npi', 'w.created_at', 'p.first_name', 'p.last_name', 'p.credential'])
    .where('w.user_id', '=', userId)
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .execute();
  return rows.map((r) => ({
    npi: r.npi,
    since: r.created_at,
    name: personName({ first: r.first_name, last: r.last_name, credential: r.credential }) || `NPI ${r.npi}`,
  }));
}

/**
 * Tells everyone watching these physicians, except the actor and `skip` (told otherwise already),
 * what happened: `text` gets each physician's name as screens write it.
 */
export async function tellWatchers(
  db: Kysely<DB>,
  actor: { id: number | null; label: string } | null,
  npis: string[],
  text: (physician: string, npi: string, actor: string) => NotificationText,
  skip: (number | null | undefined)[] = [],
): Promise<void> {
  const actorId = actor?.id ?? null;
  if (!npis.length) return;
  const rows = await db
    .selectFrom('provider_watches')
    .select(['user_id', 'npi'])
    .where('npi', 'in', [...new Set(npis)])
    .execute();
  const mute = new Set([actorId, ...skip].filter((x): x is number => x != null));
  const told = rows.filter((r) => !mute.has(Number(r.user_id)));
  if (!told.length) return;
  const who = actor ? await actorName(db, actor) : 'Rounds';
  for (const r of told) {
    const name = (await physicianName(db, r.npi)) ?? `NPI ${r.npi}`;
    await notify(db, Number(r.user_id), actorId, text(name, r.npi, who));
  }
}
