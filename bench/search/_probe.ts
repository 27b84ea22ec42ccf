import { connectDatabase } from '../../src/db/connection';
import { findProviders } from '../../src/commands/directory/providerSearch';
const d = await connectDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/rounds_bench' });
for (const q of [{ q: 'garsia maria' }, { q: 'smith', facets: false }, { near: '37203', radiusMi: 5, specialty: 'cardiology' }]) {
  const t = performance.now();
  const r = await findProviders(d.db, { limit: 3, ...q });
  console.log(JSON.stringify(q), (performance.now() - t).toFixed(0), 'ms', r.total, r.items.map((i) => i.name + ' ' + i.score));
}
await d.close();
