// npm run bench:load — start Rounds on PostgreSQL with the demo market (loopback only), then drive
// (1) a bare Fastify route in this process (the machine's ceiling), (2) GET /healthz, and (3) the
// mixed authenticated workload (API token, no logins) with autocannon at each concurrency level.
// Results → docs/benchmarks.md (between the bench:load markers) and stdout.
// Env: BENCH_DURATION (s, default 60), BENCH_CONNECTIONS (default "50,200"), BENCH_WARM (s of unmeasured
//      mix first, default 30),
//      BENCH_DATABASE_URL (admin URL; default postgres://postgres@127.0.0.1:5432/postgres), BENCH_PORT.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { createApiToken } from '../../src/commands/apiTokens';
import { connectDatabase } from '../../src/db/connection';
import {
  activityTypeSplit,
  type BenchRequest,
  candidates,
  cannonRequests,
  chooser,
  cpuTicks,
  sampleData,
} from './workload';

const duration = Number(process.env.BENCH_DURATION ?? 60);
const levels = (process.env.BENCH_CONNECTIONS ?? '50,200').split(',').map(Number);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const port = Number(process.env.BENCH_PORT ?? 3901);
const dbName = `rounds_bench_${process.pid}`;
const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
const base = `http://127.0.0.1:${port}`;

type Row = {
  target: string;
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
  codes: string;
  /** CPU time (user + system) per request of the Rounds process and of its PostgreSQL backends. */
  cpu?: { node: number; pg: number };
};

// PostgreSQL backends serving the bench database (their titles name it), read from /proc.
function backendPids(db: string) {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(` ${db} `);
      } catch {
        return false;
      }
    })
    .map(Number);
}
/** Runs `fn` and returns the CPU ms per request it cost Rounds and PostgreSQL (a load-independent view). */
async function withCpu(serverPid: number, fn: () => Promise<Row>): Promise<Row> {
  const pids = backendPids(dbName);
  const node0 = cpuTicks(serverPid);
  const pg0 = pids.map(cpuTicks);
  const row = await fn();
  const pgTicks = pids.reduce((s, p, i) => s + Math.max(0, cpuTicks(p) - pg0[i]!), 0);
  const perReq = (t: number) => (t * 10) / Math.max(1, row.total);
  return { ...row, cpu: { node: perReq(cpuTicks(serverPid) - node0), pg: perReq(pgTicks) } };
}

async function admin(q: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(q).finally(() => c.end());
}

