// probe per-kind latency while the mix runs
import { createApiToken } from '/work/main/src/commands/apiTokens';
import { connectDatabase } from '/work/main/src/db/connection';
import { candidates, sampleData } from '/work/main/bench/load/workload';
const database = await connectDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/rounds_load_dev', poolSize: 1 });
const { token } = await createApiToken(database.db, { id: null, label: 'bench' }, { name: 'probe', role: 'admin' });
const data = await sampleData(database.db);
await database.close();
const h = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
await new Promise((r) => setTimeout(r, Number(process.env.DELAY ?? 32) * 1000));
const res = new Map<string, number[]>();
const until = Date.now() + 18_000;
while (Date.now() < until) {
  await Promise.all(candidates(data).map(async (c) => {
    const t0 = performance.now();
    const r = await fetch('http://127.0.0.1:3400' + c.path(), { method: c.method, headers: h, body: c.body?.() });
    await r.arrayBuffer();
    const k = `${c.name} ${r.headers.get('x-rounds-cache') ?? ''}`;
    (res.get(k) ?? res.set(k, []).get(k)!).push(performance.now() - t0);
  }));
  await new Promise((r) => setTimeout(r, 100));
}
for (const [k, v] of res) { v.sort((a, b) => a - b); console.log(k.padEnd(40), v.length, 'p50', Math.round(v[Math.floor(v.length / 2)]!), 'p90', Math.round(v[Math.floor(v.length * 0.9)]!), 'max', Math.round(v[v.length - 1]!)); }
