import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import { importNppes } from '../../src/import/nppes/importNppes';
import { backends } from '../helpers/db';
import { deactivatedRow, individual, organization, writeNppes } from './fixtures/nppes';

const dir = mkdtempSync(path.join(tmpdir(), 'rounds-nppes-'));
const file = (name: string) => path.join(dir, name);
// The importer reads the data date from the file name (npidata_pfile_<from>-<to>.csv).
const JUNE = 'npidata_pfile_20050523-20250608.csv';
const JULY = 'npidata_pfile_20050523-20250713.csv';

/** Writes the rows as an NPPES file of that name in the temp folder and returns its path. */
function nppesFile(name: string, rows: Parameters<typeof writeNppes>[1], layout?: 329 | 330) {
  writeNppes(file(name), rows, layout);
  return file(name);
}

// Hand-checked fixture: 9 data rows (lines 2-10).
function baseRows() {
  return [
    individual({
      npi: '1000000004',
      last: 'GARCÍA',
      first: 'MARÍA',
      middle: 'JOSÉ',
      sex: 'F',
      taxonomies: [['207RC0000X', 'Y', 'MD1', 'TN']],
    }),
    individual({
      npi: '1000000012',
      last: 'SMITH',
      first: 'JOHN',
      sex: 'M',
      zip: '37027',
      city: 'BRENTWOOD',
      taxonomies: [
        ['207R00000X', 'N', 'MD2', 'TN'],
        ['207Q00000X', 'Y', 'MD3', 'KY'],
      ],
      otherLast: 'SMYTHE',
    }),
    individual({
      npi: '1000000020',
      last: 'OUTSIDER',
      first: 'OLIVER',
      zip: '40202',
      city: 'LOUISVILLE',
      state: 'KY',
    }),
    organization({
      npi: '1000000038',
      name: 'VANDERBILT UNIVERSITY MEDICAL CENTER',
      taxonomy: '282N00000X',
      otherName: 'VUMC',
    }),
    individual({ npi: '1000000005', last: 'BADCHECK', first: 'BEN' }), // line 6: check digit
    '"1000000046","1"', // line 7: 2 columns
    individual({ npi: '1000000053', last: 'BADDATE', first: 'BETTY', enumerated: '02/30/2010' }), // line 8
    individual({ npi: '1000000061', last: 'UNKNOWNTAX', first: 'URSULA', taxonomies: [['999X00000X', 'Y']] }), // line 9
    deactivatedRow('1000000079', '03/04/2015'), // line 10: not in the directory → nothing to flag
  ];
}