function cannon(
  opts: autocannon.Options,
  target: string,
  connections: number,
  seconds = duration,
): Promise<Row> {
  return new Promise((resolve, reject) => {
    autocannon({ ...opts, connections, duration: seconds, timeout: 10 }, (err, r) => {
      if (err) return reject(err);
      resolve({
        target,
        connections,
        rps: Math.round(r.requests.average),
        p50: r.latency.p50,
        p95: r.latency.p97_5 ?? r.latency.p90,
        p99: r.latency.p99,
        errors: r.errors + r.timeouts,
        non2xx: r.non2xx,
        total: r.requests.total,
        // e.g. "200×880 503×20": which answers the non-2xx were
        codes: Object.entries(
          (r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {},
        )
          .map(([code, v]) => `${code}×${v.count}`)
          .join(' '),
      });
    });
  });
}

let serverExit: string | null = null;

async function waitForServer(ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (serverExit) throw new Error(`Rounds exited while starting (${serverExit})`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('Rounds did not come up in time');
}

// The first serve loads the referral history, alerts and network metrics in the background after
// it listens: measuring then would measure that import, not the requests.
async function waitForDemoComplete(ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (serverExit) throw new Error(`Rounds exited while loading the demo (${serverExit})`);
    const info = (await (await fetch(`${base}/api/system/info`)).json()) as {
      demo: { loading: string | null } | null;
    };
    if (info.demo && !info.demo.loading) return;
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error('The demo market did not finish loading in time');
}

// 1-minute load average when the timed runs start (the machine is shared: say how busy it was).
let loadAtStart = '';
const warmSeconds = Number(process.env.BENCH_WARM ?? 30);
let warmUp: Row | null = null;

async function main() {
  await admin(`create database ${dbName}`);
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      ROUNDS_DEMO: '1',
      LOG_LEVEL: 'warn',
      DATA_DIR: `${os.tmpdir()}/rounds-bench-${process.pid}`,
      RATE_LIMIT_WRITES_PER_MIN: '100000000',
      RATE_LIMIT_EXPORTS_PER_MIN: '100000000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  server.on('exit', (code, signal) => {
    serverExit = `exit ${code ?? signal}`;
  });
  const bare = Fastify();
  bare.get('/bare', async () => ({ ok: true }));
  await bare.listen({ port: port + 1, host: '127.0.0.1' });
  try {
    process.stderr.write('Starting Rounds and loading the demo market…\n');
    await waitForServer(15 * 60_000);
    await waitForDemoComplete(30 * 60_000);
    const database = await connectDatabase({ databaseUrl: dbUrl, poolSize: 1 });
    const { token } = await createApiToken(
      database.db,
      { id: null, label: 'bench' },
      { name: 'bench:load', role: 'admin' },
    );
    const data = await sampleData(database.db);
    const providers = data.npis.length;
    await database.close();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const kept: BenchRequest[] = [];
    const skipped: string[] = [];
    for (const c of candidates(data)) {
      const res = await fetch(base + c.path(), { method: c.method, headers, body: c.body?.() });
      if (res.ok) kept.push(c);
      else skipped.push(`${c.name} (${c.method} ${c.path().split('?')[0]} → ${res.status})`);
    }
    if (!kept.length) throw new Error(`No workload request succeeded: ${skipped.join('; ')}`);
    // One client, in sequence: where does a request's time go before any contention?
    const profile: string[] = [];
    for (const c of kept) {
      const ms: number[] = [];
      const codes = new Map<number, number>();
      for (let i = 0; i < 8; i++) {
        const t0 = performance.now();
        const res = await fetch(base + c.path(), { method: c.method, headers, body: c.body?.() });
        await res.arrayBuffer();
        ms.push(performance.now() - t0);
        codes.set(res.status, (codes.get(res.status) ?? 0) + 1);
      }
      ms.sort((a, b) => a - b);
      profile.push(
        `| ${c.name} | ${c.method} ${c
          .path()
          .split('?')[0]!
          .replace(
            /\d{10}/,
            ':npi',
          )} | ${Math.round(ms[4]!)} | ${Math.round(ms[7]!)} | ${[...codes].map(([k, v]) => `${k}×${v}`).join(' ')} |`,
      );
    }
    const next = chooser(kept);
    const rows: Row[] = [];
    // A running server's read cache holds the workload's answers; a fresh one computes each of them
    // (≈ 7,000, at 2–10 ms each) first. That first stretch is reported on its own, not in the rows.
    if (warmSeconds > 0) {
      process.stderr.write(`Warm-up: the mix for ${warmSeconds}s at ${levels[0]} connections…
`);
      warmUp = await cannon(
        { url: base, requests: cannonRequests(next, headers.authorization) },
        'warm-up',
        levels[0]!,
        warmSeconds,
      );
    }
    loadAtStart = os.loadavg()[0]!.toFixed(1);
    for (const n of levels) {
      process.stderr.write(`${n} connections, ${duration}s each: bare route, /healthz, mixed workload…\n`);
      rows.push(
        await cannon({ url: `http://127.0.0.1:${port + 1}/bare` }, 'bare Fastify route (ceiling)', n),
      );
      rows.push(
        await withCpu(server.pid!, () => cannon({ url: `${base}/healthz` }, 'GET /healthz (DB ping)', n)),
      );
      rows.push(
        await withCpu(server.pid!, () =>
          cannon(
            {
              url: base,
              requests: cannonRequests(next, headers.authorization),
            },
            'mixed workload',
            n,
          ),
        ),
      );
    }
    report(rows, kept, skipped, providers, profile);
  } finally {
    server.kill('SIGTERM');
    await bare.close();
    await new Promise((r) => setTimeout(r, 2000));
    await admin(`drop database if exists ${dbName} with (force)`).catch(() => {});
  }
}

