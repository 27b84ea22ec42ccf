import { sql } from 'kysely';
import { connectDatabase } from '/work/main/src/db/connection';

const d = await connectDatabase({ dataDir: process.argv[2] });
const r = await sql.raw(process.argv[3]).execute(d.db);
console.table(r.rows);
await d.close();
