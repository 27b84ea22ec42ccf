// Full-text search across every note in the CRM: activity notes, issue descriptions and
// resolutions, task descriptions, contact notes. Each table has a stored tsvector with a GIN
// index; results are ranked together with ts_rank and shown with a highlighted snippet.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../schema';

export type NoteHit = { kind: string; id: number; title: string; snippet: string; at: Date; rank: number };

export async function searchNotes(
  db: Kysely<DB>,
  q: string,
  opts: { limit?: number; ownerIds?: number[] | null } = {},
) {
  const query = sql`websearch_to_tsquery('english', ${q})`;
  const opt = sql.lit('StartSel=<<, StopSel=>>, MaxWords=30, MinWords=10, MaxFragments=2');
  const owners = opts.ownerIds ? (opts.ownerIds.length ? opts.ownerIds : [-1]) : null;
  const ownerCond = (col: string) =>
    owners ? sql`and ${sql.ref(col)} = any(${sql.val(owners)}::bigint[])` : sql``;
  const r = await sql<NoteHit>`
    select * from (
      select 'activity' as kind, id, coalesce(nullif(subject, ''), replace(type, '_', ' ')) as title,
        ts_headline('english', notes, ${query}, ${opt}) as snippet, occurred_at as at, ts_rank(search, ${query}) as rank
        from activities where search @@ ${query} and deleted_at is null ${ownerCond('owner_id')}
      union all
      select 'issue', id, title, ts_headline('english', title || ' ' || description || ' ' || coalesce(resolution, ''), ${query}, ${opt}),
        created_at, ts_rank(search, ${query})
        from physician_issues where search @@ ${query} and deleted_at is null ${ownerCond('owner_id')}
      union all
      select 'task', id, title, ts_headline('english', title || ' ' || description, ${query}, ${opt}),
        created_at, ts_rank(search, ${query})
        from tasks where search @@ ${query} and deleted_at is null ${ownerCond('owner_id')}
      union all
      select 'contact', id, trim(first_name || ' ' || last_name), ts_headline('english', notes, ${query}, ${opt}),
        created_at, ts_rank(search, ${query})
        from contacts where search @@ ${query} and deleted_at is null
    ) hits order by rank desc, at desc limit ${opts.limit ?? 50}`.execute(db);
  return r.rows.map((h) => ({ ...h, rank: Number(h.rank) }));
}
