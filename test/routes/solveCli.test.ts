// `rounds solve` prints exactly { cost, feasible, routes, unassigned, ms } and fails with one clear line.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'solve', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('rounds solve', () => {
  it('solves a TSPTW instance to its proven optimum and prints the benchmark JSON', () => {
    const r = run(
      'data/routing/tsptw/n20w20.001.txt',
      '--format',
      'tsptw',
      '--time-limit',
      '1',
      '--seed',
      '1',
      '--json',
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['cost', 'feasible', 'routes', 'unassigned', 'ms']);
    expect(out.feasible).toBe(true);
    expect(out.cost).toBe(378); // proven optimum (data/routing/tsptw/optima.txt)
    expect(out.routes).toHaveLength(1);
    expect([...out.routes[0]].sort((a: number, b: number) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(out.unassigned).toEqual([]);
  });

  it('names the bad flag or file', () => {
    const badFormat = run('data/routing/tsptw/n20w20.001.txt', '--format', 'xml', '--json');
    expect(badFormat.status).toBe(1);
    expect(badFormat.stderr).toMatch(/--format must be one of tsplib, solomon, tsptw/);
    expect(badFormat.stdout).toBe('');
    const missing = run('nope.tsp', '--format', 'tsplib');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nope\.tsp: cannot read \(ENOENT\)/);
    const garbage = path.join(tmpdir(), `rounds-bad-${process.pid}.tsp`);
    writeFileSync(
      garbage,
      'NAME: x\nTYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 a b\nEOF\n',
    );
    const bad = run(garbage, '--format', 'tsplib');
    rmSync(garbage, { force: true });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(garbage);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
