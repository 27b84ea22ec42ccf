import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import { importLocations } from '../../src/import/directory/importLocations';
import { importNppesLocations } from '../../src/import/nppes/importCompanions';
import { importNppesDeactivations } from '../../src/import/nppes/importDeactivations';
import { importNppes } from '../../src/import/nppes/importNppes';
import { backends } from '../helpers/db';
import { individual, organization, writeNppes } from './fixtures/nppes';

const dir = mkdtempSync(path.join(tmpdir(), 'rounds-companions-'));
const f = (n: string) => path.join(dir, n);
const PL_HEADER =
  '"NPI","Provider Secondary Practice Location Address- Address Line 1","Provider Secondary Practice Location Address-  Address Line 2","Provider Secondary Practice Location Address - City Name","Provider Secondary Practice Location Address - State Name","Provider Secondary Practice Location Address - Postal Code","Provider Secondary Practice Location Address - Country Code (If outside U.S.)","Provider Secondary Practice Location Address - Telephone Number","Provider Secondary Practice Location Address - Telephone Extension","Provider Practice Location Address - Fax Number"';

describe.each(backends)('NPPES companion files and offices on $name', ({ create }) => {
  let database: Database;
  beforeEach(async () => {
    database = await create();
    writeNppes(f('npidata_pfile_20050523-20250608.csv'), [
      individual({ npi: '1000000004', last: 'GARCÍA', first: 'MARÍA' }),
      individual({ npi: '1000000012', last: 'SMITH', first: 'JOHN' }),
      organization({ npi: '1000000038', name: 'VUMC', taxonomy: '282N00000X' }),
    ]);
    await importNppes(database, f('npidata_pfile_20050523-20250608.csv'));
  });
  afterEach(async () => database.close());

  it('secondary practice locations: kept for directory NPIs, idempotent', async () => {
    writeFileSync(
      f('pl_pfile_20050523-20250608.csv'),
      Buffer.from(
        `${PL_HEADER}\n"1000000004","100 MAIN ST","STE 2","BRENTWOOD","TN","370271234","US","6155550100","12",""\n"1000000020","1 ELSEWHERE","","LOUISVILLE","KY","40202","US","","",""\n"123","x","","","","","","","",""\n`,
        'latin1',
      ),
    );
    const r = await importNppesLocations(database, f('pl_pfile_20050523-20250608.csv'));
    expect(r.counts).toMatchObject({ read: 3, inserted: 1, rejected: 1 });
    expect(r.errors).toEqual([{ line: 4, field: 'NPI', reason: '"123" is not 10 digits' }]);
    const loc = await database.db.selectFrom('provider_locations').selectAll().executeTakeFirstOrThrow();
    expect(loc).toMatchObject({
      npi: '1000000004',
      city: 'BRENTWOOD',
      zip5: '37027',
      county_fips: '47187',
      geo_precision: 'zip_centroid',
      phone_ext: '12',
      data_date: '2025-06-08',
    });
    const again = await importNppesLocations(database, f('pl_pfile_20050523-20250608.csv'));
    expect(again.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
  });

  it('deactivation report (.csv with title rows): flags, never deletes', async () => {
    writeFileSync(
      f('NPPES_Deactivated_NPI_Report_20250609.csv'),
      'NPPES Deactivated NPI Report 06/09/2025\nNPI,NPPES Deactivation Date\n1000000012,06/01/2025\n1000000087,06/02/2025\n1000000013,06/02/2025\n',
    );
    const r = await importNppesDeactivations(database, f('NPPES_Deactivated_NPI_Report_20250609.csv'));
    expect(r.counts).toMatchObject({ read: 3, deactivated: 1, rejected: 1 });
    const p = await database.db
      .selectFrom('providers')
      .select(['status', 'deactivation_date'])
      .where('npi', '=', '1000000012')
      .executeTakeFirstOrThrow();
    expect(p).toEqual({ status: 'deactivated', deactivation_date: '2025-06-01' });
    expect(
      (await importNppesDeactivations(database, f('NPPES_Deactivated_NPI_Report_20250609.csv'))).counts
        .deactivated,
    ).toBe(0);
  });

  it('offices: hours validated with the shared grammar; demo points are synthetic', async () => {
    writeFileSync(
      f('locations.csv'),
      'location_id,organization_npi,name,address_line1,city,state,zip,county_fips,lat,lon,phone,hours,visit_rules\nL1,1000000038,VUMC Main,1211 Medical Center Dr,Nashville,TN,37232,47037,36.142,-86.800,6159360000,Mon-Fri 08:00-17:00,drop-ins Tue 14:00-16:00\nL2,1000000038,VUMC Bad,,Nashville,TN,37232,47037,,,,Mon-Fri 17:00-08:00,\n',
    );
    const r = await importLocations(database, f('locations.csv'), { source: 'demo' });
    expect(r.counts).toMatchObject({ read: 2, inserted: 1, rejected: 1 });
    expect(r.errors[0]).toMatchObject({ line: 3, field: 'hours' });
    const l = await database.db.selectFrom('locations').selectAll().executeTakeFirstOrThrow();
    expect(l).toMatchObject({
      external_id: 'L1',
      geo_precision: 'synthetic_point',
      hours: 'Mon-Fri 08:00-17:00',
      source: 'demo',
    });
  });
});
