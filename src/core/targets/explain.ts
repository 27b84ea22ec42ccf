// "Why this physician": one sentence per factor that contributes, strongest first, with the fact
// behind it (counts, dates, percentiles) so a liaison can repeat it in a visit.
import type { ScoreContext, TargetFacts } from './factors';
import { growthRate } from './factors';
import type { FactorContribution } from './score';

const pct = (x: number) => `${Math.round(x * 100)} %`;
/** "+30 pts", "+4.5 pts": the factor's share of the 0–100 score. */
const points = (x: number) => `+${Number(x.toFixed(1))} pts`;
// what each loyalty segment means, in the field's terms (thresholds as in Referrals)
const SEGMENT_WORDS: Record<string, string> = {
  splitter: 'Splits their referrals between our network and others (splitter)',
  opportunity: 'Sends few of their referrals to our network (opportunity)',
  loyalist: 'Sends most of their referrals to our network (loyalist)',
  low_volume: 'Too few referrals in our lines to place in a segment (low volume)',
};
const lines = (xs: string[]) => (xs.length ? ` in ${xs.slice(0, 3).join(', ').replace(/_/g, ' ')}` : '');

export function explain(f: TargetFacts, breakdown: FactorContribution[], ctx: ScoreContext): string[] {
  const out: string[] = [];
  const ranked = [...breakdown].filter((b) => b.points > 0).sort((a, b) => b.points - a.points);
  for (const b of ranked) {
    const s = sentence(b, f, ctx);
    if (s) out.push(`${s} · ${points(b.points)}`);
  }
  return out;
}

function sentence(b: FactorContribution, f: TargetFacts, ctx: ScoreContext): string | null {
  switch (b.factor) {
    case 'opportunity':
      return `Sent ${f.leakedReferrals} referrals${lines(f.leakageServiceLines)} outside our network in 12 months — ${
        f.leakedReferrals >= ctx.leakageP90
          ? 'among the top 10 % of candidates'
          : `the top 10 % of candidates send ${ctx.leakageP90} or more`
      }`;
    case 'growth': {
      const g = growthRate(f.recentReferrals, f.priorReferrals);
      return `Referral volume ${g >= 0 ? 'up' : 'down'} ${pct(Math.abs(g))}${Math.abs(g) >= 0.5 ? '+' : ''}: ${f.recentReferrals} in the last 6 months vs ${f.priorReferrals} before`;
    }
    case 'loyalty':
      return f.segment
        ? (SEGMENT_WORDS[f.segment] ?? `Loyalty segment: ${f.segment}`)
        : 'No referrals in our service lines yet';
    case 'influence':
      return `More central in the referral network than ${pct(b.value)} of providers`;
    case 'newToMarket':
      return `New to the market since ${f.arrivedAt?.slice(0, 10)}`;
    case 'recency':
      return f.lastVisitAt
        ? `Last visited ${f.lastVisitAt.slice(0, 10)}; desired every ${f.desiredVisitDays} days`
        : `Never visited; desired every ${f.desiredVisitDays} days`;
    case 'openIssues':
      return `${f.openIssues} open issue${f.openIssues === 1 ? '' : 's'} to follow up`;
    case 'proximity':
      return f.kmFromTerritory === 0
        ? 'Inside your territory'
        : `${f.kmFromTerritory?.toFixed(0)} km from your territory`;
  }
}
