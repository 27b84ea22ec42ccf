import { type Kysely, sql } from 'kysely';
import type { DB } from '../../schema';

export type ContactFilter = {
  organizationId?: number;
  role?: string[];
  q?: string;
  deleted?: boolean;
  limit?: number;
  offset?: number;
};

export function listContacts(db: Kysely<DB>, f: ContactFilter) {
  let q = db
    .selectFrom('contacts as c')
    .leftJoin('organizations as o', 'o.id', 'c.organization_id')
    .leftJoin('users as u', 'u.id', 'c.owner_id')
    .select([
      'c.id',
      'c.organization_id',
      'o.name as organization_name',
      'c.location_id',
      'c.first_name',
      'c.last_name',
      'c.role',
      'c.title',
      'c.phone',
      'c.email',
      'c.preferred_contact',
      'c.notes',
      'c.owner_id',
      'u.name as owner_name',
      'c.external_id',
      'c.version',
      'c.created_at',
      'c.updated_at',
      'c.deleted_at',
    ])
    .where('c.deleted_at', f.deleted ? 'is not' : 'is', null);
  if (f.organizationId) q = q.where('c.organization_id', '=', f.organizationId);
  if (f.role?.length) q = q.where('c.role', 'in', f.role);
  if (f.q) {
    const like = `%${f.q.toLowerCase()}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(c.first_name || ' ' || c.last_name)`, 'like', like),
        eb(sql`lower(coalesce(c.email, ''))`, 'like', like),
        sql<boolean>`c.search @@ websearch_to_tsquery('english', ${f.q})`,
      ]),
    );
  }
  return q
    .orderBy('c.last_name')
    .orderBy('c.first_name')
    .orderBy('c.id')
    .limit(f.limit ?? 100)
    .offset(f.offset ?? 0)
    .execute();
}
