// A region import skips a row from a handful of columns (earlyOutside) before decoding the rest.
// It may only skip what the full row check would also have dropped as 'outside' without a word:
// compared here, row by row, with stageNppesRow's outcome and the errors it reports.
import { describe, expect, it } from 'vitest';
import { parseRegion } from '../../src/core/geo/region';
import { zipCentroid } from '../../src/core/geo/zipCentroid';
import { RowErrors } from '../../src/import/jobs';
import { parseNppesHeader } from '../../src/import/nppes/header';
import { NPPES_LAYOUT_330 } from '../../src/import/nppes/layout';
import { earlyOutside, type RowContext, type StagedRow, stageNppesRow } from '../../src/import/nppes/row';
import { deactivatedRow, individual, type NppesFixtureRow, organization } from './fixtures/nppes';

const header = parseNppesHeader([...NPPES_LAYOUT_330], 'npidata.csv');
const fields = (row: NppesFixtureRow) => NPPES_LAYOUT_330.map((c) => row[c] ?? '');
const KY = { zip: '402020000', city: 'LOUISVILLE', state: 'KY' };

const cases: [what: string, row: NppesFixtureRow, early: boolean, full: string, errors: number][] = [
  ['in Tennessee', individual({ npi: '1000000004', last: 'A', first: 'B' }), false, 'staged', 0],
  ['in Kentucky', individual({ npi: '1000000012', last: 'A', first: 'B', ...KY }), true, 'outside', 0],
  [
    'an organization in Kentucky',
    organization({ npi: '1000000038', name: 'KY CLINIC', taxonomy: '261QP2300X', ...KY }),
    true,
    'outside',
    0,
  ],
  [
    'in Kentucky, bad check digit',
    individual({ npi: '1000000005', last: 'A', first: 'B', ...KY }),
    false,
    'rejected',
    1,
  ],
  [
    'in Kentucky, bad deactivation date',
    {
      ...individual({ npi: '1000000020', last: 'A', first: 'B', ...KY }),
      'NPI Deactivation Date': '13/01/2020',
    },
    false,
    'outside',
    1,
  ],
  [
    'in Kentucky, ZIP only (state column empty)',
    individual({ npi: '1000000046', last: 'A', first: 'B', zip: '402020000', state: '' }),
    true,
    'outside',
    0,
  ],
  ['a deactivation (no entity type)', deactivatedRow('1000000053', '03/04/2015'), false, 'staged', 0],
  [
    'in Kentucky, but already in the directory',
    individual({ npi: '1000000061', last: 'A', first: 'B', ...KY }),
    false,
    'staged',
    0,
  ],
];

describe('earlyOutside agrees with the full row check (region states:TN)', () => {
  it.each(cases)('%s', (_what, row, early, full, errorCount) => {
    const errors = new RowErrors();
    const ctx: RowContext = {
      header,
      region: parseRegion('states:TN', zipCentroid),
      knownTaxonomies: new Set(['207RC0000X', '261QP2300X']),
      knownNpis: new Set(['1000000061']),
      errors,
    };
    const f = fields(row);
    expect(earlyOutside(f.length, f, ctx)).toBe(early);
    const out: StagedRow[] = [];
    // a kept row outside the region is staged with in_market false
    const outcome = stageNppesRow(2, f.length, f, ctx, out);
    expect(outcome === 'outside' && out.length ? 'staged' : outcome).toBe(full);
    expect(errors.total).toBe(errorCount);
  });
});
