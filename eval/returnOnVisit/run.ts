// npm run eval:rov — return on visit against injected truth. Generates demo markets with seeds never
// used while developing the estimator (development used seed 7), loads each through the product's demo
// loader (the real importers), estimates return on visit for the campaign group (relationship tag
// 'growth-target': the demo's liaison growth campaigns, whose visits carry visit_effect events) and
// per liaison within it, and checks whether the injected true effect lies inside the interval.
// Placebo: routine (non-campaign) visit episodes carry no effect — their interval should cover 0.
// Env: EVAL_SEEDS (default 101,202,303,404,505), EVAL_PROVIDERS (default 3000), EVAL_WINDOW (months, 3),
// EVAL_LEVEL (0.9), EVAL_KEEP=1 keeps the generated folders, EVAL_DATABASE_URL (a PostgreSQL server to
// create one scratch database per market in; default an in-memory PGlite, several times slower to load).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { estimateReturnOnVisit, summarize } from '../../src/core/returnOnVisit';
import pg from 'pg';
import { connectDatabase, type Database } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
import { loadRovInput } from '../../src/db/queries/dashboards/returnOnVisitInput';
import { generateDemoMarket } from '../../src/demo';
import { loadDemoFolder } from '../../src/demo/load';
import { type GroundTruth, trueEffect } from './truth';

const seeds = (process.env.EVAL_SEEDS ?? '101,202,303,404,505').split(',').map(Number);
const providers = Number(process.env.EVAL_PROVIDERS ?? 3000);
const windowMonths = Number(process.env.EVAL_WINDOW ?? 3);
const level = Number(process.env.EVAL_LEVEL ?? 0.9);
const log = (s: string) => process.stderr.write(`${s}\n`);
const f2 = (x: number) => x.toFixed(2);

async function freshDatabase(seed: number): Promise<Database> {
  const url = process.env.EVAL_DATABASE_URL;
  if (!url) return connectDatabase({});
  const name = `rounds_rov_${seed}_${process.pid}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const d = await connectDatabase({ databaseUrl: u.toString() });
  return { ...d, close: async () => { await d.close(); await admin(`drop database if exists ${name} with (force)`); } };
}

type Row = { seed: number; episodes: number; truth: number; estimate: number; low: number; high: number; covered: boolean; liaisonCovered: string; placebo: string; seconds: number };
const rows: Row[] = [];
for (const seed of seeds) {
  const t0 = performance.now();
  const dir = mkdtempSync(join(tmpdir(), `rounds-rov-${seed}-`));
  await generateDemoMarket({ seed, providers, outDir: dir });
  const database = await freshDatabase(seed);
  try {
    await migrateToLatest(database.db);
    await loadDemoFolder(database, dir, () => {}, { password: 'Eval-only-password-1!' });
    const input = await loadRovInput(database.db);
    if (!input) throw new Error(`seed ${seed}: no referral data loaded`);
    const o = { windowMonths, level, minControls: 5, coverageStartMonth: input.coverageStartMonth, firstDataMonth: input.firstDataMonth, lastDataMonth: input.lastDataMonth };
    const { episodes } = estimateReturnOnVisit(input.physicians, input.visits, o);
    const truth = JSON.parse(readFileSync(join(dir, 'ground_truth.json'), 'utf8')) as GroundTruth;
    const campaign = episodes.filter((e) => e.groups.includes('tag:growth-target'));
    const est = summarize('campaign', campaign, level);
    if (!est) throw new Error(`seed ${seed}: no campaign episodes`);
    const tv = trueEffect(truth, campaign, windowMonths);
    const liaisons = [...new Set(campaign.flatMap((e) => e.groups.filter((g) => g.startsWith('liaison:'))))];
    let lc = 0;
    for (const l of liaisons) {
      const eps = campaign.filter((e) => e.groups.includes(l));
      const s = summarize(l, eps, level);
      const t = trueEffect(truth, eps, windowMonths);
      if (s && s.low <= t && t <= s.high) lc++;
    }
    const routine = summarize('routine', episodes.filter((e) => !e.groups.includes('tag:growth-target')), level);
    rows.push({
      seed,
      episodes: campaign.length,
      truth: tv,
      estimate: est.estimate,
      low: est.low,
      high: est.high,
      covered: est.low <= tv && tv <= est.high,
      liaisonCovered: `${lc}/${liaisons.length}`,
      placebo: routine ? `${f2(routine.estimate)} [${f2(routine.low)}, ${f2(routine.high)}] n=${routine.episodes}` : 'none',
      seconds: (performance.now() - t0) / 1000,
    });
    const r = rows.at(-1)!;
    log(`seed ${seed}: campaign ${est.statement} (n=${r.episodes}), truth ${f2(tv)} → ${r.covered ? 'covered' : 'MISSED'}; per-liaison covered ${r.liaisonCovered}; placebo ${r.placebo}; ${r.seconds.toFixed(0)} s`);
  } finally {
    await database.close();
    if (process.env.EVAL_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
  }
}
const covered = rows.filter((r) => r.covered).length;
log(`\nreturn on visit: ${covered}/${rows.length} markets recover the injected campaign effect within the ${Math.round(level * 100)} % interval (target ≥ 4/5)`);
process.stdout.write(`${JSON.stringify({ windowMonths, level, providers, covered, markets: rows.length, rows }, null, 2)}\n`);
process.exitCode = covered >= Math.ceil(rows.length * 0.8) ? 0 : 1;
