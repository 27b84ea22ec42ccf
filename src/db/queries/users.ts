import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import type { Role } from '../tables/foundation';

export const userColumns = [
  'id',
  'email',
  'name',
  'role',
  'disabled',
  'manager_id',
  'created_at',
  'oidc_subject',
] as const;

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

export function findUserById(db: Kysely<DB>, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Kysely<DB>) {
  return db.selectFrom('users').select(userColumns).orderBy('name').execute();
}

export async function countUsers(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function insertUser(
  db: Kysely<DB>,
  u: {
    email: string;
    name: string;
    role: Role;
    password_hash: string | null;
    must_change_password?: boolean;
    manager_id?: number | null;
    oidc_subject?: string | null;
  },
) {
  return db
    .insertInto('users')
    .values({ ...u, email: u.email.toLowerCase() })
    .returning(userColumns)
    .executeTakeFirstOrThrow();
}
