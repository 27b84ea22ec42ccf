// Which offices go into a plan and how much each matters. Sources: the liaison's targets ("who to see next":
// all top targets or only those with a visit due), explicit NPIs, explicit office locations. Providers are
// grouped by the office where they practise; a stop's priority is the sum of its providers' target scores
// (0–100 points each, rounded, at least 1), so an office with three targets outranks one with a single target.
import type { Kysely } from 'kysely';
import { parseVisitRules } from '../../core/officeHours';
import {
  loadLocations,
  locationsOfProviders,
  providerNames,
  providersAtLocations,
  tiers,
} from '../../db/queries/routes/stops';
import type { DB } from '../../db/schema';
import { getTargetWeights, nextTargets, scoreTargets } from '../network/targets';
import { RouteError, type RouteStop } from './types';
import { type VisitType, visitMinutes } from './windows';

export type StopSource = {
  targets?: 'due' | 'list';
  npis?: string[];
  locationIds?: number[];
  /** How many targets to consider (targets source). */
  limit?: number;
  /** Fixed appointments at offices: minutes after midnight and the visit type (default lunch-and-learn). */
  appointments?: { locationId: number; at: number; type?: VisitType }[];
};

export type Skipped = { what: string; reason: string };

type Candidate = { npis: Map<string, number | null>; why: string[] };
const TIER_PRIORITY: Record<string, number> = { A: 3, B: 2, C: 1 };

async function scores(db: Kysely<DB>, npis: string[]): Promise<Map<string, number>> {
  if (npis.length === 0) return new Map();
  const { weights } = await getTargetWeights(db);
  const { ranked } = await scoreTargets(db, { npis }, weights);
  return new Map(ranked.map((r) => [r.npi, r.score]));
}

export async function gatherStops(
  db: Kysely<DB>,
  liaisonId: number,
  src: StopSource,
): Promise<{ stops: RouteStop[]; skipped: Skipped[] }> {
  const byLocation = new Map<number, Candidate>();
  const skipped: Skipped[] = [];
  const add = (loc: number, npi: string | null, score: number | null, why?: string) => {
    const c: Candidate = byLocation.get(loc) ?? { npis: new Map<string, number | null>(), why: [] };
    if (npi) c.npis.set(npi, score);
    if (why && !c.why.includes(why)) c.why.push(why);
    byLocation.set(loc, c);
  };
  if (src.targets) {
    const next = await nextTargets(db, liaisonId, src.limit ?? 25);
    for (const t of next.items) {
      if (src.targets === 'due' && !t.dueVisit) continue;
      const loc = t.locationIds[0];
      if (loc === undefined)
        skipped.push({ what: `${t.name} (${t.npi})`, reason: 'no office location on file' });
      else
        add(
          loc,
          t.npi,
          t.priority,
          `${t.name}: ${t.why[0] ?? `target score ${t.priority}`}${t.dueVisit ? ' · visit due' : ''}`,
        );
    }
  }
  if (src.npis?.length) {
    const [locs, sc] = await Promise.all([locationsOfProviders(db, src.npis), scores(db, src.npis)]);
    for (const npi of src.npis) {
      const loc = locs.get(npi)?.[0];
      if (loc === undefined) skipped.push({ what: npi, reason: 'no office location on file' });
      else add(loc, npi, sc.get(npi) ?? null);
    }
  }
  const direct = [...(src.locationIds ?? []), ...(src.appointments ?? []).map((a) => a.locationId)];
  if (direct.length) {
    const members = await providersAtLocations(db, direct);
    const sc = await scores(db, [...new Set([...members.values()].flat())]);
    for (const loc of direct) {
      const npis = members.get(loc) ?? [];
      if (npis.length === 0) add(loc, null, null);
      // An office chosen by hand: count its best-scoring provider, not all of its members.
      const best = npis.reduce<string | null>(
        (b, n) => (b === null || (sc.get(n) ?? 0) > (sc.get(b) ?? 0) ? n : b),
        null,
      );
      if (best) add(loc, best, sc.get(best) ?? null);
    }
  }
  if (byLocation.size === 0) throw new RouteError('no stops: the chosen source has no offices to visit', 422);
  const ids = [...byLocation.keys()];
  const [locations, names, tierOf] = await Promise.all([
    loadLocations(db, ids),
    providerNames(db, [...new Set([...byLocation.values()].flatMap((c) => [...c.npis.keys()]))]),
    tiers(db, [...new Set([...byLocation.values()].flatMap((c) => [...c.npis.keys()]))]),
  ]);
  const found = new Map(locations.map((l) => [l.id, l]));
  const stops: RouteStop[] = [];
  for (const id of ids) {
    const l = found.get(id);
    if (!l) {
      skipped.push({ what: `location ${id}`, reason: 'unknown or deleted location' });
      continue;
    }
    if (l.lat === null || l.lon === null) {
      skipped.push({ what: l.name, reason: 'no map point (address not geocoded)' });
      continue;
    }
    const c = byLocation.get(id)!;
    const providers = [...c.npis].map(([npi, score]) => ({ npi, name: names.get(npi) ?? npi, score }));
    const scored = providers.filter((p) => p.score !== null);
    const tierSum = providers.reduce((s, p) => s + (TIER_PRIORITY[tierOf.get(p.npi) ?? ''] ?? 0), 0);
    const [priority, prioritySource]: [number, RouteStop['prioritySource']] = scored.length
      ? [Math.max(1, Math.round(scored.reduce((s, p) => s + p.score!, 0))), 'target-score']
      : tierSum > 0
        ? [tierSum, 'tier']
        : [1, 'default'];
    const appt = src.appointments?.find((a) => a.locationId === id);
    let rulesHaveDropIns = false;
    try {
      rulesHaveDropIns = parseVisitRules(l.visitRules).some((r) => r.kind === 'drop_ins');
    } catch {
      // A bad rule text is reported when the windows are computed.
    }
    const visitType: VisitType = appt
      ? (appt.type ?? 'lunch_and_learn')
      : rulesHaveDropIns
        ? 'drop_in'
        : 'visit';
    stops.push({
      id: `loc-${id}`,
      locationId: id,
      organizationId: l.organizationId,
      name:
        l.organizationName && l.organizationName !== l.name ? `${l.organizationName} — ${l.name}` : l.name,
      address: l.address,
      lat: l.lat,
      lon: l.lon,
      geoPrecision: l.geoPrecision,
      hours: l.hours,
      visitRules: l.visitRules,
      providers,
      priority,
      prioritySource,
      why: c.why,
      visitType,
      durationMin: visitMinutes(visitType, Math.max(1, providers.length)),
      appointmentAt: appt ? appt.at : null,
    });
  }
  if (stops.length === 0)
    throw new RouteError(
      `no stops with a map point (${skipped.map((s) => `${s.what}: ${s.reason}`).join('; ')})`,
      422,
    );
  return { stops, skipped };
}