describe.each(backends)('NPPES import on $name', ({ create }) => {
  let database: Database;
  beforeEach(async () => {
    database = await create();
  });
  afterEach(async () => {
    await database.close();
  });
  const provider = (npi: string) =>
    database.db.selectFrom('providers').selectAll().where('npi', '=', npi).executeTakeFirstOrThrow();

  it('imports individuals, organizations, taxonomies; reports bad rows by line; filters the region', async () => {
    // read in a worker thread (the default only for large files), as a full NPPES file is
    const r = await importNppes(database, nppesFile(JUNE, baseRows()), { region: 'states:TN', worker: true });
    expect(r.dataDate).toBe('2025-06-08');
    expect(r.counts).toMatchObject({ read: 9, rejected: 2, inserted: 5, updated: 0, unchanged: 0 });
    expect(r.outside).toBe(1);
    expect(r.errors).toEqual([
      { line: 6, field: 'NPI', reason: '1000000005 fails the NPI check digit' },
      { line: 7, field: 'row', reason: 'has 2 columns, expected 330 as in the header' },
      { line: 8, field: 'Provider Enumeration Date', reason: '"02/30/2010" is not a valid MM/DD/YYYY date' },
      {
        line: 9,
        field: 'Healthcare Provider Taxonomy Code_1',
        reason: '"999X00000X" is not a NUCC taxonomy code',
      },
    ]);
    const { db } = database;
    const maria = await provider('1000000004');
    expect(maria).toMatchObject({
      last_name: 'GARCÍA',
      first_name: 'MARÍA',
      middle_name: 'JOSÉ',
      sex: 'F',
      primary_taxonomy: '207RC0000X',
      primary_service_line: 'cardiology',
      practice_zip5: '37203',
      practice_zip9: '372031234',
      county_fips: '47037',
      geo_precision: 'zip_centroid',
      enumeration_date: '2005-05-23',
      status: 'active',
      search_name: 'garcia maria jose',
      arrived_at: null,
      mailing_line1: 'PO BOX 100',
    });
    expect(maria.lat).toBeCloseTo(36.1504, 3);
    const smithTax = await db
      .selectFrom('provider_taxonomies')
      .selectAll()
      .where('npi', '=', '1000000012')
      .orderBy('slot')
      .execute();
    expect(smithTax.map((t) => [t.slot, t.code, t.is_primary, t.license_state])).toEqual([
      [1, '207R00000X', false, 'TN'],
      [2, '207Q00000X', true, 'KY'],
    ]);
    const smith = await provider('1000000012');
    expect(smith).toMatchObject({
      primary_taxonomy: '207Q00000X',
      primary_service_line: 'primary_care',
      county_fips: '47187',
    });
    const other = await db
      .selectFrom('provider_other_names')
      .selectAll()
      .where('npi', '=', '1000000012')
      .execute();
    expect(other.map((o) => o.last_name)).toEqual(['SMYTHE']);
    const baddate = await db
      .selectFrom('providers')
      .select(['enumeration_date'])
      .where('npi', '=', '1000000053')
      .executeTakeFirstOrThrow();
    expect(baddate.enumeration_date).toBeNull();
    const org = await db
      .selectFrom('organizations')
      .selectAll()
      .where('npi', '=', '1000000038')
      .executeTakeFirstOrThrow();
    expect(org).toMatchObject({
      name: 'VANDERBILT UNIVERSITY MEDICAL CENTER',
      type: 'hospital',
      network_status: 'independent',
      official_title: 'CEO',
      official_phone: '6159360000',
    });
    const orgOther = await db
      .selectFrom('organization_other_names')
      .select('name')
      .where('organization_id', '=', org.id)
      .execute();
    expect(orgOther.map((o) => o.name)).toEqual(['VUMC']);
    expect(
      await db.selectFrom('providers').select('npi').where('npi', '=', '1000000020').executeTakeFirst(),
    ).toBeUndefined();
    const job = await db
      .selectFrom('import_jobs')
      .selectAll()
      .where('id', '=', r.jobId)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({
      status: 'succeeded',
      rows_read: 9,
      rows_inserted: 5,
      rows_rejected: 2,
      data_date: '2025-06-08',
    });
  });

  it('is idempotent, updates in place with recorded changes, flags deactivations, lists new to market', async () => {
    const { db } = database;
    const june = nppesFile(JUNE, baseRows());
    await importNppes(database, june);
    const again = await importNppes(database, june);
    expect(again.counts).toMatchObject({ read: 9, inserted: 0, updated: 0, unchanged: 6, deactivated: 0 });
    expect(await db.selectFrom('provider_changes').select('npi').execute()).toEqual([]);

    const rows = baseRows();
    rows[0] = individual({
      npi: '1000000004',
      last: 'GARCÍA',
      first: 'MARÍA',
      middle: 'JOSÉ',
      zip: '37027',
      city: 'BRENTWOOD',
      taxonomies: [['207RC0000X', 'Y', 'MD1', 'TN']],
    });
    rows[8] = deactivatedRow('1000000012', '07/01/2025');
    rows.push(individual({ npi: '1000000087', last: 'NEWTON', first: 'NINA', enumerated: '07/02/2025' }));
    rows.push(individual({ npi: '1000000095', last: 'MOVER', first: 'MAX', enumerated: '01/01/2010' }));
    const july = nppesFile(JULY, rows);
    const newer = await importNppes(database, july);
    expect(newer.counts).toMatchObject({ read: 11, inserted: 2, updated: 1, deactivated: 1 });
    const maria = await provider('1000000004');
    expect(maria).toMatchObject({ practice_zip5: '37027', county_fips: '47187', data_date: '2025-07-13' });
    const changes = await db
      .selectFrom('provider_changes')
      .selectAll()
      .where('npi', '=', '1000000004')
      .execute();
    expect(changes).toHaveLength(1);
    expect(changes[0]!.changes).toMatchObject({
      practice_zip5: { before: '37203', after: '37027' },
      practice_city: { before: 'NASHVILLE', after: 'BRENTWOOD' },
    });
    expect(Object.keys(changes[0]!.changes).sort()).toEqual([
      'county_fips',
      'county_name',
      'mailing_city',
      'practice_city',
      'practice_zip5',
      'practice_zip9',
    ]);
    const smith = await provider('1000000012');
    expect(smith).toMatchObject({
      status: 'deactivated',
      deactivation_date: '2025-07-01',
      last_name: 'SMITH',
    });
    const arrivals = await db
      .selectFrom('providers')
      .select(['npi', 'arrival_reason'])
      .where('arrived_at', 'is not', null)
      .orderBy('npi')
      .execute();
    expect(arrivals).toEqual([
      { npi: '1000000087', arrival_reason: 'enumerated' },
      { npi: '1000000095', arrival_reason: 'moved_in' },
    ]);
    // the same newer file again: nothing changes
    const third = await importNppes(database, july);
    expect(third.counts).toMatchObject({ inserted: 0, updated: 0, deactivated: 0 });
    expect(await db.selectFrom('provider_changes').select('npi').execute()).toHaveLength(2);
  });

  it('keeps the last row of an NPI listed twice, on a first load and on a re-import', async () => {
    const rows = [
      individual({ npi: '1000000004', last: 'EARLIER', first: 'ANN', taxonomies: [['207RC0000X', 'Y']] }),
      individual({ npi: '1000000012', last: 'SMITH', first: 'JOHN' }),
      individual({ npi: '1000000004', last: 'LATER', first: 'ANN', taxonomies: [['207Q00000X', 'Y']] }),
    ];
    for (const name of [JUNE, JULY]) {
      await importNppes(database, nppesFile(name, rows));
      expect((await provider('1000000004')).last_name).toBe('LATER');
      const codes = await database.db
        .selectFrom('provider_taxonomies')
        .select('code')
        .where('npi', '=', '1000000004')
        .execute();
      expect(codes).toEqual([{ code: '207Q00000X' }]);
    }
  });

  it('reads the older 329-column layout (Provider Gender Code)', async () => {
    const old = individual({
      npi: '1000000004',
      last: 'OLDLAYOUT',
      first: 'OLGA',
      sex: 'F',
      sexColumn: 'Provider Gender Code',
    });
    const r = await importNppes(database, nppesFile('old.csv', [old], 329));
    expect(r.layout).toBe(329);
    expect(r.counts).toMatchObject({ read: 1, inserted: 1, rejected: 0 });
    const p = await database.db
      .selectFrom('providers')
      .select(['sex', 'certification_date'])
      .executeTakeFirstOrThrow();
    expect(p).toEqual({ sex: 'F', certification_date: null });
  });

  it('refuses a file of the wrong kind with one sentence and records the failed job', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file('wrong.csv'), 'Code,Grouping,Classification\n1,2,3\n');
    await expect(importNppes(database, file('wrong.csv'))).rejects.toThrow(
      'wrong.csv is not an NPPES NPI data file (npidata_pfile): its header lacks "NPI".',
    );
    writeFileSync(file('empty.csv'), '');
    await expect(importNppes(database, file('empty.csv'))).rejects.toThrow('empty.csv is empty.');
    writeFileSync(file('binary.csv'), Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 1, 2]));
    await expect(importNppes(database, file('binary.csv'))).rejects.toThrow(
      'binary.csv is not a text CSV file (it contains binary data).',
    );
    const jobs = await database.db.selectFrom('import_jobs').select(['status']).execute();
    expect(jobs.map((j) => j.status)).toEqual(['failed', 'failed']);
    expect(await database.db.selectFrom('providers').select('npi').execute()).toEqual([]);
  });
});
