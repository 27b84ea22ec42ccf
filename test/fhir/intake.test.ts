// Referral intake over FHIR with the US Core examples: POST /fhir/ServiceRequest and transaction
// Bundles go through the referral importer; no patient data is stored; analysts cannot write.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/commands/apiTokens';
import type { Database } from '../../src/db/connection';
import { saveReferralSettings } from '../../src/db/queries/referrals/settings';
import type { App } from '../../src/server/context';
import { createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { fhirSchemaErrors } from './validate';

const fixture = (n: string) => JSON.parse(readFileSync(`test/fhir/fixtures/${n}`, 'utf8'));

describe.each(backends)('FHIR referral intake on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let token: string;
  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    token = (await createApiToken(database.db, { id: null, label: 't' }, { name: 'ehr', role: 'liaison' }))
      .token;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  const post = (url: string, body: unknown) =>
    app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' },
      payload: JSON.stringify(body),
    });

  const txn = (...resources: Record<string, unknown>[]) => ({
    resourceType: 'Bundle',
    type: 'transaction',
    entry: resources.map((r) => ({
      fullUrl: `http://example.org/fhir/${r.resourceType}/${r.id}`,
      resource: r,
      request: { method: 'POST', url: String(r.resourceType) },
    })),
  });
  const statuses = (body: { entry: { response: { status: string } }[] }) =>
    body.entry.map((e) => e.response.status);

  it('imports the US Core ServiceRequest examples once they name a receiving organization; patient data is dropped', async () => {
    // The receiving organization (the example Holy Healthcare, NPI 1234567893) is in our directory.
    await sql`insert into organizations (npi, name, type) values ('1234567893', 'Holy Healthcare', 'hospital')`.execute(
      database.db,
    );
    const holy = fixture('organization-holy-healthcare.json');
    // The examples name neither a receiver nor its specialty; Rounds counts referrals between
    // providers, so the sender adds both (NUCC: substance-use rehab clinic, social worker).
    for (const [name, nucc] of [
      ['servicerequest-rehab.json', '261QR0405X'],
      ['servicerequest-foodpantry-referral.json', '1041C0700X'],
    ]) {
      const example = fixture(name!);
      const sr = {
        ...example,
        id: `${example.id}-routed`, // a different request from the as-shipped one imported below
        performer: [{ reference: `Organization/${holy.id}` }],
        performerType: { coding: [{ system: 'http://nucc.org/provider-taxonomy', code: nucc }] },
      };
      const res = await post('/fhir', txn(holy, fixture('practitioner-1.json'), sr));
      expect(res.statusCode, res.body).toBe(200);
      expect(fhirSchemaErrors(res.json())).toEqual([]);
      expect(res.json().type).toBe('transaction-response');
      expect(statuses(res.json()), res.body).toEqual(['200 OK', '200 OK', '201 Created']);
    }
    const jobs = await database.db
      .selectFrom('import_jobs')
      .select(['rows_inserted', 'rows_rejected'])
      .orderBy('id')
      .execute();
    expect(jobs).toEqual([
      { rows_inserted: 1, rows_rejected: 0 },
      { rows_inserted: 1, rows_rejected: 0 },
    ]);
    // No patient data anywhere: the examples name "Amy Shaw" and Patient/example.
    for (const t of ['import_jobs', 'audit_log']) {
      const dump = JSON.stringify((await sql`select * from ${sql.table(t)}`.execute(database.db)).rows);
      expect(dump).not.toMatch(/Amy|Shaw|Patient\/example/);
    }
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('action', '=', 'import')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]!.actor_label).toBe('token:ehr');
  });

  it('says exactly why an example without a performer is not a referral Rounds can count', async () => {
    const res = await post(
      '/fhir',
      txn(fixture('practitioner-1.json'), fixture('servicerequest-rehab.json')),
    );
    expect(statuses(res.json())).toEqual(['200 OK', '422 Unprocessable Entity']);
    expect(res.json().entry[1].response.outcome.issue[0].diagnostics).toMatch(/no performer with an NPI/);
  });

  it('imports the examples exactly as shipped once an intake receiver is configured (no performer = sent to us)', async () => {
    await saveReferralSettings(database.db, { intake: { receiver: '1234567893' } });
    for (const name of ['servicerequest-rehab.json', 'servicerequest-foodpantry-referral.json']) {
      const res = await post('/fhir', txn(fixture('practitioner-1.json'), fixture(name)));
      expect(statuses(res.json()), res.body).toEqual(['200 OK', '201 Created']);
    }
    const rows = await database.db
      .selectFrom('referral_facts')
      .select(['external_id', 'referring_npi', 'receiving_facility', 'service_line', 'status', 'count'])
      .where('external_id', 'in', ['rehab', 'foodpantry-referral'])
      .orderBy('external_id')
      .execute();
    // "Alcohol rehabilitation" reads as behavioural health; a food pantry names no clinical line, so
    // it takes the intake default ("other").
    expect(rows).toEqual([
      {
        external_id: 'foodpantry-referral',
        referring_npi: '9941339100',
        receiving_facility: '1234567893',
        service_line: 'other',
        status: 'pending',
        count: 1,
      },
      {
        external_id: 'rehab',
        referring_npi: '9941339100',
        receiving_facility: '1234567893',
        service_line: 'behavioral_health',
        status: 'pending',
        count: 1,
      },
    ]);
  });

  it('POST /fhir/ServiceRequest answers with an OperationOutcome; junk gets 400/422 OperationOutcome', async () => {
    const res = await post('/fhir/ServiceRequest', fixture('servicerequest-rehab.json'));
    expect([201, 422]).toContain(res.statusCode);
    expect(res.json().resourceType).toBe('OperationOutcome');
    expect(fhirSchemaErrors(res.json())).toEqual([]);
    expect((await post('/fhir', { resourceType: 'Bundle', type: 'searchset' })).statusCode).toBe(400);
    expect((await post('/fhir', { resourceType: 'Bundle', type: 'transaction', entry: [] })).statusCode).toBe(
      400,
    );
    const malformed = await app.inject({
      method: 'POST',
      url: '/fhir/ServiceRequest',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' },
      payload: '{"a":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().resourceType).toBe('OperationOutcome');
  });
});
