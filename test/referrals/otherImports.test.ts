// FHIR ServiceRequest referrals, CMS shared-patient patterns and CMS per-provider volumes, on both backends.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import { getReferralBase } from '../../src/db/queries/referrals/base';
import { importFhirReferrals } from '../../src/import/referrals/fhir';
import { importProviderVolumes } from '../../src/import/referrals/providerVolumes';
import { importSharedPatients } from '../../src/import/referrals/sharedPatients';
import { backends } from '../helpers/db';
import { N, seedMarket, writeTemp } from './fixture';

const NPI = 'http://hl7.org/fhir/sid/us-npi';
const sr = (id: string, extra: object) => ({
  resourceType: 'ServiceRequest',
  id,
  status: 'completed',
  intent: 'order',
  subject: { reference: 'Patient/p1', display: 'Amy Shaw' },
  authoredOn: '2025-02-03T10:00:00-05:00',
  ...extra,
});

describe.each(backends)('other referral sources on $name', ({ create }) => {
  let database: Database;
  beforeEach(async () => {
    database = await create();
    await seedMarket(database.db);
  });
  afterEach(async () => database.close());

  it('imports a FHIR Bundle: references resolved in the bundle, contained, or by identifier; idempotent', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          fullUrl: 'urn:uuid:r1',
          resource: { resourceType: 'Practitioner', id: 'r1', identifier: [{ system: NPI, value: N.R1 }] },
        },
        { resource: { resourceType: 'Practitioner', id: 'c1', identifier: [{ system: NPI, value: N.C1 }] } },
        {
          resource: sr('a', {
            requester: { reference: 'urn:uuid:r1' },
            performer: [{ reference: 'Practitioner/c1' }],
            performerType: { coding: [{ system: 'http://nucc.org/provider-taxonomy', code: '207RC0000X' }] },
          }),
        },
        {
          resource: sr('b', {
            status: 'revoked',
            requester: { identifier: { system: NPI, value: N.R1 } },
            performer: [{ reference: 'Organization/x', identifier: { system: NPI, value: N.RIV } }],
            performerType: { coding: [{ system: 'http://nucc.org/provider-taxonomy', code: '207X00000X' }] },
          }),
        },
        {
          resource: sr('c', {
            contained: [
              { resourceType: 'Practitioner', id: 'x', identifier: [{ system: NPI, value: N.R2 }] },
            ],
            requester: { reference: '#x' },
            performer: [{ reference: 'Practitioner/c1' }],
          }),
        },
        { resource: sr('d', { requester: { reference: 'Practitioner/r1' } }) },
        {
          resource: sr('e', {
            status: 'entered-in-error',
            requester: { reference: 'Practitioner/r1' },
            performer: [{ reference: 'Practitioner/c1' }],
          }),
        },
      ],
    };
    const path = writeTemp('bundle.json', JSON.stringify(bundle));
    const r = await importFhirReferrals(database, path);
    expect([r.rowsRead, r.inserted, r.rejected]).toEqual([5, 3, 2]);
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([
      [6, 'performer'],
      [7, 'status'],
    ]);
    const facts = await database.db
      .selectFrom('referral_facts')
      .select(['external_id', 'referring_npi', 'service_line', 'status', 'source'])
      .orderBy('external_id')
      .execute();
    expect(facts).toEqual([
      {
        external_id: 'a',
        referring_npi: N.R1,
        service_line: 'cardiology',
        status: 'completed',
        source: 'fhir',
      },
      { external_id: 'b', referring_npi: N.R1, service_line: 'orthopedics', status: 'lost', source: 'fhir' },
      {
        external_id: 'c',
        referring_npi: N.R2,
        service_line: 'cardiology',
        status: 'completed',
        source: 'fhir',
      }, // falls back to the receiver's line
    ]);
    expect(JSON.stringify(facts)).not.toMatch(/Amy|Patient/);
    const again = await importFhirReferrals(database, path);
    expect([again.inserted, again.unchanged]).toEqual([0, 3]);
    const base = await getReferralBase(database.db, N.R1, { from: '2025-02', to: '2025-02' });
    expect(base.byNetwork).toMatchObject({ ours: 1, competitor: 1 });
  });

  it('imports NDJSON line by line, reporting bad JSON by line', async () => {
    const lines = [
      JSON.stringify({ resourceType: 'Practitioner', id: 'r1', identifier: [{ system: NPI, value: N.R1 }] }),
      '{ not json',
      JSON.stringify(
        sr('n1', {
          requester: { reference: 'Practitioner/r1' },
          performer: [{ identifier: { system: NPI, value: N.C1 } }],
        }),
      ),
    ];
    const r = await importFhirReferrals(database, writeTemp('refs.ndjson', lines.join('\n')));
    expect([r.inserted, r.errors]).toEqual([1, [{ line: 2, field: 'json', reason: 'not valid JSON' }]]);
  });

  it('shared patients: keeps pairs touching the directory, trims padding, replaces on re-import', async () => {
    const text = [
      `${N.R1},${N.C1},  30,  12,   2`,
      `${N.R1},1999999999,20,15,0`, // the other NPI is outside the market: kept because R1 is in it
      '1999999999,1888888888,50,40,1', // neither in the market: skipped
      `${N.R1},${N.O1},x,11,0`,
      'only,three,fields',
    ].join('\n');
    const path = writeTemp('sp.txt', text);
    const r = await importSharedPatients(database, path, { window: 30, year: 2015 });
    expect([r.linesRead, r.kept, r.rejected]).toEqual([5, 2, 2]);
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([
      [4, 'counts'],
      [5, 'line'],
    ]);
    await importSharedPatients(database, path, { window: 30, year: 2015 });
    const links = await database.db
      .selectFrom('shared_patient_links')
      .selectAll()
      .orderBy('npi_to')
      .execute();
    expect(links.map((l) => [l.npi_to, l.pair_count, l.bene_count, l.same_day_count])).toEqual([
      [N.C1, 30, 12, 2],
      ['1999999999', 20, 15, 0],
    ]);
    const base = await getReferralBase(database.db, N.R1, { from: '2025-01', to: '2025-03' });
    expect(base.collaboration).toMatchObject({
      partners: 2,
      beneficiariesByNetwork: { ours: 12, unknown: 15 },
    });
    expect(base.collaboration?.label).toMatch(/not proof of referral/);
    await expect(importSharedPatients(database, path, { window: 45, year: 2015 })).rejects.toThrow(/window/);
  });

  it('CMS by-provider volumes by header name', async () => {
    const csv = `Rndrng_NPI,Rndrng_Prvdr_Last_Org_Name,Rndrng_Prvdr_Type,Tot_HCPCS_Cds,Tot_Benes,Tot_Srvcs,Tot_Mdcr_Pymt_Amt\n${N.C1},Heart,Cardiology,40,812,"2,310.5",191234.12\n12345,Bad,Cardiology,1,1,1,1\n${N.O1},Bones,Orthopedic Surgery,30,abc,10,5\n`;
    const r = await importProviderVolumes(database, writeTemp('mup.csv', csv), { year: 2023 });
    expect([r.rowsRead, r.upserted, r.rejected]).toEqual([3, 1, 2]);
    const v = await database.db.selectFrom('provider_volumes').selectAll().executeTakeFirstOrThrow();
    expect([v.npi, v.provider_type, v.tot_benes, v.tot_srvcs, v.tot_mdcr_pymt_amt]).toEqual([
      N.C1,
      'Cardiology',
      812,
      2310.5,
      191234.12,
    ]);
  });
});
