// Local search moves. Each one scans its whole neighbourhood, applies the best improving move and returns its
// gain (0 if none): deterministic and easy to verify by hand in tests. Every candidate is written as
// "prefix + explicit middle + suffix" so the O(|middle|) checks of route.ts apply, cost first, time second.
import { feasibleJoin, joinCost, type Route } from './route';
import type { State } from './state';

const EPS = 1e-9;

interface Part {
  p: number;
  mid: number[];
  suf: Route;
  q: number;
}

/** Cost of a rebuilt route (travel + fixed cost when not empty), or NaN if it is infeasible. */
function partCost(r: Route, part: Part, size: number, check: boolean): number {
  const m = r.m;
  const c = joinCost(r, part.p, part.mid, part.suf, part.q) + (size > 0 ? m.vFixed[r.v]! : 0);
  if (!check) return c;
  return feasibleJoin(r, part.p, part.mid, part.suf, part.q) ? c : Number.NaN;
}

function seqOf(r: Route, part: Part): number[] {
  return r.seq.slice(0, part.p).concat(part.mid, part.suf.seq.slice(part.q - 1));
}

interface Best {
  gain: number;
  apply: () => void;
}

/** Evaluates replacing route A (and optionally B) by the given parts; records it in `best` if better. */
function consider(
  s: State,
  best: Best,
  a: number,
  pa: Part,
  sizeA: number,
  b = -1,
  pb?: Part,
  sizeB = 0,
): void {
  const A = s.routes[a]!;
  const B = b >= 0 ? s.routes[b]! : null;
  const old = A.cost + (B ? B.cost : 0);
  const cheap = partCost(A, pa, sizeA, false) + (B && pb ? partCost(B, pb, sizeB, false) : 0);
  if (old - cheap <= best.gain + EPS) return;
  if (Number.isNaN(partCost(A, pa, sizeA, true))) return;
  if (B && pb && Number.isNaN(partCost(B, pb, sizeB, true))) return;
  const newA = seqOf(A, pa);
  const newB = B && pb ? seqOf(B, pb) : null;
  best.gain = old - cheap;
  best.apply = () => {
    s.setSeq(a, newA);
    if (newB) s.setSeq(b, newB);
  };
}

function fits(r: Route, load: number): boolean {
  return load <= r.m.vCap[r.v]!;
}

/** Move one job to another route. */
export function relocate(s: State): number {
  const best: Best = { gain: 0, apply: () => {} };
  s.routes.forEach((A, a) => {
    for (let i = 1; i <= A.size; i++) {
      const j = A.seq[i - 1]!;
      const d = s.m.demand[j]!;
      s.routes.forEach((B, b) => {
        if (b === a || !fits(B, B.load[B.size + 1]! + d) || !s.m.allowed[B.v * s.m.nJobs + j]) return;
        for (let k = 0; k <= B.size; k++) {
          consider(
            s,
            best,
            a,
            { p: i - 1, mid: [], suf: A, q: i + 1 },
            A.size - 1,
            b,
            { p: k, mid: [j], suf: B, q: k + 1 },
            B.size + 1,
          );
        }
      });
    }
  });
  best.apply();
  return best.gain;
}

/** Swap two jobs of different routes. */
export function exchange(s: State): number {
  const best: Best = { gain: 0, apply: () => {} };
  const m = s.m;
  s.routes.forEach((A, a) => {
    s.routes.forEach((B, b) => {
      if (b <= a) return;
      for (let i = 1; i <= A.size; i++) {
        for (let k = 1; k <= B.size; k++) {
          const x = A.seq[i - 1]!;
          const y = B.seq[k - 1]!;
          const dd = m.demand[y]! - m.demand[x]!;
          if (!fits(A, A.load[A.size + 1]! + dd) || !fits(B, B.load[B.size + 1]! - dd)) continue;
          consider(
            s,
            best,
            a,
            { p: i - 1, mid: [y], suf: A, q: i + 1 },
            A.size,
            b,
            { p: k - 1, mid: [x], suf: B, q: k + 1 },
            B.size,
          );
        }
      }
    });
  });
  best.apply();
  return best.gain;
}

/** Reverse a sub-sequence of one route. */
export function twoOpt(s: State): number {
  const best: Best = { gain: 0, apply: () => {} };
  s.routes.forEach((A, a) => {
    for (let i = 1; i < A.size; i++) {
      for (let k = i + 1; k <= A.size; k++) {
        consider(s, best, a, { p: i - 1, mid: A.seq.slice(i - 1, k).reverse(), suf: A, q: k + 1 }, A.size);
      }
    }
  });
  best.apply();
  return best.gain;
}

