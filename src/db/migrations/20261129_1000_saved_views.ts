// Saved views: a user's named filters for a list page (the page's URL query string, normalized by
// core/savedViews.ts). Which pages have views is checked in code (VIEW_PAGES), not here, so a new
// list page needs no migration. One name per user and page, whatever its capitals.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (q: ReturnType<typeof sql>) => q.execute(db);
  await run(sql`
    create table saved_views (
      id bigserial primary key,
      user_id bigint not null references users(id) on delete cascade,
      page text not null,
      name text not null check (char_length(name) between 1 and 80),
      query text not null default '' check (char_length(query) <= 2000),
      shared boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
  // Also serves "my views on this page" (the list's first half).
  await run(
    sql`create unique index saved_views_user_page_name_key on saved_views (user_id, page, lower(name))`,
  );
  // The list's other half: everyone's shared views on a page.
  await run(sql`create index saved_views_shared_idx on saved_views (page) where shared`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists saved_views`.execute(db);
}