function report(rows: Row[], kept: BenchRequest[], skipped: string[], providers: number, profile: string[]) {
  const table = [
    '| target | clients | req/s | p50 ms | p95 ms | p99 ms | errors (timeouts) | non-2xx | requests | CPU ms/request (Rounds + PostgreSQL) | statuses |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.target} | ${r.connections} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${r.total} | ${r.cpu ? `${(r.cpu.node + r.cpu.pg).toFixed(2)} (${r.cpu.node.toFixed(2)} + ${r.cpu.pg.toFixed(2)})` : '—'} | ${r.codes} |`,
    ),
  ];
  const ratios = levels.map((n) => {
    const bare = rows.find((r) => r.connections === n && r.target.startsWith('bare'))!;
    const mixed = rows.find((r) => r.connections === n && r.target === 'mixed workload')!;
    return `- ${n} clients: mixed workload = ${((100 * mixed.rps) / bare.rps).toFixed(1)} % of the bare route (target ≥ 25 %); p99 ${mixed.p99} ms (target ≤ 200 ms at 200); errors ${mixed.errors + mixed.non2xx} (target 0)`;
  });
  const total = kept.reduce((s, r) => s + r.weight, 0);
  const section = [
    '<!-- bench:load:start -->',
    '## Load: `npm run bench:load`',
    '',
    `Run ${new Date().toISOString().slice(0, 16)}Z on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'} (shared machine), Node ${process.version}, PostgreSQL, synthetic demo market, ${duration} s per row, loopback only; 1-minute load average ${loadAtStart} at the start and ${os.loadavg()[0]!.toFixed(1)} at the end (2 cores: above 2, other work shared the machine). The load generator (autocannon), the bare route and Rounds share the same cores.`,
    '',
    ...table,
    '',
    ...ratios,
    '',
    warmUp
      ? `Before the rows, the mix ran ${warmSeconds} s unmeasured at ${warmUp.connections} clients on the freshly started server, whose read cache was empty (a server that has run a while holds these answers): ${warmUp.rps} req/s, p99 ${warmUp.p99} ms, errors ${warmUp.errors + warmUp.non2xx}.`
      : 'No warm-up (BENCH_WARM=0): the first row started with an empty read cache.',
    '',
    'Single client, 8 sequential requests per kind (before the load): where the time goes.',
    '',
    '| request | route | median ms | max ms | statuses |',
    '|---|---|---:|---:|---|',
    ...profile,
    '',
    `Mixed workload (API token, no logins; random NPIs from ${providers} demo providers): ${kept.map((k) => `${k.name} ${Math.round((100 * k.weight) / total)} %`).join(', ')}; activity types logged: ${activityTypeSplit()} (an in-person visit or drop-in drops its provider's cached relationship view; a call or email drops nothing cached).`,
    skipped.length ? `Left out (not answering 2xx when the run started): ${skipped.join('; ')}.` : '',
    '',
    'Reproduce: `npm run bench:load` (env BENCH_DURATION, BENCH_CONNECTIONS, BENCH_WARM, BENCH_DATABASE_URL).',
    '<!-- bench:load:end -->',
  ].join('\n');
  process.stdout.write(`${section}\n`);
  const file = 'docs/benchmarks.md';
  let doc = '';
  try {
    doc = readFileSync(file, 'utf8');
  } catch {
    doc = '# Benchmarks\n';
  }
  const re = /<!-- bench:load:start -->[\s\S]*?<!-- bench:load:end -->/;
  writeFileSync(file, re.test(doc) ? doc.replace(re, section) : `${doc.trimEnd()}\n\n${section}\n`);
}

main().catch((e) => {
  process.stderr.write(`bench:load failed: ${(e as Error).message}\n`);
  process.exit(1);
});
