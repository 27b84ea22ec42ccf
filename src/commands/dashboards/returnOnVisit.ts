// The return-on-visit panel: estimates per liaison, activity type, campaign (target list) and
// relationship tag, with intervals and the definitions. The estimate reads every referrer's monthly
// series (seconds on the demo market), so it is stored (dashboard_views) when a referral import
// finishes. When visits or campaigns change afterwards, the stored estimate is still shown — with the
// time it was computed — while a new one is computed in the background.
import type { Kysely } from 'kysely';
import { ROV_DEFINITIONS } from '../../core/returnOnVisit/definitions';
import { estimateReturnOnVisit } from '../../core/returnOnVisit/estimate';
import type { RovEstimate } from '../../core/returnOnVisit/types';
import { loadRovInput } from '../../db/queries/dashboards/returnOnVisitInput';
import { readView, returnOnVisitInputs, writeView } from '../../db/queries/dashboards/views';
import type { DB } from '../../db/schema';
import { type Panel, panel } from './panel';

type Result = {
  estimates: RovEstimate[];
  episodes: number;
  unmatched: number;
  dataDate: string | null;
  activityFrom: string | null;
  /** When the stored estimate was computed (ISO). */
  computedAt: string;
};
const NAME = 'return-on-visit';

async function computeReturnOnVisit(db: Kysely<DB>, windowMonths: number, level: number) {
  const input = await loadRovInput(db);
  if (!input) return { estimates: [], episodes: 0, unmatched: 0, dataDate: null, activityFrom: null };
  const r = estimateReturnOnVisit(input.physicians, input.visits, {
    windowMonths,
    level,
    minControls: 5,
    coverageStartMonth: input.coverageStartMonth,
    firstDataMonth: input.firstDataMonth,
    lastDataMonth: input.lastDataMonth,
  });
  return {
    estimates: r.estimates,
    episodes: r.episodes.length,
    unmatched: r.unmatched,
    dataDate: input.dataDate,
    activityFrom: input.activityFrom,
  };
}

const inFlight = new Map<string, Promise<Result>>();

/** Computes and stores the estimate for these inputs (one computation at a time per variant). */
function recompute(db: Kysely<DB>, variant: string, inputs: string, windowMonths: number, level: number) {
  let p = inFlight.get(variant);
  if (!p) {
    p = (async () => {
      const t0 = performance.now();
      const body = await computeReturnOnVisit(db, windowMonths, level);
      await writeView(db, { name: NAME, variant, inputs, body, computeMs: performance.now() - t0 });
      return { ...body, computedAt: new Date().toISOString() };
    })().finally(() => inFlight.delete(variant));
    inFlight.set(variant, p);
  }
  return p;
}

export async function returnOnVisit(db: Kysely<DB>, windowMonths: number, level = 0.9): Promise<Result> {
  const variant = `${windowMonths}|${level}`;
  const [inputs, stored] = await Promise.all([
    returnOnVisitInputs(db),
    readView<Omit<Result, 'computedAt'>>(db, NAME, variant),
  ]);
  if (stored && stored.inputs === inputs) return { ...stored.body, computedAt: stored.computedAt };
  if (!stored) return recompute(db, variant, inputs, windowMonths, level);
  // Stale: answer with what is stored (it says when it was computed) and bring it up to date.
  recompute(db, variant, inputs, windowMonths, level).catch((e: unknown) =>
    console.warn('return-on-visit refresh failed', e),
  );
  return { ...stored.body, computedAt: stored.computedAt };
}

/** After a referral import: the estimate for the default window, stored before anyone asks. */
export async function refreshReturnOnVisit(db: Kysely<DB>, windowMonths = 3, level = 0.9) {
  await recompute(db, `${windowMonths}|${level}`, await returnOnVisitInputs(db), windowMonths, level);
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
  return panel(
    {
      id: `rov-${q.by}`,
      title: `Return on visit by ${q.by} (${q.windowMonths} months before vs after)`,
      source: `Internal referrals (monthly rollup) + CRM visits since ${r.activityFrom ?? '—'}; estimated ${r.computedAt.slice(0, 16).replace('T', ' ')} UTC`,
      dataDate: r.dataDate,
      definition: ROV_DEFINITIONS.join(' '),
    },
    {
      group: q.by === 'all' ? 'Group' : q.by[0]!.toUpperCase() + q.by.slice(1),
      statement: 'Return on visit',
      estimate: ['Referrals/month', 'number'],
      low: ['CI low', 'number'],
      high: ['CI high', 'number'],
      episodes: ['Visit episodes', 'number'],
      physicians: ['Physicians', 'number'],
      median_controls: ['Median controls', 'number'],
      treated_before: ['Visited: before', 'number'],
      treated_after: ['Visited: after', 'number'],
      control_before: ['Controls: before', 'number'],
      control_after: ['Controls: after', 'number'],
    },
    picked.map((e) => ({
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
  );
}
const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null);
