// Market-level aggregation: share by area, leakage by referrer with a value estimate, risers & fallers.
// Inputs are already grouped rows (the database does the heavy grouping); this module does the
// arithmetic every caller must agree on.
import { isOurNetwork, type NetworkBucket } from './types';

export interface AreaCell {
  area: string;
  network: NetworkBucket;
  count: number;
}

export interface AreaShare {
  area: string;
  total: number;
  ourNetwork: number;
  competitor: number;
  other: number;
  /** (ours + affiliated) / total */
  share: number | null;
}

export function shareByArea(cells: readonly AreaCell[]): AreaShare[] {
  const m = new Map<string, AreaShare>();
  for (const c of cells) {
    const a = m.get(c.area) ?? {
      area: c.area,
      total: 0,
      ourNetwork: 0,
      competitor: 0,
      other: 0,
      share: null,
    };
    a.total += c.count;
    if (isOurNetwork(c.network)) a.ourNetwork += c.count;
    else if (c.network === 'competitor') a.competitor += c.count;
    else a.other += c.count;
    m.set(c.area, a);
  }
  return [...m.values()]
    .map((a) => ({ ...a, share: a.total > 0 ? a.ourNetwork / a.total : null }))
    .sort((x, y) => y.total - x.total || x.area.localeCompare(y.area));
}

export interface ReferrerLineCell {
  referringNpi: string;
  serviceLine: string;
  network: NetworkBucket;
  count: number;
}

export interface LeakingReferrer {
  referringNpi: string;
  /** referrals in the service lines considered */
  total: number;
  leakage: number;
  leakageShare: number;
  /** Σ leakage per line × value per case of that line; null when no line has a value configured */
  estimatedValue: number | null;
  byServiceLine: { serviceLine: string; leakage: number; valuePerCase: number | null }[];
}

/** Leakage (to competitors) per referrer, valued with `valuePerCase[serviceLine]`, largest first. */
export function leakageByReferrer(
  cells: readonly ReferrerLineCell[],
  valuePerCase: Readonly<Record<string, number>>,
  limit: number,
): LeakingReferrer[] {
  const m = new Map<string, { total: number; lines: Map<string, number> }>();
  for (const c of cells) {
    const r = m.get(c.referringNpi) ?? { total: 0, lines: new Map<string, number>() };
    r.total += c.count;
    if (c.network === 'competitor') r.lines.set(c.serviceLine, (r.lines.get(c.serviceLine) ?? 0) + c.count);
    m.set(c.referringNpi, r);
  }
  const out: LeakingReferrer[] = [];
  for (const [npi, r] of m) {
    const byServiceLine = [...r.lines.entries()]
      .map(([serviceLine, leakage]) => ({
        serviceLine,
        leakage,
        valuePerCase: valuePerCase[serviceLine] ?? null,
      }))
      .sort((a, b) => b.leakage - a.leakage || a.serviceLine.localeCompare(b.serviceLine));
    const leakage = byServiceLine.reduce((a, l) => a + l.leakage, 0);
    if (leakage === 0) continue;
    const valued = byServiceLine.filter((l) => l.valuePerCase !== null);
    out.push({
      referringNpi: npi,
      total: r.total,
      leakage,
      leakageShare: leakage / r.total,
      estimatedValue: valued.length ? valued.reduce((a, l) => a + l.leakage * l.valuePerCase!, 0) : null,
      byServiceLine,
    });
  }
  return out
    .sort(
      (a, b) =>
        (b.estimatedValue ?? 0) - (a.estimatedValue ?? 0) ||
        b.leakage - a.leakage ||
        a.referringNpi.localeCompare(b.referringNpi),
    )
    .slice(0, limit);
}

export interface MoverInput {
  referringNpi: string;
  recent: number;
  prior: number;
}

export interface Mover extends MoverInput {
  change: number;
  /** (recent − prior) / prior; null when prior is 0 */
  relativeChange: number | null;
}

/** Risers and fallers by absolute change in referrals to our network between two equal periods. */
export function risersAndFallers(
  rows: readonly MoverInput[],
  limit: number,
): { risers: Mover[]; fallers: Mover[] } {
  const all = rows.map((r) => ({
    ...r,
    change: r.recent - r.prior,
    relativeChange: r.prior > 0 ? (r.recent - r.prior) / r.prior : null,
  }));
  const byNpi = (a: Mover, b: Mover) => a.referringNpi.localeCompare(b.referringNpi);
  return {
    risers: all
      .filter((r) => r.change > 0)
      .sort((a, b) => b.change - a.change || byNpi(a, b))
      .slice(0, limit),
    fallers: all
      .filter((r) => r.change < 0)
      .sort((a, b) => a.change - b.change || byNpi(a, b))
      .slice(0, limit),
  };
}
