import { connectDatabase } from './src/db/connection';
import { findProviders } from './src/commands/directory/providerSearch';
const d = await connectDatabase({ dataDir: '/tmp/rounds-e2echk' });
const r = await findProviders(d.db, { q: 'Quillabc', limit: 6 } as never);
console.log(JSON.stringify(r).slice(0, 600));
await d.close();
