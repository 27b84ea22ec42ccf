import { sql } from 'kysely';
import { connectDatabase } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
const d = await connectDatabase({});
await migrateToLatest(d.db);
await sql`insert into providers (npi, last_name, first_name, search_name, lat, lon) values ('1000000004','JOHNSON','KATE','johnson kate', 36.1, -86.8)`.execute(d.db);
const qs = [
  sql`select count(*) from providers p where (p.search_name % ${'jonson'} or ${'jonson'} <% p.search_name)`,
  sql`select count(*) from providers p where (p.search_name % ${'jonson'})`,
  sql`select count(*) from providers p where (${'jonson'} <% p.search_name)`,
  sql`select p.npi from providers p where (p.search_name % ${'jonson'} or ${'jonson'} <% p.search_name)`,
  sql`select count(*) from providers p where p.status = 'active'`,
];
for (const [i, q] of qs.entries()) {
  const t = performance.now();
  const r = await Promise.race([q.execute(d.db).then(() => 'done'), new Promise((r) => setTimeout(() => r('TIMEOUT'), 4000))]);
  console.log(i, r, (performance.now() - t).toFixed(0));
  if (r === 'TIMEOUT') break;
}
process.exit(0);
