// FHIR R4 directory API: read, search parameters, paging links, _include, OperationOutcome errors,
// CapabilityStatement, content type, token access (analyst reads, cannot write), R4 schema validity.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/commands/apiTokens';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { seedDirectory } from './seed';
import { fhirSchemaErrors } from './validate';

type Bundle = {
  resourceType: string;
  total: number;
  link: { relation: string; url: string }[];
  entry?: { fullUrl: string; resource: Record<string, any>; search: { mode: string } }[];
};

describe.each(backends)('FHIR API on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let ids: Awaited<ReturnType<typeof seedDirectory>>;
  let analyst: string;
  let liaison: string;
  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    ids = await seedDirectory(database);
    analyst = (
      await createApiToken(database.db, { id: null, label: 't' }, { name: 'reader', role: 'analyst' })
    ).token;
    liaison = (await createApiToken(database.db, { id: null, label: 't' }, { name: 'ehr', role: 'liaison' }))
      .token;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  const get = async (url: string, token = analyst) =>
    app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const search = async (url: string): Promise<Bundle> => {
    const res = await get(url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const b = res.json() as Bundle;
    expect(fhirSchemaErrors(b), url).toEqual([]);
    return b;
  };
  const idsOf = (b: Bundle) =>
    (b.entry ?? []).filter((e) => e.search.mode === 'match').map((e) => e.resource.id);

  it('reads a Practitioner with NPI, name, NUCC qualification, address with geolocation, telecom', async () => {
    const res = await get('/fhir/Practitioner/1234567893');
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(fhirSchemaErrors(p)).toEqual([]);
    expect(p).toMatchObject({
      resourceType: 'Practitioner',
      id: '1234567893',
      active: true,
      gender: 'female',
      identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' }],
      name: [{ family: 'Okafor', given: ['Adaeze', 'N'], suffix: ['MD'] }],
      telecom: [{ system: 'phone', value: '217-555-0101' }],
      meta: { lastUpdated: '2026-10-01T00:00:00.000Z' },
    });
    expect(p.address[0]).toMatchObject({
      line: ['100 Main St'],
      city: 'Springfield',
      state: 'IL',
      postalCode: '62701-1234',
    });
    expect(p.address[0].extension[0].extension).toEqual([
      { url: 'latitude', valueDecimal: 39.8 },
      { url: 'longitude', valueDecimal: -89.65 },
    ]);
    expect(p.qualification[0].code.coding[0]).toMatchObject({
      system: 'http://nucc.org/provider-taxonomy',
      code: '207RC0000X',
    });
    const missing = await get('/fhir/Practitioner/9999999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'not-found' }],
    });
  });

  it('searches Practitioner by identifier, name, family, given, _id and _lastUpdated', async () => {
    expect(
      idsOf(await search('/fhir/Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|1245319599')),
    ).toEqual(['1245319599']);
    expect(idsOf(await search('/fhir/Practitioner?identifier=urn:other|1245319599'))).toEqual([]);
    expect(idsOf(await search('/fhir/Practitioner?family=smith'))).toEqual(['1245319599', '1306849450']); // starts-with
    expect(idsOf(await search('/fhir/Practitioner?family:exact=Smith'))).toEqual(['1245319599']);
    expect(idsOf(await search('/fhir/Practitioner?name=ada,waylon'))).toEqual(['1234567893', '1306849450']);
    expect(idsOf(await search('/fhir/Practitioner?given=john&family=smi'))).toEqual(['1245319599']);
    expect(idsOf(await search('/fhir/Practitioner?_id=1306849450'))).toEqual(['1306849450']);
    expect(
      idsOf(await search('/fhir/Practitioner?_lastUpdated=ge2026-10-01&_lastUpdated=lt2026-11')),
    ).toEqual(['1234567893']);
    expect(idsOf(await search('/fhir/Practitioner?_lastUpdated=2026-11'))).toEqual(['1245319599']);
  });

  it('pages with _count and first/next/previous/last links that work', async () => {
    const first = await search('/fhir/Practitioner?_count=2');
    expect(first.total).toBe(3);
    expect(idsOf(first)).toEqual(['1234567893', '1245319599']);
    const next = first.link.find((l) => l.relation === 'next')!.url;
    expect(first.link.find((l) => l.relation === 'previous')).toBeUndefined();
    const second = await search(new URL(next).pathname + new URL(next).search);
    expect(idsOf(second)).toEqual(['1306849450']);
    expect(second.link.find((l) => l.relation === 'next')).toBeUndefined();
    expect(second.link.find((l) => l.relation === 'previous')!.url).toMatch(/_count=2$/);
    const countOnly = await search('/fhir/Practitioner?_count=0');
    expect(countOnly.total).toBe(3);
    expect(countOnly.entry).toBeUndefined();
  });

  it('searches Organization by identifier, name, address, type and partof', async () => {
    expect(idsOf(await search('/fhir/Organization?identifier=1679576722'))).toEqual([String(ids.sys)]);
    expect(idsOf(await search('/fhir/Organization?name=peoria'))).toEqual([String(ids.clinic)]);
    expect(idsOf(await search('/fhir/Organization?address=springfield'))).toEqual([String(ids.sys)]);
    expect(idsOf(await search('/fhir/Organization?type=clinic'))).toEqual([String(ids.clinic)]);
    expect(
      idsOf(
        await search('/fhir/Organization?type=http://terminology.hl7.org/CodeSystem/organization-type|prov'),
      ),
    ).toHaveLength(2);
    const part = await search(`/fhir/Organization?partof=Organization/${ids.sys}`);
    expect(idsOf(part)).toEqual([String(ids.clinic)]);
    expect(part.entry![0]!.resource.partOf).toEqual({ reference: `Organization/${ids.sys}` });
  });

  it('searches Location by identifier, address parts and organization; position is given', async () => {
    const b = await search('/fhir/Location?address-city=spring&address-state=IL&address-postalcode=627');
    expect(idsOf(b)).toEqual([String(ids.loc1)]);
    expect(b.entry![0]!.resource).toMatchObject({
      position: { latitude: 39.79, longitude: -89.64 },
      managingOrganization: { reference: `Organization/${ids.sys}` },
    });
    expect(idsOf(await search('/fhir/Location?identifier=SHS-MAIN'))).toEqual([String(ids.loc1)]);
    expect(idsOf(await search(`/fhir/Location?organization=${ids.clinic}`))).toEqual([String(ids.loc2)]);
    expect(idsOf(await search('/fhir/Location?address=peoria'))).toEqual([String(ids.loc2)]);
  });

  it('searches PractitionerRole by practitioner, organization, location, specialty, with _include', async () => {
    expect(idsOf(await search('/fhir/PractitionerRole?practitioner=Practitioner/1245319599'))).toHaveLength(
      2,
    );
    expect(idsOf(await search(`/fhir/PractitionerRole?organization=${ids.clinic}`))).toEqual([
      String(ids.memberships[1]),
    ]);
    expect(idsOf(await search(`/fhir/PractitionerRole?location=Location/${ids.loc1}`))).toEqual([
      String(ids.memberships[0]),
      String(ids.memberships[2]),
    ]);
    expect(
      idsOf(await search('/fhir/PractitionerRole?specialty=http://nucc.org/provider-taxonomy|207Q00000X')),
    ).toEqual([String(ids.memberships[1]), String(ids.memberships[2])]);
    const inc = await search(
      `/fhir/PractitionerRole?organization=${ids.clinic}&_include=PractitionerRole:practitioner&_include=PractitionerRole:organization&_include=PractitionerRole:location`,
    );
    const included = (inc.entry ?? [])
      .filter((e) => e.search.mode === 'include')
      .map((e) => `${e.resource.resourceType}/${e.resource.id}`);
    expect(included.sort()).toEqual(
      [`Location/${ids.loc2}`, `Organization/${ids.clinic}`, 'Practitioner/1245319599'].sort(),
    );
    expect(inc.total).toBe(1); // total counts matches only
  });

  it('answers bad searches with OperationOutcome, never a 500', async () => {
    for (const [url, code] of [
      ['/fhir/Practitioner?unknown=1', 'not-supported'],
      ['/fhir/Practitioner?_lastUpdated=yesterday', 'invalid'],
      ['/fhir/Practitioner?_count=lots', 'invalid'],
      ['/fhir/Organization?partof=Practitioner/1', 'invalid'],
      ['/fhir/PractitionerRole?_include=PractitionerRole:endpoint', 'not-supported'],
      ["/fhir/Practitioner?name=' OR 1=1 --&given=%00", null],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode, url).toBeLessThan(500);
      if (code) {
        expect(res.statusCode, url).toBe(400);
        expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code }] });
        expect(fhirSchemaErrors(res.json())).toEqual([]);
      }
    }
    const anon = await app.inject({ method: 'GET', url: '/fhir/Practitioner' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'login' }] });
    expect((await get('/fhir/Patient')).json().issue[0].code).toBe('not-found');
  });

  it('publishes a valid CapabilityStatement without authentication', async () => {
    const res = await app.inject({ method: 'GET', url: '/fhir/metadata' });
    expect(res.statusCode).toBe(200);
    const cs = res.json();
    // The published R4 JSON schema was generated from 4.0.0; R4's official version string is 4.0.1.
    const errors = fhirSchemaErrors(cs) as { dataPath: string }[];
    expect(errors.map((e) => e.dataPath)).toEqual(['.fhirVersion', '']); // the enum, and the oneOf wrapper around it
    expect(fhirSchemaErrors({ ...cs, fhirVersion: '4.0.0' })).toEqual([]);
    expect(cs.fhirVersion).toBe('4.0.1');
    const pr = cs.rest[0].resource.find((r: { type: string }) => r.type === 'PractitionerRole');
    expect(pr.searchInclude).toContain('PractitionerRole:location');
    expect(pr.searchParam.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['practitioner', 'organization', 'location', 'specialty', '_lastUpdated']),
    );
  });

  it('an analyst token reads /fhir but cannot write; a liaison token can send a referral', async () => {
    const sr = JSON.parse(readFileSync('test/fhir/fixtures/servicerequest-rehab.json', 'utf8'));
    const asAnalyst = await app.inject({
      method: 'POST',
      url: '/fhir/ServiceRequest',
      headers: { authorization: `Bearer ${analyst}`, 'content-type': 'application/fhir+json' },
      payload: JSON.stringify(sr),
    });
    expect(asAnalyst.statusCode).toBe(403);
    expect(asAnalyst.json().resourceType).toBe('OperationOutcome');
    const bad = await app.inject({
      method: 'POST',
      url: '/fhir/ServiceRequest',
      headers: { authorization: `Bearer ${liaison}`, 'content-type': 'application/fhir+json' },
      payload: '{"resourceType":"Patient"}',
    });
    expect(bad.statusCode).toBe(400);
    void liaison;
  });
});
