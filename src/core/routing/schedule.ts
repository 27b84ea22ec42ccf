// Full O(n)–O(n²) timing of one route, including breaks. The search uses O(1) earliest/latest bookkeeping for
// routes without breaks; routes with breaks (a liaison's lunch) are short, so they are re-timed completely.
import { earliestStart, type Model } from './model';

export interface RouteTimes {
  feasible: boolean;
  departure: number;
  arrivals: number[];
  starts: number[];
  /** Arrival at the end location. */
  end: number;
  breaks: { id: string; start: number; end: number }[];
}

interface Placement {
  gap: number;
  afterTravel: boolean;
}

function earliestBreak(ws: readonly (readonly [number, number])[], t: number): number {
  for (const [a, b] of ws) if (t <= b) return Math.max(t, a);
  return Infinity;
}

/** Forward pass with breaks at the given gaps (gap g = between position g-1 and g; gap 0 = before the first stop). */
function simulate(
  m: Model,
  v: number,
  seq: readonly number[],
  placements: Placement[],
  out?: RouteTimes,
): number {
  const c = m.vClass[v]!;
  const breaks = m.vBreaks[v]!;
  let t = m.vEarliest[v]!;
  let loc = m.vStart[v]!;
  for (let g = 0; g <= seq.length; g++) {
    const nextLoc = g < seq.length ? m.jobLoc[seq[g]!]! : m.vEnd[v]!;
    const travel = m.T[loc * m.nLoc + nextLoc]!;
    for (let pass = 0; pass < 2; pass++) {
      if (pass === 1) t += travel;
      for (let k = 0; k < placements.length; k++) {
        const p = placements[k]!;
        if (p.gap !== g || p.afterTravel !== (pass === 1)) continue;
        const s = earliestBreak(breaks[k]!.windows, t);
        if (s === Infinity) return Infinity;
        out?.breaks.push({ id: breaks[k]!.id, start: s, end: s + breaks[k]!.duration });
        t = s + breaks[k]!.duration;
      }
    }
    if (g === seq.length) break;
    const j = seq[g]!;
    const s = earliestStart(m, c, j, t);
    if (s === Infinity) return Infinity;
    out?.arrivals.push(t);
    out?.starts.push(s);
    t = s + m.svc[j]!;
    loc = nextLoc;
  }
  return t <= m.vLatest[v]! ? t : Infinity;
}

/** Chooses break positions greedily (one break at a time, earliest return wins) and returns the timing. */
export function timeRoute(m: Model, v: number, seq: readonly number[]): RouteTimes {
  const breaks = m.vBreaks[v]!;
  const placements: Placement[] = [];
  if (seq.length > 0) {
    for (let k = 0; k < breaks.length; k++) {
      let best: Placement | null = null;
      let bestEnd = Infinity;
      for (let g = 0; g <= seq.length; g++) {
        for (const afterTravel of [false, true]) {
          const trial = [...placements, { gap: g, afterTravel }];
          // Later breaks are not placed yet: simulate with only the ones fixed so far.
          const end = simulate(m, v, seq, trial);
          if (end < bestEnd) {
            bestEnd = end;
            best = trial[trial.length - 1]!;
          }
        }
      }
      if (!best)
        return {
          feasible: false,
          departure: m.vEarliest[v]!,
          arrivals: [],
          starts: [],
          end: Infinity,
          breaks: [],
        };
      placements.push(best);
    }
  }
  const out: RouteTimes = {
    feasible: false,
    departure: m.vEarliest[v]!,
    arrivals: [],
    starts: [],
    end: 0,
    breaks: [],
  };
  out.end = simulate(m, v, seq, placements, out);
  out.feasible = out.end < Infinity;
  return out;
}

/** Capacity + timing feasibility of a whole sequence (the slow path of the search). */
export function routeFeasible(m: Model, v: number, seq: readonly number[]): boolean {
  if (m.hasCapacity) {
    let load = 0;
    for (const j of seq) load += m.demand[j]!;
    if (load > m.vCap[v]!) return false;
  }
  for (const j of seq) if (!m.allowed[v * m.nJobs + j]) return false;
  if (m.vBreaks[v]!.length === 0) return simulate(m, v, seq, []) < Infinity;
  return timeRoute(m, v, seq).feasible;
}
