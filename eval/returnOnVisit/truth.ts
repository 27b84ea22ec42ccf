// The injected truth for a group of return-on-visit episodes: the demo adds effect_per_month × the
// calendar month's seasonality to a visit_effect physician's referrals to us from the month after the
// first campaign visit, so the expected added referrals/month over an episode's after-window is the
// effect times the mean seasonality of those months. Physicians without a visit_effect event: 0.
import type { RovEpisode } from '../../src/core/returnOnVisit/types';

export interface GroundTruth {
  data_date: string;
  model: { seasonality_by_calendar_month: number[] };
  events: { type: string; npi: string; effect_per_month?: number; start_month: string }[];
}

export function trueEffect(truth: GroundTruth, episodes: readonly RovEpisode[], windowMonths: number): number {
  const effect = new Map(truth.events.filter((e) => e.type === 'visit_effect').map((e) => [e.npi, e.effect_per_month ?? 0]));
  const season = truth.model.seasonality_by_calendar_month;
  let sum = 0;
  for (const ep of episodes) {
    const eff = effect.get(ep.npi) ?? 0;
    let s = 0;
    for (let k = 1; k <= windowMonths; k++) s += season[(ep.visitMonth + k) % 12]!;
    sum += eff * (s / windowMonths);
  }
  return episodes.length ? sum / episodes.length : 0;
}
