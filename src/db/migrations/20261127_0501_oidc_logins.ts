// Pending single-sign-on logins: the PKCE verifier and nonce between /oidc/start and /oidc/callback.
// Kept in the database (not in memory) so any of several server processes can finish the login.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table oidc_logins (
      state text primary key,
      code_verifier text not null,
      nonce text not null,
      return_to text not null default '/',
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists oidc_logins`.execute(db);
}
