// npm run eval:alerts — generates demo markets with seeds never used while developing the detector
// (development used seed 7), loads them through the real importer, runs the detector month by month
// over the last 14 months, and prints precision, recall and the median detection delay.
// Env: EVAL_SEEDS (default 101,202,303), EVAL_PROVIDERS (default 3000), EVAL_DATABASE_URL (PostgreSQL;
// default an in-memory PGlite), EVAL_VERBOSE=1 for the false positives and misses, EVAL_OPTIONS (JSON
// detector options overriding the defaults), EVAL_CACHE_DIR (keep the generated market's detector
// inputs there, so option changes re-score in seconds).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { formatMonth, parseMonth } from '../../src/core/referrals/months';
import { type DetectorOptions, detectShifts, type ShiftAlert } from '../../src/core/referrals/shiftDetector';
import { connectDatabase } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
import { type DetectorInput, loadDetectorInput } from '../../src/db/queries/referrals/alertSeries';
import { DEFAULT_DETECTOR_OPTIONS } from '../../src/core/referrals/shiftDetector';
import { generateDemoMarket } from '../../src/demo';
import { loadMarket } from './loadMarket';
import { type GroundTruthEvent, score } from './score';

const seeds = (process.env.EVAL_SEEDS ?? '101,202,303').split(',').map(Number);
const providers = Number(process.env.EVAL_PROVIDERS ?? 3000);
const verbose = process.env.EVAL_VERBOSE === '1';
const log = (s: string) => process.stderr.write(`${s}\n`);

async function freshDatabase(seed: number) {
  const url = process.env.EVAL_DATABASE_URL;
  if (!url) return connectDatabase({});
  const name = `rounds_eval_${seed}_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const d = await connectDatabase({ databaseUrl: u.toString() });
  return {
    ...d,
    close: async () => {
      await d.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

const options: DetectorOptions = { ...DEFAULT_DETECTOR_OPTIONS, ...JSON.parse(process.env.EVAL_OPTIONS ?? '{}') };
const cacheDir = process.env.EVAL_CACHE_DIR;

type Prepared = { truth: { data_date: string; events: GroundTruthEvent[] }; inputs: DetectorInput[] };

/** Generates the market, imports it through the real importer and reads the detector's inputs per month. */
async function prepare(seed: number): Promise<Prepared> {
  const cached = cacheDir && join(cacheDir, `seed-${seed}-${providers}.json`);
  if (cached && existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8'), (k, v) => (k === 'index' ? new Map(v) : v)) as Prepared;
  const dir = mkdtempSync(join(tmpdir(), `rounds-eval-${seed}-`));
  const t0 = Date.now();
  await generateDemoMarket({ seed, providers, outDir: dir });
  const truth = JSON.parse(readFileSync(join(dir, 'ground_truth.json'), 'utf8')) as Prepared['truth'];
  const database = await freshDatabase(seed);
  try {
    await migrateToLatest(database.db);
    const imp = await loadMarket(database, dir);
    log(`seed ${seed}: generated + imported ${imp.inserted} referral rows (${imp.rejected} rejected) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const end = parseMonth(truth.data_date);
    const inputs: DetectorInput[] = [];
    for (let asOf = end - 13; asOf <= end; asOf++) inputs.push(await loadDetectorInput(database.db, asOf, options.baselineMonths + Math.max(...options.windows)));
    const prepared = { truth, inputs };
    if (cached) {
      mkdirSync(cacheDir!, { recursive: true });
      writeFileSync(cached, JSON.stringify(prepared, (k, v) => (k === 'index' ? [...v] : v)));
    }
    return prepared;
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function evalSeed(seed: number) {
  const { truth, inputs } = await prepare(seed);
  const firstFlag = new Map<string, string>();
  let finalAlerts: ShiftAlert[] = [];
  let runMs = 0;
  for (const input of inputs) {
    const t = Date.now();
    const r = detectShifts(input.series, input.index, input.firstMonth, options);
    runMs = Date.now() - t;
    for (const a of r.alerts) if (a.direction === 'drop' && !firstFlag.has(a.referringNpi)) firstFlag.set(a.referringNpi, formatMonth(input.asOf));
    finalAlerts = r.alerts;
  }
  const s = score(truth.events, finalAlerts, firstFlag);
  if (verbose) log(JSON.stringify({ falsePositives: s.falsePositiveNpis, missed: s.missed }, null, 1));
  return { seed, ...s, lastRunMs: runMs, falsePositiveNpis: undefined, missed: undefined };
}

const results = [];
for (const seed of seeds) results.push(await evalSeed(seed));
const sum = (k: 'truePositives' | 'alerts' | 'found' | 'qualifying') => results.reduce((a, r) => a + r[k], 0);
const delays = results.map((r) => r.medianDelayMonths).filter((d): d is number => d !== null);
const pooled = {
  precision: sum('alerts') ? sum('truePositives') / sum('alerts') : 1,
  recall: sum('qualifying') ? sum('found') / sum('qualifying') : 1,
  medianDelayMonths: delays.sort((a, b) => a - b)[Math.floor((delays.length - 1) / 2)] ?? null,
};
console.table(results.map((r) => ({ seed: r.seed, alerts: r.alerts, precision: r.precision.toFixed(3), recall: `${r.found}/${r.qualifying} = ${r.recall.toFixed(3)}`, medianDelay: r.medianDelayMonths, drift: r.driftEventsFlagged, runMs: r.lastRunMs })));
console.log(`detector options: ${JSON.stringify(options)}`);
console.log(`pooled over seeds ${seeds.join(',')} (${providers} providers each): precision ${pooled.precision.toFixed(3)} (target ≥ 0.9), recall ${pooled.recall.toFixed(3)} (target ≥ 0.8), median detection delay ${pooled.medianDelayMonths} months (median of per-seed medians)`);
