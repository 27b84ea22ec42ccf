// Loads a generated demo folder through the same importers a customer uses, in dependency order,
// then computes what imports trigger (alerts, network metrics) and marks the database as holding
// SYNTHETIC demo data (the UI shows a badge while this setting exists).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { systemActor } from '../commands/crm/errors';
import { importUsersCsv } from '../commands/importUsers';
import { importReferralsAndDetect } from '../commands/referrals/imports';
import type { Config } from '../config';
import type { Database } from '../db/connection';
import { saveReferralSettings } from '../db/queries/referrals/settings';
import { getSetting, putSetting } from '../db/queries/settings';
import { importCrmFile } from '../import/crm/run';
import { importLocations } from '../import/directory/importLocations';
import { importMemberships } from '../import/directory/importMemberships';
import { importOrganizations } from '../import/directory/importOrganizations';
import { importGoalsCsv } from '../import/goals/importGoalsCsv';
import { importNppesLocations } from '../import/nppes/importCompanions';
import { importNppes } from '../import/nppes/importNppes';
import { importSharedPatients } from '../import/referrals/sharedPatients';
import { generateDemoMarket } from './generate';
import { demoDatesFor } from './model';

export type DemoLogin = { email: string; role: string; password: string };
type Log = (line: string) => void;

type Step = { label: string; file?: string; run: (file: string) => Promise<string> };

const fmt = (n: number) => n.toLocaleString('en-US');

/** Loads a demo folder completely (CLI `demo load`, evaluations, the e2e demo server). */
export async function loadDemoFolder(
  database: Database,
  dir: string,
  log: Log,
  opts: { password?: string } = {},
): Promise<DemoLogin[]> {
  const { logins, finish } = await loadDemoFolderInPhases(database, dir, log, opts);
  await finish();
  return logins;
}

/**
 * Phase one (returned when done): users, directory, offices and CRM — enough to sign in and work.
 * `finish` then loads the 36-month referral history, runs the alert detector and the network
 * metrics; the first `serve` runs it after it starts listening (the demo badge says it is loading).
 */
