// Saved views: a user's named filters for a list page (page + name + the page's URL query string).
// Saving a name the user already has on that page replaces it: that is how a view is updated.
// A shared view is listed to everyone and stays its owner's (others may not change or delete it).
import { type Kysely, type Selectable, sql } from 'kysely';
import {
  normalizeViewQuery,
  VIEW_NAME_MAX,
  VIEW_PAGES,
  VIEW_QUERY_MAX,
  type ViewPage,
} from '../core/savedViews';
import { recordAudit } from '../db/audit';
import type { DB } from '../db/schema';
import type { Role } from '../db/tables/foundation';

/** An expected failure, with the HTTP status the API should use. */
export class SavedViewError extends Error {
  constructor(
    message: string,
    public status = 400,
  ) {
    super(message);
  }
}

export type ViewActor = { id: number | null; label: string; role: Role; ip?: string };

export type SavedView = {
  id: number;
  page: string;
  name: string;
  query: string;
  shared: boolean;
  mine: boolean;
  ownerName: string;
  updatedAt: Date;
};

type Row = Selectable<DB['saved_views']> & { owner_name: string };

const present = (r: Row, userId: number | null): SavedView => ({
  id: Number(r.id),
  page: r.page,
  name: r.name,
  query: r.query,
  shared: r.shared,
  mine: r.user_id === userId,
  ownerName: r.owner_name,
  updatedAt: r.updated_at,
});

const withOwner = (db: Kysely<DB>) =>
  db
    .selectFrom('saved_views as v')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .selectAll('v')
    .select('u.name as owner_name');

/** The caller's views and everyone else's shared ones (of one page, or all): mine first, then by name. */
export async function listSavedViews(
  db: Kysely<DB>,
  userId: number | null,
  page?: ViewPage,
): Promise<SavedView[]> {
  const me = userId ?? -1; // an API token has no user: it sees the shared views only
  const rows = await withOwner(db)
    .where((eb) => eb.or([eb('v.user_id', '=', me), eb('v.shared', '=', true)]))
    .$if(page !== undefined, (q) => q.where('v.page', '=', page!))
    .orderBy(sql`v.user_id = ${me}`, 'desc')
    .orderBy('v.page')
    .orderBy(sql`lower(v.name)`)
    .orderBy('v.id')
    .execute();
  return rows.map((r) => present(r, userId));
}

function check(input: { page: string; name: string; query: string }) {
  if (!(VIEW_PAGES as readonly string[]).includes(input.page))
    throw new SavedViewError(`page: must be one of ${VIEW_PAGES.join(', ')}`);
  const name = input.name.trim();
  if (name.length < 1 || name.length > VIEW_NAME_MAX)
    throw new SavedViewError(`name: must be 1 to ${VIEW_NAME_MAX} characters`);
  // Normalizing can lengthen the text (it percent-encodes what the page left as is).
  const query = normalizeViewQuery(input.query);
  if (query.length > VIEW_QUERY_MAX)
    throw new SavedViewError(`query: must be at most ${VIEW_QUERY_MAX} characters once normalized`);
  return { page: input.page, name, query };
}

/**
 * Saves a view under a name; the same name (any capitals) on the same page replaces that view's
 * query (and its spelling, and `shared` when given). `created` says which happened.
 */
export async function saveView(
  db: Kysely<DB>,
  actor: ViewActor,
  input: { page: string; name: string; query: string; shared?: boolean },
): Promise<{ view: SavedView; created: boolean }> {
  const userId = actor.id;
  if (userId === null)
    throw new SavedViewError(
      'a saved view belongs to a user; an API token has none (sign in to save views)',
      403,
    );
  const { page, name, query } = check(input);
  return db.transaction().execute(async (trx) => {
    const sameName = () =>
      trx
        .selectFrom('saved_views')
        .selectAll()
        .where('user_id', '=', userId)
        .where('page', '=', page)
        .where(sql`lower(name)`, '=', sql`lower(${name})`)
        .forUpdate()
        .executeTakeFirst();
    let before = await sameName();
    if (!before) {
      const row = await trx
        .insertInto('saved_views')
        .values({ user_id: userId, page, name, query, shared: input.shared ?? false })
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (row) {
        await recordAudit(trx, {
          actorUserId: actor.id,
          actorLabel: actor.label,
          action: 'create',
          entity: 'saved_view',
          entityId: row.id,
          ip: actor.ip,
          detail: { after: { page, name, query, shared: row.shared } },
        });
        return { view: await viewById(trx, Number(row.id), userId), created: true };
      }
      // The same name was saved at the same moment (another tab) and committed first: replace it.
      before = await sameName();
      if (!before)
        throw new SavedViewError(`a view named "${name}" was saved and deleted meanwhile; save again`, 409);
    }
    const shared = input.shared ?? before.shared;
    await trx
      .updateTable('saved_views')
      .set({ name, query, shared, updated_at: new Date() })
      .where('id', '=', before.id)
      .execute();
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'update',
      entity: 'saved_view',
      entityId: before.id,
      ip: actor.ip,
      detail: {
        before: { name: before.name, query: before.query, shared: before.shared },
        after: { name, query, shared },
      },
    });
    return { view: await viewById(trx, Number(before.id), userId), created: false };
  });
}

async function viewById(db: Kysely<DB>, id: number, userId: number | null) {
  return present(await withOwner(db).where('v.id', '=', id).executeTakeFirstOrThrow(), userId);
}

/** Deletes a view: its owner may, and an admin (tidying up someone's shared views); nobody else. */
export async function deleteSavedView(db: Kysely<DB>, actor: ViewActor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const v = await trx
      .selectFrom('saved_views')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!v) throw new SavedViewError(`saved view ${id} not found`, 404);
    if (v.user_id !== actor.id && actor.role !== 'admin')
      throw new SavedViewError(
        `saved view ${id} belongs to another user; only its owner or an admin may delete it`,
        403,
      );
    await trx.deleteFrom('saved_views').where('id', '=', id).execute();
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'delete',
      entity: 'saved_view',
      entityId: id,
      ip: actor.ip,
      detail: { before: { userId: v.user_id, page: v.page, name: v.name, query: v.query, shared: v.shared } },
    });
  });
}
