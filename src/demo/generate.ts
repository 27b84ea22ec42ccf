/**
 * generateDemoMarket(): a deterministic, synthetic Nashville-area referral market.
 * Same seed + options → byte-identical files. Memory: typed arrays per provider + small per-referrer state.
 */
import { mkdir } from 'node:fs/promises';
import { buildActivities } from './activities';
import { buildContacts } from './contacts';
import { buildBook, buildUsers, campaignEvents, endDayOf } from './crm';
import { buildDestIndex } from './destinations';
import { computeUsShares, selectEvents } from './events';
import { writeGroundTruth } from './groundTruth';
import { dayNumber, type GenerateOptions, isoDate, monthStartDay, type Params } from './model';
import { writeNppes } from './nppes';
import { buildOrganizations } from './orgs';
import { type FileStat, writeCrmFiles, writeManifest } from './outputs';
import { buildProviders } from './providers';
import { writeReferrals } from './referrals';

export const GENERATOR_VERSION = '1.0.0';

export interface GenerateResult {
  outDir: string;
  params: Params;
  files: Record<string, FileStat>;
  events: number;
  qualifyingDriftEvents: number;
}

export function resolveParams(o: GenerateOptions): Params {
  const endMonth = o.endMonth ?? '2026-10';
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(endMonth)) throw new Error(`endMonth must be YYYY-MM, got ${endMonth}`);
  const months = o.months ?? 36;
  const providers = o.providers ?? 3000;
  if (!Number.isInteger(months) || months < 6 || months > 120)
    throw new Error('months must be an integer in 6..120');
  if (!Number.isInteger(providers) || providers < 50 || providers > 20_000_000)
    throw new Error('providers must be an integer in 50..20,000,000');
  const crmEndDay = crmEndOf(endMonth, o.crmEnd);
  const k = Number(endMonth.slice(0, 4)) * 12 + Number(endMonth.slice(5, 7)) - 1 - (months - 1);
  return {
    seed: o.seed >>> 0,
    providers,
    organizations: o.organizations ?? 600,
    months,
    endMonth,
    crmEndDay,
    startYear: Math.floor(k / 12),
    startMonth0: k % 12,
  };
}

/** The CRM's last day: crmEnd (YYYY-MM-DD, a real date, not before endMonth's last day) or that day. */
function crmEndOf(endMonth: string, crmEnd: string | undefined): number {
  const monthEnd = dayNumber(Number(endMonth.slice(0, 4)), Number(endMonth.slice(5, 7)) + 1, 0);
  if (crmEnd === undefined) return monthEnd;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(crmEnd);
  const day = m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : Number.NaN;
  if (!m || isoDate(day) !== crmEnd)
    throw new Error(`the CRM end date (--crm-end) must be a date YYYY-MM-DD, got ${crmEnd}`);
  if (day < monthEnd)
    throw new Error(
      `the CRM end date (--crm-end ${crmEnd}) is before the end of the referral data (${isoDate(monthEnd)}, --end ${endMonth})`,
    );
  return day;
}

export async function generateDemoMarket(options: GenerateOptions): Promise<GenerateResult> {
  const p = resolveParams(options);
  const out = options.outDir;
  const progress = (phase: string, total: number) => (done: number) =>
    options.onProgress?.({ phase, done, total });
  await mkdir(out, { recursive: true });
  const N = p.providers;
  const endDay = endDayOf(p);
  const windowStart = monthStartDay(p, 0);
  const crmStart = monthStartDay(p, Math.max(0, p.months - 12));

  progress('organizations', 1)(0);
  const { orgs, locs } = buildOrganizations(p, N);
  const t = buildProviders(p, orgs, locs, progress('providers', N));
  const idx = buildDestIndex(p, t, orgs, locs);
  const us = computeUsShares(p, idx, t, progress('panels', N));
  const { events, eventOf } = selectEvents(p, idx, t, us);
  const { users, territories } = buildUsers();
  const book = buildBook(p, t, us, eventOf, crmStart, endDay);
  const visitEvents = campaignEvents(p, t, us, book.campaigns, events.length);
  for (const ev of visitEvents) {
    eventOf[ev.provider] = events.length;
    events.push(ev);
  }
  const files: Record<string, FileStat> = {};
  const nppes = await writeNppes(p, t, orgs, locs, out, endDay, windowStart, progress('nppes', N));
  files['npidata_pfile.csv'] = nppes.npidata;
  files['pl_pfile.csv'] = nppes.pl;
  const ref = await writeReferrals(p, idx, t, orgs, events, eventOf, out, progress('referrals', N));
  files['referrals.csv'] = { rows: ref.referrals.rows, bytes: ref.referrals.bytes };
  files['shared_patients_2015_30.txt'] = ref.shared;
  const contactOrgs = book.relationships.map((r) => t.org[r.provider]!).filter((o) => o >= 0);
  const contacts = buildContacts(p, orgs, locs, contactOrgs);
  // CRM activity runs to p.crmEndDay (the first start: yesterday); the book, its growth campaigns and
  // every referral stop at endDay, so the referral files do not depend on it
  const crm = buildActivities(p, t, orgs, locs, users, book, contacts, events, eventOf, crmStart, endDay);
  Object.assign(files, await writeCrmFiles(out, t, orgs, locs, users, territories, book, contacts, crm));
  const gt = await writeGroundTruth(
    out,
    p,
    t,
    events,
    crm.visitTypes,
    GENERATOR_VERSION,
    ref.referrals.referrals,
  );
  files['ground_truth.json'] = gt.stat;
  progress('done', 1)(1);
  await writeManifest(out, p, files, GENERATOR_VERSION);
  return { outDir: out, params: p, files, events: events.length, qualifyingDriftEvents: gt.qualifying };
}
