// Routing benchmark: solves every instance under data/routing/<family>/ and compares with the best known.
//   tsx bench/routing/run.ts [--time-limit 2] [--family tsplib|solomon|tsptw] [--seed 1] [--objective distance|vehicles]
//                            [--only name] [--json]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchmarkFormat, solveInstance } from '../../src/core/routing/solveBenchmark';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/routing');

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** name → best known cost (and whether it is proven optimal). */
function bestKnown(
  family: string,
  objective: string,
): Map<string, { cost: number; proven: boolean; vehicles?: number }> {
  const out = new Map<string, { cost: number; proven: boolean; vehicles?: number }>();
  const file = family === 'solomon' ? 'bks.txt' : 'optima.txt';
  for (const line of readFileSync(path.join(root, family, file), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const t = line.split(/[\s|]+/).filter(Boolean);
    if (family === 'tsplib') out.set(t[0]!, { cost: Number(t[3]), proven: true });
    else if (family === 'tsptw') out.set(t[0]!, { cost: Number(t[3]), proven: t[4] === 'yes' });
    // Solomon: name vehicles capacity | hier_vehicles hier_dist | dist_vehicles dist_dist
    else {
      const [v, d] = objective === 'vehicles' ? [t[3], t[4]] : [t[5], t[6]];
      out.set(t[0]!, { cost: Number(d), vehicles: Number(v), proven: false });
    }
  }
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
};

const timeLimitMs = Number(arg('time-limit', '2')) * 1000;
const seed = Number(arg('seed', '1'));
const objective = (arg('objective', 'distance') as 'distance' | 'vehicles') ?? 'distance';
const families = (arg('family') ?? 'tsplib,solomon,tsptw').split(',');
const only = arg('only');
const formatOf: Record<string, BenchmarkFormat> = { tsplib: 'tsplib', solomon: 'solomon', tsptw: 'tsptw' };

const summary: string[] = [];
let allFeasible = true;
for (const family of families) {
  const bks = bestKnown(family, objective);
  const files = readdirSync(path.join(root, family))
    .filter((f) => !/^(optima|bks|README)/i.test(f))
    .filter((f) => !only || f.startsWith(only))
    .sort();
  const gaps: number[] = [];
  const times: number[] = [];
  let optimal = 0;
  let fleetAtBest = 0;
  console.log(`\n## ${family} (time limit ${timeLimitMs / 1000} s, seed ${seed})`);
  console.log('instance        cost        best     gap%   time(s)  veh (best)  feasible');
  for (const f of files) {
    const name = f.replace(/\.(tsp|txt)$/, '');
    const text = readFileSync(path.join(root, family, f), 'utf8');
    const r = solveInstance(text, formatOf[family]!, { timeLimitMs, seed, objective });
    const bk = bks.get(name);
    const gap = bk ? ((r.cost - bk.cost) / bk.cost) * 100 : Number.NaN;
    if (!r.feasible) allFeasible = false;
    if (r.feasible) gaps.push(gap);
    else gaps.push(Number.POSITIVE_INFINITY);
    times.push(r.ms / 1000);
    if (r.feasible && bk && r.cost <= bk.cost + 1e-6) optimal++;
    if (r.feasible && bk?.vehicles !== undefined && r.vehicles <= bk.vehicles) fleetAtBest++;
    console.log(
      `${name.padEnd(14)} ${r.cost.toFixed(2).padStart(10)} ${String(bk?.cost ?? '?').padStart(10)} ${gap.toFixed(2).padStart(7)} ${(r.ms / 1000).toFixed(2).padStart(8)} ${String(r.vehicles).padStart(4)} ${`(${bk?.vehicles ?? '-'})`.padStart(6)}  ${r.feasible ? 'yes' : `NO ${r.violations.slice(0, 3).join('; ')}`}`,
    );
  }
  const finite = gaps.filter(Number.isFinite);
  const mean = finite.reduce((a, b) => a + b, 0) / Math.max(1, finite.length);
  const line = `${family.padEnd(8)} n=${files.length} mean ${mean.toFixed(2)}% median ${median(gaps).toFixed(2)}% worst ${Math.max(...gaps).toFixed(2)}% at-best ${optimal}/${files.length} median time ${median(times).toFixed(2)} s infeasible ${gaps.length - finite.length}${family === 'solomon' ? ` vehicles<=best ${fleetAtBest}/${files.length}` : ''}`;
  console.log(line);
  summary.push(line);
}
console.log(`\n${summary.join('\n')}`);
if (!allFeasible) process.exitCode = 1;