export async function loadDemoFolderInPhases(
  database: Database,
  dir: string,
  log: Log,
  opts: { password?: string } = {},
): Promise<{ logins: DemoLogin[]; finish: () => Promise<void> }> {
  if (!existsSync(path.join(dir, 'manifest.json')))
    throw Object.assign(new Error(`${dir} is not a generated demo folder (no manifest.json)`), {
      expected: true,
    });
  const actor = systemActor('demo');
  const demo = { startedBy: 'demo', source: 'demo' as const };
  let logins: DemoLogin[] = [];
  const crm = (kind: Parameters<typeof importCrmFile>[1]) => async (file: string) => {
    const r = await importCrmFile(database.db, kind, file, { actor, timeZone: 'America/Chicago' });
    if (r.rejected)
      throw new Error(`${path.basename(file)}: ${r.rejected} rows rejected (${r.errors[0]?.reason ?? ''})`);
    return `${fmt(r.inserted + r.updated + r.unchanged)} rows`;
  };
  const counted = (
    r: { counts: { read: number; rejected: number }; errors: { line: number; reason: string }[] },
    file: string,
  ) => {
    if (r.counts.rejected)
      throw new Error(
        `${path.basename(file)}: ${r.counts.rejected} rows rejected (line ${r.errors[0]?.line}: ${r.errors[0]?.reason})`,
      );
    return `${fmt(r.counts.read)} rows`;
  };
  const steps: Step[] = [
    {
      label: 'users',
      file: 'users.csv',
      run: async (f) => {
        logins = (await importUsersCsv(database.db, f, { password: opts.password, actorLabel: 'demo' }))
          .filter((u) => u.created)
          .map((u) => ({ email: u.email, role: u.role, password: u.password }));
        return `${logins.length} users`;
      },
    },
    {
      label: 'organizations',
      file: 'organizations.csv',
      run: async (f) => counted(await importOrganizations(database, f, demo), f),
    },
    {
      label: 'NPPES providers',
      file: 'npidata_pfile.csv',
      run: async (f) => counted(await importNppes(database, f, { startedBy: 'demo' }), f),
    },
    {
      label: 'NPPES practice locations',
      file: 'pl_pfile.csv',
      run: async (f) => counted(await importNppesLocations(database, f, { startedBy: 'demo' }), f),
    },
    {
      label: 'memberships',
      file: 'memberships.csv',
      run: async (f) => counted(await importMemberships(database, f, demo), f),
    },
    {
      label: 'offices',
      file: 'locations.csv',
      run: async (f) => counted(await importLocations(database, f, demo), f),
    },
    { label: 'territories', file: 'territories.csv', run: crm('territories') },
    { label: 'relationships', file: 'relationships.csv', run: crm('relationships') },
    { label: 'contacts', file: 'contacts.csv', run: crm('contacts') },
    { label: 'activities', file: 'activities.csv', run: crm('activities') },
    { label: 'tasks', file: 'tasks.csv', run: crm('tasks') },
    { label: 'physician issues', file: 'issues.csv', run: crm('issues') },
    { label: 'spend log', file: 'spend.csv', run: crm('spend') },
    {
      label: 'goals',
      file: 'goals.csv',
      run: async (f) => {
        const r = await importGoalsCsv(database.db, f, { actorLabel: 'demo' });
        if (r.rejected) throw new Error(`goals.csv: line ${r.errors[0]?.line}: ${r.errors[0]?.reason}`);
        return `${fmt(r.inserted + r.updated + r.unchanged)} goals`;
      },
    },
    {
      label: 'CMS shared-patient links',
      file: 'shared_patients_2015_30.txt',
      run: async (f) => {
        const r = await importSharedPatients(database, f, { window: 30, year: 2015, startedBy: 'demo' });
        if (r.rejected) throw new Error(`shared patients: ${r.rejected} rows rejected`);
        return `${fmt(r.kept)} pairs`;
      },
    },
  ];
  const t0 = performance.now();
  await runSteps(steps, { dir, log, offset: 0, total: steps.length + analyticsSteps(database).length });
  await refreshStatistics(database);
  await markDemo(database, dir, 'referral history');
  const finish = async () => {
    await finishDemoLoad(database, dir, log, steps.length);
    log(`  loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  return { logins, finish };
}

/** Referral history (+ alerts) and the network metrics computed from it: the slow half of a load. */
function analyticsSteps(database: Database): Step[] {
  return [
    {
      label: 'referrals (+ shifting-referrer alerts)',
      file: 'referrals.csv',
      run: async (f) => {
        const r = await importReferralsAndDetect(database, f, { startedBy: 'demo' });
        if (r.rejected) throw new Error(`referrals.csv: ${r.rejected} rows rejected`);
        return `${fmt(r.rowsRead)} rows, ${r.alerts?.found ?? 0} alerts`;
      },
    },
    ...optionalSteps(database),
  ];
}

async function runSteps(list: Step[], o: { dir: string; log: Log; offset: number; total: number }) {
  for (const s of list)
    if (s.file && !existsSync(path.join(o.dir, s.file)))
      throw new Error(`demo folder ${o.dir} lacks ${s.file}`);
  for (const [i, s] of list.entries()) {
    const t = performance.now();
    const what = await s.run(s.file ? path.join(o.dir, s.file) : '');
    log(o.log, o.offset + i + 1, o.total, s.label, what, t);
  }
}

function log(out: Log, n: number, total: number, label: string, what: string, t: number) {
  const secs = ((performance.now() - t) / 1000).toFixed(1);
  out(`  [${String(n).padStart(2)}/${total}] ${label.padEnd(40)} ${what.padStart(22)}  ${secs} s`);
}

/** The demo setting: the UI badge reads it; `loading` names what is still being loaded. */
async function markDemo(database: Database, dir: string, loading: string | null) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  await putSetting(database.db, 'demo', {
    synthetic: true,
    seed: manifest.seed ?? manifest.params?.seed,
    dataDate: manifest.dataDate ?? manifest.params?.endMonth,
    loadedAt: new Date().toISOString(),
    generator: manifest.generatorVersion ?? null,
    folder: dir,
    loading,
  });
}

async function finishDemoLoad(database: Database, dir: string, out: Log, done: number) {
  const steps = analyticsSteps(database);
  await runSteps(steps, { dir, log: out, offset: done, total: done + steps.length });
  await setIntakeReceiver(database);
  await refreshStatistics(database);
  await markDemo(database, dir, null);
}

// Planner statistics for the tables just filled. Without them (autovacuum off, or not yet run) the
// planner takes 600 organizations for 2 rows and a search's per-row organization lookup becomes a
// nested scan of all of them (≈ 1 ms per result row; measured on the bench:load demo market).
async function refreshStatistics(database: Database) {
  await sql`analyze`.execute(database.db);
}

/**
 * A first start stopped before the referral history finished loading: finish it now (the interrupted
 * import's rows are discarded by the importer first). Returns null when there is nothing to resume.
 */
export async function resumeDemoLoad(database: Database, out: Log): Promise<(() => Promise<void>) | null> {
  const demo = await getSetting<{ loading?: string | null; folder?: string }>(database.db, 'demo');
  if (!demo?.loading || !demo.folder || !existsSync(demo.folder)) return null;
  return () => finishDemoLoad(database, demo.folder!, out, 0);
}

/** FHIR ServiceRequests that name no receiver are referrals to us: our largest hospital takes them. */
async function setIntakeReceiver(database: Database) {
  const flagship = await database.db
    .selectFrom('organizations')
    .select(['npi', 'facility_code'])
    .where('network_status', '=', 'ours')
    .where('type', '=', 'hospital')
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
  const receiver = flagship?.facility_code ?? flagship?.npi;
  if (receiver) await saveReferralSettings(database.db, { intake: { receiver } });
}

/** Steps that derive data from what was loaded (network metrics). */
function optionalSteps(database: Database): Step[] {
  return [
    {
      label: 'network metrics',
      run: async () => {
        const { computeNetwork } = await import('../commands/network/computeNetwork');
        const r = await computeNetwork(database, { trigger: 'import', startedBy: 'demo' });
        return `${fmt(r.providers)} providers`;
      },
    },
  ];
}

/** First start: generate the default market (seed from config) into DATA_DIR/demo and load it. */
export async function loadDefaultDemo(
  database: Database,
  config: Config,
  log: Log,
): Promise<{ logins: DemoLogin[]; finish: () => Promise<void> }> {
  // dated from today, so the liaisons' visits, tasks and goals run up to now (model.ts demoDatesFor)
  const now = new Date();
  const dates = demoDatesFor({ y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() });
  const dir = path.join(config.dataDir, 'demo', `seed-${config.ROUNDS_DEMO_SEED}-through-${dates.crmEnd}`);
  log(`First start: generating the synthetic demo market (seed ${config.ROUNDS_DEMO_SEED}) in ${dir} …`);
  const t = performance.now();
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    mkdirSync(dir, { recursive: true });
    await generateDemoMarket({ seed: config.ROUNDS_DEMO_SEED, outDir: dir, ...dates });
  }
  log(`  generated in ${((performance.now() - t) / 1000).toFixed(1)} s; loading through the importers:`);
  const { logins, finish } = await loadDemoFolderInPhases(database, dir, log, {
    password: process.env.ROUNDS_DEMO_PASSWORD,
  });
  const file = path.join(config.dataDir, 'demo-logins.txt');
  writeFileSync(file, `${logins.map((l) => `${l.role}\t${l.email}\t${l.password}`).join('\n')}\n`, {
    mode: 0o600,
  });
  return { logins, finish };
}
