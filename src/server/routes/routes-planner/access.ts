// Who a route request is for: a liaison plans only their own days; managers and admins plan anyone's.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../auth/guard';
import { HttpError } from '../../lib/errors';

export type Liaison = { id: number; email: string; name: string };

export async function resolveLiaison(
  db: Kysely<DB>,
  actor: Actor,
  ref: string | number | undefined,
  field: string,
): Promise<Liaison> {
  const q = db.selectFrom('users').select(['id', 'email', 'name']);
  if (ref === undefined || ref === '') {
    if (actor.id === null)
      throw new HttpError(400, `${field}: say whose route this is (an API token has no user)`);
    const me = await q.where('id', '=', actor.id).executeTakeFirst();
    if (!me) throw new HttpError(404, `${field}: no user ${actor.id}`);
    return { id: Number(me.id), email: me.email, name: me.name };
  }
  const byId = typeof ref === 'number' || /^\d+$/.test(ref);
  const u = await (byId
    ? q.where('id', '=', Number(ref))
    : q.where('email', '=', String(ref).toLowerCase())
  ).executeTakeFirst();
  if (!u) throw new HttpError(404, `${field}: no user ${ref}`);
  if (actor.role === 'liaison' && Number(u.id) !== actor.id)
    throw new HttpError(403, `${field}: a liaison can only plan their own routes`);
  return { id: Number(u.id), email: u.email, name: u.name };
}

export function canSee(actor: Actor, liaisonId: number) {
  return actor.role !== 'liaison' || actor.id === liaisonId;
}
