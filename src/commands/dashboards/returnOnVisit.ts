// The return-on-visit panel: estimates per liaison, activity type, campaign (target list) and
// relationship tag, with intervals and the definitions. The estimate reads every referrer's monthly
// series, so it is cached per process until referrals or activities change (a cheap fingerprint).
import { type Kysely, sql } from 'kysely';
import { ROV_DEFINITIONS } from '../../core/returnOnVisit/definitions';
import { estimateReturnOnVisit } from '../../core/returnOnVisit/estimate';
import type { RovEstimate } from '../../core/returnOnVisit/types';
import { loadRovInput } from '../../db/queries/dashboards/returnOnVisitInput';
import type { DB } from '../../db/schema';
import { col, type Panel } from './panel';

type Result = {
  estimates: RovEstimate[];
  episodes: number;
  unmatched: number;
  dataDate: string | null;
  activityFrom: string | null;
};
const cache = new Map<string, Result>();

async function fingerprint(db: Kysely<DB>) {
  const r = await sql<{ f: string }>`
    select concat_ws('|', (select max(updated_at)::text from referral_facts), (select count(*) from referral_monthly),
      (select max(updated_at)::text from activities), (select count(*) from activities where deleted_at is null),
      (select count(*) from target_list_members), (select max(updated_at)::text from provider_relationships)) as f`.execute(
    db,
  );
  return r.rows[0]?.f ?? '';
}

export async function returnOnVisit(db: Kysely<DB>, windowMonths: number, level = 0.9): Promise<Result> {
  const key = `${windowMonths}|${level}|${await fingerprint(db)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const input = await loadRovInput(db);
  const empty = {
    estimates: [],
    episodes: 0,
    unmatched: 0,
    dataDate: input?.dataDate ?? null,
    activityFrom: input?.activityFrom ?? null,
  };
  if (!input) return empty;
  const r = estimateReturnOnVisit(input.physicians, input.visits, {
    windowMonths,
    level,
    minControls: 5,
    coverageStartMonth: input.coverageStartMonth,
    firstDataMonth: input.firstDataMonth,
    lastDataMonth: input.lastDataMonth,
  });
  const out = {
    estimates: r.estimates,
    episodes: r.episodes.length,
    unmatched: r.unmatched,
    dataDate: input.dataDate,
    activityFrom: input.activityFrom,
  };
  cache.clear();
  cache.set(key, out);
  return out;
}

const DIMENSIONS = {
  liaison: 'liaison:',
  type: 'type:',
  campaign: 'campaign:',
  tag: 'tag:',
  all: 'all',
} as const;
export type RovDimension = keyof typeof DIMENSIONS;

export async function buildReturnOnVisitPanel(
  db: Kysely<DB>,
  q: { windowMonths: number; by: RovDimension },
): Promise<Panel> {
  const r = await returnOnVisit(db, q.windowMonths);
  const prefix = DIMENSIONS[q.by];
  const picked = r.estimates.filter((e) =>
    prefix === 'all' ? e.group === 'all' : e.group.startsWith(prefix),
  );
  const names = new Map<string, string>();
  if (q.by === 'liaison')
    for (const u of await db.selectFrom('users').select(['id', 'name']).execute())
      names.set(`liaison:${u.id}`, u.name);
  if (q.by === 'campaign')
    for (const t of await db.selectFrom('target_lists').select(['id', 'name']).execute())
      names.set(`campaign:${t.id}`, t.name);
  const label = (g: string) => names.get(g) ?? g.slice(g.indexOf(':') + 1).replace(/_/g, ' ');
  return {
    id: `rov-${q.by}`,
    title: `Return on visit by ${q.by} (${q.windowMonths} months before vs after)`,
    source: `Internal referrals (monthly rollup) + CRM visits since ${r.activityFrom ?? '—'}`,
    dataDate: r.dataDate,
    definition: ROV_DEFINITIONS.join(' '),
    columns: [
      col('group', q.by === 'all' ? 'Group' : q.by[0]!.toUpperCase() + q.by.slice(1)),
      col('statement', 'Return on visit'),
      col('estimate', 'Referrals/month', 'number'),
      col('low', 'CI low', 'number'),
      col('high', 'CI high', 'number'),
      col('episodes', 'Visit episodes', 'number'),
      col('physicians', 'Physicians', 'number'),
      col('median_controls', 'Median controls', 'number'),
      col('treated_before', 'Visited: before', 'number'),
      col('treated_after', 'Visited: after', 'number'),
      col('control_before', 'Controls: before', 'number'),
      col('control_after', 'Controls: after', 'number'),
    ],
    rows: picked.map((e) => ({
      key: e.group,
      group: label(e.group),
      statement: e.statement,
      estimate: round(e.estimate),
      low: round(e.low),
      high: round(e.high),
      episodes: e.episodes,
      physicians: e.physicians,
      median_controls: e.medianControls,
      treated_before: round(e.treatedPre),
      treated_after: round(e.treatedPost),
      control_before: round(e.controlPre),
      control_after: round(e.controlPost),
    })),
  };
}
const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null);
