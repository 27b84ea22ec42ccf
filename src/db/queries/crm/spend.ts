import type { Kysely } from 'kysely';
import type { DB } from '../../schema';

export type SpendFilter = {
  providerNpi?: string;
  year?: number;
  ownerIds?: number[] | null;
  deleted?: boolean;
  limit?: number;
  offset?: number;
};

export function listSpend(db: Kysely<DB>, f: SpendFilter) {
  let q = db
    .selectFrom('spend_entries as s')
    .leftJoin('users as u', 'u.id', 's.created_by')
    .select([
      's.id',
      's.provider_npi',
      's.spent_on',
      's.category',
      's.amount_usd',
      's.description',
      's.activity_id',
      's.created_by',
      'u.name as recorded_by',
      's.version',
      's.created_at',
      's.deleted_at',
    ])
    .where('s.deleted_at', f.deleted ? 'is not' : 'is', null);
  if (f.providerNpi) q = q.where('s.provider_npi', '=', f.providerNpi);
  if (f.year) q = q.where('s.spent_on', '>=', `${f.year}-01-01`).where('s.spent_on', '<=', `${f.year}-12-31`);
  if (f.ownerIds) q = q.where('s.created_by', 'in', f.ownerIds.length ? f.ownerIds : [-1]);
  return q
    .orderBy('s.spent_on', 'desc')
    .orderBy('s.id', 'desc')
    .limit(f.limit ?? 100)
    .offset(f.offset ?? 0)
    .execute();
}
