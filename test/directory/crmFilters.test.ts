// The Providers list's CRM filters (tier, owner, territory, overdue, network status), its bulk
// relationship edits and the relationship columns of a page, on a five-provider market checked by hand:
//   A1 Adams  37201 Davidson   tier A, owner liaison, monthly, visited 10 days ago → not overdue; primary org ours
//   A2 Baker  37130 Rutherford tier A, owner liaison, monthly, never visited      → overdue
//   B1 Clark  37130 Rutherford tier B, owner manager, weekly, visited 10 days ago  → overdue
//   N1 Davis  37064 Williamson no relationship; primary org ours
//   N2 Evans  37201 Davidson   no relationship; primary org a competitor (ours only as secondary)
// Territories: "Rutherford" (county 47149, assigned to the liaison), "Downtown" (ZIP 37201, nobody's).
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';

const NPI = { A1: '1100000001', A2: '1100000002', B1: '1100000003', N1: '1100000004', N2: '1100000005' };
const DAY = 86_400_000;

describe.each(backends)('provider search by CRM fields on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let liaison: Client;
  let manager: Client;
  let analyst: Client;
  let downtown: number;
  const npis = async (c: Client, query: string) => {
    const res = await c.request('GET', `/api/providers?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.map((h: { npi: string }) => h.npi);
  };

  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    liaison = await clientFor(app, database, 'liaison');
    manager = await clientFor(app, database, 'manager');
    analyst = await clientFor(app, database, 'analyst');
    const db = database.db;
    const person = (npi: string, last: string, zip: string, county: string) => ({
      npi,
      first_name: 'Test',
      last_name: last.toUpperCase(),
      search_name: `test ${last.toLowerCase()}`,
      primary_service_line: 'primary_care',
      practice_zip5: zip,
      county_fips: county,
      lat: 36,
      lon: -86.5,
    });
    await db
      .insertInto('providers')
      .values([
        person(NPI.A1, 'Adams', '37201', '47037'),
        person(NPI.A2, 'Baker', '37130', '47149'),
        person(NPI.B1, 'Clark', '37130', '47149'),
        person(NPI.N1, 'Davis', '37064', '47187'),
        person(NPI.N2, 'Evans', '37201', '47037'),
      ])
      .execute();
    const [ours, rival] = await db
      .insertInto('organizations')
      .values([
        { name: 'Our Clinic', network_status: 'ours' },
        { name: 'Rival Clinic', network_status: 'competitor' },
      ])
      .returning('id')
      .execute();
    const member = (npi: string, org: number, role: 'primary' | 'secondary') => ({
      provider_npi: npi,
      organization_id: org,
      role,
      source: 'manual' as const,
    });
    await db
      .insertInto('memberships')
      .values([
        member(NPI.A1, ours!.id, 'primary'),
        member(NPI.N1, ours!.id, 'primary'),
        member(NPI.N2, rival!.id, 'primary'),
        member(NPI.N2, ours!.id, 'secondary'),
      ])
      .execute();
    const rel = async (c: Client, npi: string, body: object) => {
      const res = await c.request('PATCH', `/api/relationships/${npi}`, { version: 0, ...body });
      expect(res.statusCode, res.body).toBe(200);
    };
    await rel(liaison, NPI.A1, { tier: 'A', visitFrequency: 'monthly', ownerId: liaison.userId });
    await rel(liaison, NPI.A2, { tier: 'A', visitFrequency: 'monthly', ownerId: liaison.userId });
    await rel(manager, NPI.B1, { tier: 'B', visitFrequency: 'weekly', ownerId: manager.userId });
    const tenDaysAgo = new Date(Date.now() - 10 * DAY).toISOString();
    for (const npi of [NPI.A1, NPI.B1]) {
      const v = await liaison.request('POST', '/api/activities', {
        type: 'in_person_visit',
        occurredAt: tenDaysAgo,
        providerNpis: [npi],
      });
      expect(v.statusCode, v.body).toBe(201);
    }
    const t1 = await manager.request('POST', '/api/territories', {
      name: 'Rutherford',
      counties: ['47149'],
      assigneeIds: [liaison.userId],
    });
    expect(t1.statusCode, t1.body).toBe(201);
    const t2 = await manager.request('POST', '/api/territories', { name: 'Downtown', zips: ['37201'] });
    downtown = t2.json().id;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('filters by tier, owner, overdue, territory and network status, alone and together', async () => {
    expect(await npis(liaison, 'tier=A')).toEqual([NPI.A1, NPI.A2]);
    expect(await npis(liaison, 'tier=A,B')).toEqual([NPI.A1, NPI.A2, NPI.B1]);
    expect(await npis(liaison, 'owner=me')).toEqual([NPI.A1, NPI.A2]);
    expect(await npis(manager, 'owner=me')).toEqual([NPI.B1]);
    expect(await npis(manager, `owner=${liaison.userId}`)).toEqual([NPI.A1, NPI.A2]);
    expect(await npis(liaison, 'owner=none')).toEqual([NPI.N1, NPI.N2]);
    expect(await npis(liaison, 'overdue=true')).toEqual([NPI.A2, NPI.B1]);
    expect(await npis(liaison, 'territory=mine')).toEqual([NPI.A2, NPI.B1]);
    expect(await npis(manager, 'territory=mine')).toEqual([]); // assigned none
    expect(await npis(manager, `territory=${downtown}`)).toEqual([NPI.A1, NPI.N2]);
    expect(await npis(liaison, 'networkStatus=ours')).toEqual([NPI.A1, NPI.N1]);
    expect(await npis(liaison, 'networkStatus=competitor')).toEqual([NPI.N2]);
    expect(await npis(liaison, 'tier=A&overdue=true')).toEqual([NPI.A2]);
    expect(await npis(liaison, `npis=${NPI.N2},${NPI.B1}`)).toEqual([NPI.B1, NPI.N2]);
    expect(await npis(liaison, 'territory=mine&owner=me')).toEqual([NPI.A2]);
    // with a name: the name-word path honours them too
    expect(await npis(liaison, 'q=baker&tier=A')).toEqual([NPI.A2]);
    expect(await npis(liaison, 'q=adams&overdue=true')).toEqual([]);
    const r = (await liaison.request('GET', '/api/providers?tier=A&facets=true')).json();
    expect(r).toMatchObject({ total: 2, totalIsExact: true });
  });

  it('names a bad owner or territory instead of answering nothing', async () => {
    const owner = await liaison.request('GET', '/api/providers?owner=99999');
    expect(owner.statusCode).toBe(400);
    expect(owner.json().detail).toContain('owner: there is no user 99999');
    const terr = await liaison.request('GET', '/api/providers?territory=99999');
    expect(terr.statusCode).toBe(400);
    expect(terr.json().detail).toContain('territory: there is no territory 99999');
    const tier = await liaison.request('GET', '/api/providers?tier=D');
    expect(tier.statusCode).toBe(400);
    expect(tier.body).toContain('tier');
  });

  it('sets owner and tier on many providers at once, all or nothing, audited', async () => {
    const before = (await npis(liaison, 'tier=C')).length;
    expect(before).toBe(0);
    const bad = await liaison.request('POST', '/api/relationships/bulk', {
      npis: [NPI.N1, '1999999999'],
      tier: 'C',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('1999999999');
    expect(await npis(liaison, 'tier=C')).toEqual([]); // N1 untouched
    expect(
      (await analyst.request('POST', '/api/relationships/bulk', { npis: [NPI.N1], tier: 'C' })).statusCode,
    ).toBe(403);
    const none = await liaison.request('POST', '/api/relationships/bulk', { npis: [NPI.N1] });
    expect(none.statusCode).toBe(400);

    const ok = await liaison.request('POST', '/api/relationships/bulk', {
      npis: [NPI.N1, NPI.N2, NPI.A1],
      tier: 'C',
      ownerId: liaison.userId,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ updated: [NPI.N1, NPI.N2, NPI.A1], unchanged: [] });
    // the search is not served from a cache filled before the change
    expect(await npis(liaison, 'tier=C')).toEqual([NPI.A1, NPI.N1, NPI.N2]);
    expect(await npis(liaison, 'owner=none')).toEqual([]);
    expect(await npis(liaison, 'owner=me')).toEqual([NPI.A1, NPI.A2, NPI.N1, NPI.N2]);
    const again = await liaison.request('POST', '/api/relationships/bulk', { npis: [NPI.N1], tier: 'C' });
    expect(again.json()).toEqual({ updated: [], unchanged: [NPI.N1] });
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'action'])
      .where('entity', '=', 'provider_relationship')
      .where('entity_id', 'in', [NPI.N1, NPI.N2])
      .orderBy('id')
      .execute();
    // each new row is created (version 0), then updated once
    expect(audit.map((a) => `${a.entity_id} ${a.action}`)).toEqual([
      `${NPI.N1} create`,
      `${NPI.N1} update`,
      `${NPI.N2} create`,
      `${NPI.N2} update`,
    ]);
  });

  it('gives a page of providers their relationship fields, whoever owns them', async () => {
    const res = await analyst.request('GET', `/api/relationships?npis=${NPI.A2},${NPI.B1},${NPI.N1}`);
    expect(res.statusCode, res.body).toBe(200);
    const byNpi = Object.fromEntries(res.json().items.map((r: { npi: string }) => [r.npi, r]));
    expect(Object.keys(byNpi).sort()).toEqual([NPI.A2, NPI.B1, NPI.N1]);
    expect(byNpi[NPI.A2]).toMatchObject({ tier: 'A', owner_name: 'Test liaison', visit: { overdue: true } });
    expect(byNpi[NPI.B1]).toMatchObject({
      tier: 'B',
      owner_name: 'Test manager',
      visit: { overdue: true, lastVisit: new Date(Date.now() - 10 * DAY).toISOString().slice(0, 10) },
    });
    const bad = await analyst.request('GET', '/api/relationships?npis=123');
    expect(bad.statusCode).toBe(400);
  });

  it('exports a CRM-filtered search with tier, owner, last visit and overdue', async () => {
    const res = await liaison.request('GET', '/api/providers/export?tier=A,B&overdue=true');
    expect(res.statusCode, res.body).toBe(200);
    const rows = parse(res.body, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    const data = rows.filter((r) => /^\d{10}$/.test(r.npi ?? ''));
    expect(data.map((r) => [r.npi, r.tier, r.owner, r.visit_frequency, r.last_visit, r.overdue])).toEqual([
      [NPI.A2, 'A', 'Test liaison', 'monthly', '', 'yes'],
      [
        NPI.B1,
        'B',
        'Test manager',
        'weekly',
        new Date(Date.now() - 10 * DAY).toISOString().slice(0, 10),
        'yes',
      ],
    ]);
  });
});
