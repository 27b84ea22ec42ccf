import { createApiToken } from '/work/main/src/commands/apiTokens';
import { connectDatabase } from '/work/main/src/db/connection';
const database = await connectDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/rounds_load_dev', poolSize: 1 });
const { token } = await createApiToken(database.db, { id: null, label: 'bench' }, { name: 'sizes', role: 'admin' });
const npis = (await database.db.selectFrom('providers').select('npi').where('status','=','active').limit(2000).execute()).map((r) => r.npi);
await database.close();
const h = { authorization: `Bearer ${token}` };
for (const u of ['/api/providers?q=Smi', '/api/providers/NPI', '/api/referrals/base/NPI', '/api/relationships/NPI']) {
  let tot = 0;
  for (const n of npis.slice(0, 50)) { const r = await fetch('http://127.0.0.1:3400' + u.replace('NPI', n), { headers: h }); tot += (await r.text()).length; }
  console.log(u, Math.round(tot / 50));
}
