// The upload API: preview for the column-mapping step, then an import with a mapping and dropped
// patient columns; a patient column not dropped is refused with a 400 naming it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { createPgliteDatabase } from '../helpers/db';
import { N, seedMarket } from './fixture';

let database: Database;
let app: App;
let manager: Client;
let liaison: Client;
beforeAll(async () => {
  database = await createPgliteDatabase();
  await seedMarket(database.db);
  app = await createTestApp(database);
  manager = await clientFor(app, database, 'manager');
  liaison = await clientFor(app, database, 'liaison');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const form = (text: string, fields: Record<string, string> = {}) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  f.append('file', new Blob([text]), 'export.csv');
  return f;
};
const EXPORT = `Ordering NPI,Patient MRN,Referred To NPI,Specialty,Order Date\n${N.R1},A123,${N.C1},cardiology,2025-01-10\n${N.R1},B456,${N.O1},207X00000X,2025-01-11\n`;

describe('referral upload API', () => {
  it('previews the file with a suggested mapping and the patient-looking columns', async () => {
    const res = await manager.request('POST', '/api/referrals/import/preview', form(EXPORT));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      header: ['Ordering NPI', 'Patient MRN', 'Referred To NPI', 'Specialty', 'Order Date'],
      patientColumns: ['Patient MRN'],
      suggestedMapping: {
        referring_npi: 'Ordering NPI',
        receiving_npi: 'Referred To NPI',
        service_line: 'Specialty',
        referral_date: 'Order Date',
      },
    });
    expect(res.json().rows).toHaveLength(2);
  });

  it('refuses undropped patient columns, imports with the mapping once they are dropped', async () => {
    const mapping = JSON.stringify({
      referring_npi: 'Ordering NPI',
      receiving_npi: 'Referred To NPI',
      service_line: 'Specialty',
      referral_date: 'Order Date',
    });
    const refused = await manager.request('POST', '/api/referrals/import', form(EXPORT, { mapping }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toMatch(/Patient MRN/);
    const ok = await manager.request(
      'POST',
      '/api/referrals/import',
      form(EXPORT, { mapping, dropColumns: 'Patient MRN' }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ inserted: 2, rejected: 0, dataDate: '2025-01-11' });
    const bad = await manager.request(
      'POST',
      '/api/referrals/import',
      form(EXPORT, { mapping: '{"nope":1}', dropColumns: 'Patient MRN' }),
    );
    expect(bad.statusCode).toBe(400);
    expect((await liaison.request('POST', '/api/referrals/import', form(EXPORT))).statusCode).toBe(403);
  });
});
