/** ground_truth.json: every injected event plus the generating model's parameters. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AFFILIATION_PULL, ANNUAL_GROWTH, SEASONALITY } from './destinations';
import { type DemoEvent, round3 } from './events';
import { isoDate, monthLabel, type Params } from './model';
import { LIFE_DEACTIVATED, LIFE_MOVED_IN, LIFE_NEW, type ProviderTable } from './providers';
import { DECAY_KM, DEFAULT_DECAY_KM, FACILITY_PULL } from './specialties';

export const ALERT_MIN_BASELINE = 4;
export const ALERT_MIN_DROP = 0.4;

export async function writeGroundTruth(
  out: string,
  p: Params,
  t: ProviderTable,
  events: DemoEvent[],
  visitTypes: Map<string, string>,
  version: string,
  totalReferrals: number,
) {
  const r2 = (x: number | undefined) => (x === undefined ? null : Math.round(x * 100) / 100);
  let qualifying = 0;
  const list = events.map((e) => {
    const qualifies =
      e.type === 'drift_away' && e.baselineRate >= ALERT_MIN_BASELINE && e.size >= ALERT_MIN_DROP;
    if (qualifies) qualifying++;
    return {
      id: e.id,
      type: e.type,
      variant: e.variant,
      npi: String(e.npi),
      service_line: e.serviceLine,
      start_month: monthLabel(p, e.start),
      full_effect_month: monthLabel(p, Math.min(p.months - 1, e.start + e.ramp - 1)),
      ramp_months: e.ramp,
      size: round3(e.size),
      baseline_rate_to_us: r2(e.baselineRate),
      new_rate_to_us: r2(e.newRate),
      ...(e.type === 'drift_away' ? { drop_fraction: round3(e.size), qualifies_drop_alert: qualifies } : {}),
      ...(e.type === 'competitor_rise'
        ? { competitor_baseline_rate: r2(e.competitorBaseline), competitor_new_rate: r2(e.competitorNew) }
        : {}),
      ...(e.type === 'new_referrer'
        ? {
            reason:
              t.life[e.provider] === LIFE_NEW
                ? 'new_to_market'
                : t.life[e.provider] === LIFE_MOVED_IN
                  ? 'moved_in'
                  : 'started_referring',
          }
        : {}),
      ...(e.type === 'visit_effect'
        ? {
            effect_per_month: e.effect ?? 0,
            visits: (e.visitDays ?? []).map((d) => ({
              date: isoDate(d),
              type: visitTypes.get(`${e.provider}:${d}`) ?? 'in_person_visit',
            })),
          }
        : {}),
    };
  });
  const deactivated: string[] = [];
  const newToMarket: string[] = [];
  for (let i = 0; i < t.n; i++) {
    if (t.life[i] === LIFE_DEACTIVATED) deactivated.push(String(t.npi[i]));
    if (t.life[i] === LIFE_NEW) newToMarket.push(String(t.npi[i]));
  }
  const counts: Record<string, number> = {};
  for (const e of list) counts[e.type] = (counts[e.type] ?? 0) + 1;
  const doc = {
    synthetic: true,
    generator: 'rounds-demo-market',
    version,
    seed: p.seed,
    data_date: p.endMonth,
    window: { first_month: monthLabel(p, 0), last_month: monthLabel(p, p.months - 1), months: p.months },
    network_definition:
      'Referrals "to us" = to a destination whose organization has network_status ours, or affiliated (clinically integrated), in organizations.csv; rates are deseasonalized referrals per month at the event start month.',
    alert_definition: {
      min_baseline_rate_to_us: ALERT_MIN_BASELINE,
      min_drop_fraction: ALERT_MIN_DROP,
      qualifying_drift_events: qualifying,
    },
    model: {
      referral_volume:
        'Poisson per referrer x destination x month; mean = base_rate x seasonality[month] x (1+annual_growth)^(t/12) x panel_share',
      base_rate: 'specialty median x lognormal(sigma 0.45)',
      seasonality_by_calendar_month: SEASONALITY,
      annual_growth: ANNUAL_GROWTH,
      affiliation_pull: AFFILIATION_PULL,
      own_loyalty_sigma: 0.6,
      distance_decay_km: { ...DECAY_KM, default: DEFAULT_DECAY_KM },
      facility_pull: FACILITY_PULL,
      panel_size: '3-6 destinations per referrer x service line (fixed for the whole window)',
      non_event_referrers: 'stable: only Poisson noise, seasonality and market growth',
      visit_effect:
        'campaign visits add effect_per_month referrals to our network from the month after the first visit; routine relationship visits have zero effect',
      total_referrals: totalReferrals,
    },
    counts,
    events: list,
    deactivated_npis: deactivated,
    new_to_market_npis: newToMarket,
  };
  const body = `${JSON.stringify(doc, null, 1)}\n`;
  await writeFile(join(out, 'ground_truth.json'), body);
  return { stat: { rows: list.length, bytes: Buffer.byteLength(body) }, qualifying };
}
