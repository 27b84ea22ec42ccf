// Turns API/CLI search parameters into a search request (resolving `near` to a point).
import type { Kysely } from 'kysely';
import { zipCentroid } from '../../core/geo/zipCentroid';
import {
  SearchInputError,
  type SearchRequest,
  searchProviders,
} from '../../db/queries/directory/searchProviders';
import type { DB } from '../../db/schema';
import { ensureReferrerSegments } from '../referrals/segments';

export type SearchParams = Omit<SearchRequest, 'near' | 'owner' | 'territory'> & {
  near?: string;
  /** 'me', 'none' (nobody's) or a user id */
  owner?: string;
  /** 'mine' (the territories I am assigned) or a territory id */
  territory?: string;
};

/** Who `me` and `mine` are (the signed-in user; null for an API token or the CLI). */
export type Searcher = { id: number | null };

export function resolveNear(near: string | undefined): { lat: number; lon: number } | undefined {
  if (!near) return undefined;
  if (/^\d{5}$/.test(near)) {
    const c = zipCentroid(near);
    if (!c) throw new SearchInputError(`near: ${near} is not a known ZIP code`);
    return { lat: c.lat, lon: c.lon };
  }
  const [lat, lon] = near.split(',').map(Number);
  if (!(Math.abs(lat!) <= 90 && Math.abs(lon!) <= 180))
    throw new SearchInputError('near: lat,lon out of range');
  return { lat: lat!, lon: lon! };
}

async function resolveOwner(db: Kysely<DB>, owner: string | undefined, who: Searcher) {
  if (owner === undefined) return undefined;
  if (owner === 'none') return null;
  if (owner === 'me') {
    if (who.id === null) throw new SearchInputError('owner=me needs a signed-in user; give a user id');
    return who.id;
  }
  const user = await db.selectFrom('users').select('id').where('id', '=', Number(owner)).executeTakeFirst();
  if (!user) throw new SearchInputError(`owner: there is no user ${owner}`);
  return user.id;
}

/** A territory filter as the ZIPs and counties it covers (several territories: their union). */
export async function resolveTerritory(db: Kysely<DB>, territory: string | undefined, who: Searcher) {
  if (territory === undefined) return undefined;
  let q = db
    .selectFrom('territories as t')
    .select(['t.zips', 't.counties'])
    .where('t.deleted_at', 'is', null);
  if (territory === 'mine') {
    if (who.id === null)
      throw new SearchInputError('territory=mine needs a signed-in user; give a territory id');
    q = q.where('t.id', 'in', (eb) =>
      eb.selectFrom('territory_assignments').select('territory_id').where('user_id', '=', who.id!),
    );
  } else q = q.where('t.id', '=', Number(territory));
  const rows = await q.execute();
  if (territory !== 'mine' && !rows.length)
    throw new SearchInputError(`territory: there is no territory ${territory}`);
  return {
    zips: [...new Set(rows.flatMap((r) => r.zips ?? []))],
    counties: [...new Set(rows.flatMap((r) => r.counties ?? []))],
  };
}

export async function findProviders(db: Kysely<DB>, p: SearchParams, who: Searcher = { id: null }) {
  const { near, owner, territory, ...rest } = p;
  // a segment filter reads the stored segments: the answer says which referral data they come from
  const segments = p.segment?.length ? await ensureReferrerSegments(db) : null;
  const found = await searchProviders(db, {
    ...rest,
    near: resolveNear(near),
    owner: await resolveOwner(db, owner, who),
    territory: await resolveTerritory(db, territory, who),
  });
  return segments ? { ...found, segmentsDataDate: segments.dataDate } : found;
}

export { SearchInputError };
