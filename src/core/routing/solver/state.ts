// A full assignment: one Route per vehicle (possibly empty) plus the set of absent jobs.
import type { Model } from '../model';
import { Route } from './route';

export class State {
  routes: Route[];
  /** routeOf[j] = index of the route serving job j, or -1 when absent. */
  routeOf: Int32Array;

  constructor(
    readonly m: Model,
    routes?: Route[],
    routeOf?: Int32Array,
  ) {
    this.routes = routes ?? Array.from({ length: m.nVehicles }, (_, v) => new Route(m, v));
    this.routeOf = routeOf ?? new Int32Array(m.nJobs).fill(-1);
  }

  clone(): State {
    return new State(this.m, this.routes.map(cloneRoute), this.routeOf.slice());
  }

  /** Lexicographic objective folded into one number: penalties of absent jobs dominate travel. */
  total(): number {
    let t = 0;
    for (const r of this.routes) t += r.cost;
    for (let j = 0; j < this.m.nJobs; j++) if (this.routeOf[j]! < 0) t += this.m.penalty[j]!;
    return t;
  }

  travel(): number {
    let t = 0;
    for (const r of this.routes) t += r.cost;
    return t;
  }

  absent(): number[] {
    const out: number[] = [];
    for (let j = 0; j < this.m.nJobs; j++) if (this.routeOf[j]! < 0) out.push(j);
    return out;
  }

  usedVehicles(): number {
    let n = 0;
    for (const r of this.routes) if (r.size > 0) n++;
    return n;
  }

  setSeq(ri: number, seq: number[]): void {
    const r = this.routes[ri]!;
    for (const j of r.seq) if (this.routeOf[j] === ri) this.routeOf[j] = -1;
    r.seq = seq;
    for (const j of seq) this.routeOf[j] = ri;
    r.update();
  }

  /** Removes jobs (any routes) and re-times each touched route once. */
  remove(jobs: readonly number[]): void {
    const touched = new Set<number>();
    const gone = new Set(jobs);
    for (const j of jobs) {
      const ri = this.routeOf[j]!;
      if (ri >= 0) touched.add(ri);
      this.routeOf[j] = -1;
    }
    for (const ri of touched) {
      const r = this.routes[ri]!;
      r.seq = r.seq.filter((j) => !gone.has(j));
      r.update();
    }
  }

  insert(ri: number, pos: number, j: number): void {
    const r = this.routes[ri]!;
    r.seq.splice(pos, 0, j);
    this.routeOf[j] = ri;
    r.update();
  }
}

function cloneRoute(r: Route): Route {
  const c = Object.create(Route.prototype) as Route;
  Object.assign(c, r);
  c.seq = r.seq.slice();
  c.loc = r.loc.slice();
  c.E = r.E.slice();
  c.L = r.L.slice();
  c.load = r.load.slice();
  c.cum = r.cum.slice();
  return c;
}
