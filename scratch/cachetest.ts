import { createApiToken } from '/work/main/src/commands/apiTokens';
import { connectDatabase } from '/work/main/src/db/connection';
const database = await connectDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/rounds_load_dev', poolSize: 1 });
const { token } = await createApiToken(database.db, { id: null, label: 'bench' }, { name: 'cachetest', role: 'admin' });
const npis = (await database.db.selectFrom('providers').select('npi').limit(3).execute()).map((r) => r.npi);
await database.close();
const h = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const urls = [`/api/providers?q=Smi`, `/api/providers/${npis[0]}`, `/api/referrals/base/${npis[0]}`, `/api/relationships/${npis[1]}`];
const show = async (label: string) => {
  const out = [];
  for (const u of urls) { const r = await fetch('http://127.0.0.1:3400' + u, { headers: h }); await r.text(); out.push(r.headers.get('x-rounds-cache')); }
  console.log(label, out.join(' '));
};
await show('first');
await show('second');
const w = await fetch('http://127.0.0.1:3400/api/activities', { method: 'POST', headers: h, body: JSON.stringify({ type: 'call', occurredAt: new Date().toISOString(), subject: 'cache test (synthetic)', providerNpis: [npis[2]] }) });
console.log('write', w.status);
await show('after write');
await new Promise((r) => setTimeout(r, 500));
await show('after 500ms');