/** Move a segment of 1–3 jobs elsewhere in its own route, possibly reversed. */
export function orOpt(s: State): number {
  const best: Best = { gain: 0, apply: () => {} };
  s.routes.forEach((A, a) => {
    const seq = A.seq;
    for (let len = 1; len <= 3; len++) {
      for (let i = 1; i + len - 1 <= A.size; i++) {
        const seg = seq.slice(i - 1, i - 1 + len);
        for (const rev of len > 1 ? [false, true] : [false]) {
          const s2 = rev ? seg.slice().reverse() : seg;
          // Insert after position p (p < i-1: earlier; p > i+len-1: later).
          for (let p = 0; p <= A.size; p++) {
            if (p >= i - 1 && p <= i + len - 1) continue;
            const part =
              p < i - 1
                ? { p, mid: s2.concat(seq.slice(p, i - 1)), suf: A, q: i + len }
                : { p: i - 1, mid: seq.slice(i - 1 + len, p).concat(s2), suf: A, q: p + 1 };
            consider(s, best, a, part, A.size);
          }
        }
      }
    }
  });
  best.apply();
  return best.gain;
}

/** Exchange the tails of two routes (2-opt*). */
export function twoOptStar(s: State): number {
  const best: Best = { gain: 0, apply: () => {} };
  s.routes.forEach((A, a) => {
    s.routes.forEach((B, b) => {
      if (b <= a) return;
      for (let i = 0; i <= A.size; i++) {
        for (let k = 0; k <= B.size; k++) {
          if ((i === 0 && k === 0) || (i === A.size && k === B.size)) continue;
          const la = A.load[i]! + B.load[B.size + 1]! - B.load[k]!;
          const lb = B.load[k]! + A.load[A.size + 1]! - A.load[i]!;
          if (!fits(A, la) || !fits(B, lb)) continue;
          consider(
            s,
            best,
            a,
            { p: i, mid: [], suf: B, q: k + 1 },
            i + B.size - k,
            b,
            { p: k, mid: [], suf: A, q: i + 1 },
            k + A.size - i,
          );
        }
      }
    });
  });
  best.apply();
  return best.gain;
}

/** Swap segments of 0–3 jobs between two routes (covers segment relocation when one side is empty). */
export function crossExchange(s: State, maxLen = 3): number {
  const best: Best = { gain: 0, apply: () => {} };
  const m = s.m;
  s.routes.forEach((A, a) => {
    s.routes.forEach((B, b) => {
      if (b <= a) return;
      for (let la = 0; la <= maxLen; la++) {
        for (let lb = 0; lb <= maxLen; lb++) {
          if (la + lb < 2) continue; // (1,0)/(0,1) is plain relocate, handled by relocate()
          for (let i = 1; i + la - 1 <= A.size; i++) {
            const segA = A.seq.slice(i - 1, i - 1 + la);
            const dA = A.load[i - 1 + la]! - A.load[i - 1]!;
            for (let k = 1; k + lb - 1 <= B.size; k++) {
              const segB = B.seq.slice(k - 1, k - 1 + lb);
              const dB = B.load[k - 1 + lb]! - B.load[k - 1]!;
              if (!fits(A, A.load[A.size + 1]! - dA + dB) || !fits(B, B.load[B.size + 1]! - dB + dA))
                continue;
              if (
                segB.some((j) => !m.allowed[A.v * m.nJobs + j]) ||
                segA.some((j) => !m.allowed[B.v * m.nJobs + j])
              )
                continue;
              consider(
                s,
                best,
                a,
                { p: i - 1, mid: segB, suf: A, q: i + la },
                A.size - la + lb,
                b,
                { p: k - 1, mid: segA, suf: B, q: k + lb },
                B.size - lb + la,
              );
            }
          }
        }
      }
    });
  });
  best.apply();
  return best.gain;
}

export const MOVES = { relocate, exchange, twoOpt, orOpt, twoOptStar, crossExchange };

/** Runs the moves until none improves (or the deadline passes). Intra-route moves first: they are cheapest. */
export function localSearch(s: State, deadline = Infinity): void {
  const multi = s.routes.length > 1;
  const order = multi ? [orOpt, twoOpt, relocate, exchange, twoOptStar, crossExchange] : [orOpt, twoOpt];
  for (let round = 0; round < 1000 && performance.now() < deadline; round++) {
    let improved = false;
    for (const move of order) {
      while (move(s) > EPS) {
        improved = true;
        if (performance.now() >= deadline) return;
      }
    }
    if (!improved) return;
  }
}
