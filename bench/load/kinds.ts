// npm run bench:load:kinds — CPU ms per request of each workload kind (and the mix) against a
// Rounds server that is already running on PostgreSQL: the Rounds process's and its PostgreSQL
// backends' CPU time (from /proc) divided by the requests answered. Holds up on a shared machine
// better than req/s. Env: ROUNDS_URL (default http://127.0.0.1:3000), DATABASE_URL (the server's
// database), SERVER_PID (the server's process id), BENCH_DURATION (s per kind, default 10),
// BENCH_WARM (s of unmeasured requests first, default 0), BENCH_KINDS (comma list of name parts),
// BENCH_CLIENTS (concurrent clients, default 10). Columns: kind, requests, req/s, Rounds / PostgreSQL /
// total CPU ms per request, p50 and p99 ms.
import autocannon from 'autocannon';
import pg from 'pg';
import { createApiToken } from '../../src/commands/apiTokens';
import { connectDatabase } from '../../src/db/connection';
import { candidates, cannonRequests, chooser, cpuTicks, sampleData } from './workload';

const base = process.env.ROUNDS_URL ?? 'http://127.0.0.1:3000';
const dbUrl = process.env.DATABASE_URL;
const serverPid = Number(process.env.SERVER_PID);
if (!dbUrl || !serverPid) {
  process.stderr.write('bench:load:kinds needs DATABASE_URL and SERVER_PID of a running Rounds server\n');
  process.exit(1);
}
const database = await connectDatabase({ databaseUrl: dbUrl, poolSize: 1 });
const { token } = await createApiToken(
  database.db,
  { id: null, label: 'bench' },
  { name: 'bench:kinds', role: 'admin' },
);
const data = await sampleData(database.db);
await database.close();
const admin = new pg.Client({ connectionString: dbUrl });
await admin.connect();
const dbName = new URL(dbUrl).pathname.slice(1);
const kinds = (process.env.BENCH_KINDS ?? 'search,profile,referral base,relationship,log an,mix').split(',');
for (const kind of kinds) {
  const kept = kind === 'mix' ? candidates(data) : candidates(data).filter((k) => k.name.includes(kind));
  const next = chooser(kept);
  const run = (duration: number) =>
    autocannon({
      url: base,
      connections: Number(process.env.BENCH_CLIENTS ?? 10),
      duration,
      timeout: 10,
      requests: cannonRequests(next, `Bearer ${token}`),
    });
  if (Number(process.env.BENCH_WARM ?? 0) > 0) await run(Number(process.env.BENCH_WARM));
  const pids = (
    await admin.query('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [
      dbName,
    ])
  ).rows.map((r) => r.pid as number);
  const node0 = cpuTicks(serverPid);
  const pg0 = pids.map(cpuTicks);
  const r = await run(Number(process.env.BENCH_DURATION ?? 10));
  const n = Math.max(1, r.requests.total);
  const node = ((cpuTicks(serverPid) - node0) * 10) / n;
  const pgMs = (pids.reduce((s, p, i) => s + Math.max(0, cpuTicks(p) - pg0[i]!), 0) * 10) / n;
  console.log(
    `| ${kind} | ${n} | ${Math.round(r.requests.average)} | ${node.toFixed(2)} | ${pgMs.toFixed(2)} | ${(node + pgMs).toFixed(2)} | ${r.latency.p50} | ${r.latency.p99} |`,
  );
}
await admin.end();
