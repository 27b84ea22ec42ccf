// Offices by what a liaison types when fixing an appointment or a start point: the office's or its
// organization's name, street, city or ZIP. Every word must start a word somewhere ("3" finds "Office 3"
// and "37203", not "103"); offices where more of the typed words are whole words come first.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../schema';

const reWord = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function searchOffices(db: Kysely<DB>, text: string, limit = 10) {
  const words = text.trim().split(/\s+/).filter(Boolean).slice(0, 6);
  if (words.length === 0) return [];
  const hay = sql`concat_ws(' ', l.name, o.name, l.line1, l.city, l.zip5)`;
  let q = db
    .selectFrom('locations as l')
    .leftJoin('organizations as o', 'o.id', 'l.organization_id')
    .select([
      'l.id',
      'l.name',
      'o.name as org_name',
      'l.line1',
      'l.city',
      'l.state',
      'l.zip5',
      'l.lat',
      'l.lon',
    ])
    .where('l.deleted_at', 'is', null);
  for (const w of words) q = q.where(sql<boolean>`${hay} ~* ${`\\m${reWord(w)}`}`);
  const whole = sql.join(
    words.map((w) => sql`(${hay} ~* ${`\\m${reWord(w)}\\M`})::int`),
    sql` + `,
  );
  const rows = await q.orderBy(sql`${whole} desc`).orderBy('l.name').orderBy('l.id').limit(limit).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    organization: r.org_name,
    address: [r.line1, r.city, [r.state, r.zip5].filter(Boolean).join(' ')].filter(Boolean).join(', '),
    mapped: r.lat !== null && r.lon !== null,
  }));
}
