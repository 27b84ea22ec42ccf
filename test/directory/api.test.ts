import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { multipart } from '../helpers/multipart';
import { individual, organization, writeNppes } from './fixtures/nppes';

const dir = mkdtempSync(path.join(tmpdir(), 'rounds-api-'));
const nppes = path.join(dir, 'npidata_pfile_20050523-20250608.csv');
writeNppes(nppes, [
  individual({
    npi: '1000000004',
    last: 'JOHNSON',
    first: 'KATHERINE',
    taxonomies: [['207RC0000X', 'Y', 'MD1', 'TN']],
  }),
  individual({ npi: '1000000005', last: 'BAD', first: 'NPI' }),
  organization({ npi: '1000000038', name: 'CUMBERLAND HEART CLINIC', taxonomy: '261QP2300X' }),
  organization({ npi: '1000000046', name: 'CUMBERLAND HEALTH', taxonomy: '282N00000X' }),
]);

describe.each(backends)('directory API on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let admin: Client;
  let liaison: Client;
  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    admin = await clientFor(app, database, 'admin');
    liaison = await clientFor(app, database, 'liaison');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('uploads NPPES, organizations and memberships as an admin, then serves search, profile and organizations', async () => {
    const up = multipart('npidata_pfile_20050523-20250608.csv', readFileSync(nppes), { wait: 'true' });
    const res = await admin.request('POST', '/api/admin/imports/nppes', up.body, up.headers);
    expect(res.statusCode).toBe(200);
    const job = res.json().job;
    expect(job).toMatchObject({
      kind: 'nppes',
      status: 'succeeded',
      rows_read: 4,
      rows_inserted: 3,
      rows_rejected: 1,
      data_date: '2025-06-08',
    });
    expect(job.errors).toEqual([{ line: 3, field: 'NPI', reason: '1000000005 fails the NPI check digit' }]);
    // the admin who started it is told it ended (they may have left the page)
    const told = (await admin.request('GET', '/api/notifications')).json().items;
    expect(told[0]).toMatchObject({
      kind: 'import_done',
      title: `Import finished: ${job.file_name}`,
      detail: '4 rows read · 3 new · 1 rejected',
      link: `/admin/imports?job=${job.id}`,
    });

    const orgs = multipart(
      'organizations.csv',
      Buffer.from(
        'npi,name,type,network_status,parent_npi,facility_code,service_lines\n1000000038,Cumberland Heart,clinic,ours,1000000046,CUM-C01,cardiology\n1000000046,Cumberland Health,health_system,ours,,,\n',
      ),
      { wait: 'true' },
    );
    const o = await admin.request('POST', '/api/admin/imports/organizations', orgs.body, orgs.headers);
    expect(o.json().job).toMatchObject({
      status: 'succeeded',
      rows_read: 2,
      rows_updated: 2,
      rows_rejected: 0,
    });
    const mem = multipart(
      'memberships.csv',
      Buffer.from(
        'provider_npi,organization_npi,role\n1000000004,1000000038,primary\n1000000004,1000000079,secondary\n',
      ),
      { wait: 'true' },
    );
    const m = await admin.request('POST', '/api/admin/imports/memberships', mem.body, mem.headers);
    expect(m.json().job).toMatchObject({ status: 'succeeded', rows_inserted: 1, rows_rejected: 1 });

    const s = await liaison.request('GET', '/api/providers?q=katherine%20jonson');
    expect(s.statusCode).toBe(200);
    expect(s.json().items[0]).toMatchObject({
      npi: '1000000004',
      organization: { name: 'Cumberland Heart', networkStatus: 'ours' },
    });
    expect(s.json().dataDate).toBe('2025-06-08');
    // the same organization on the other search paths: filter only (sampled page reader), name sorted
    // by name (matched reader), and status=all (the trigram path)
    for (const url of [
      '/api/providers?serviceLine=cardiology',
      '/api/providers?q=johnson&sort=name',
      '/api/providers?q=johnson&status=all',
    ]) {
      const r = await liaison.request('GET', url);
      expect(r.json().items, url).toEqual([
        expect.objectContaining({
          npi: '1000000004',
          organization: expect.objectContaining({ name: 'Cumberland Heart' }),
        }),
      ]);
    }

    const p = await liaison.request('GET', '/api/providers/1000000004');
    expect(p.json()).toMatchObject({
      npi: '1000000004',
      entityType: 'individual',
      taxonomies: [
        {
          code: '207RC0000X',
          isPrimary: true,
          license: 'MD1',
          licenseState: 'TN',
          serviceLine: 'cardiology',
        },
      ],
      primaryOrganization: { name: 'Cumberland Heart', networkStatus: 'ours' },
      source: 'nppes',
      dataDate: '2025-06-08',
    });
    expect(p.json().locations[0].point).toEqual({ lat: 36.1504, lon: -86.7916, precision: 'zip_centroid' });
    expect((await liaison.request('GET', '/api/providers/1234567893')).statusCode).toBe(404);

    const found = (await liaison.request('GET', '/api/organizations?q=cumberland%20heart')).json().items;
    // best match first: the exact name scores 1; "cumberland health" shares 14 of the 21 trigrams
    // of both names (similarity 0.67) and 14 of the query's 17 (word similarity ≥ 0.82)
    expect(found.map((x: { name: string }) => x.name)).toEqual(['Cumberland Heart', 'Cumberland Health']);
    expect(found[0].score).toBe(1);
    expect(found[1].score).toBeGreaterThan(0.66);
    expect(found[1].score).toBeLessThan(1);
    const page1 = (await liaison.request('GET', '/api/organizations?q=cumberland%20heart&limit=1')).json();
    expect(page1.items.map((x: { name: string }) => x.name)).toEqual(['Cumberland Heart']);
    const page2 = await liaison.request(
      'GET',
      `/api/organizations?q=cumberland%20heart&limit=1&cursor=${page1.nextCursor}`,
    );
    expect(page2.json().items.map((x: { name: string }) => x.name)).toEqual(['Cumberland Health']);
    // the same search as a file, in the same order, audited
    const file = await liaison.request('GET', '/api/organizations/export?q=cumberland%20heart&format=csv');
    expect(file.statusCode).toBe(200);
    expect(file.headers['x-row-count']).toBe('2');
    const [head, ...lines] = parse(file.body) as string[][];
    const at = (c: string) => head!.indexOf(c);
    expect(lines.map((l) => [l[at('name')], l[at('type')], l[at('network_status')]])).toEqual([
      ['Cumberland Heart', 'clinic', 'ours'],
      ['Cumberland Health', 'health_system', 'ours'],
    ]);
    expect(lines[0]![at('match_score')]).toBe('1');
    expect(lines[0]![at('parent')]).toBe('Cumberland Health');
    const audited = await database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('entity', '=', 'organizations')
      .where('action', '=', 'export')
      .execute();
    expect(audited.map((a) => a.detail)).toEqual([
      { format: 'csv', rows: 2, filters: { q: 'cumberland heart' } },
    ]);
    // a cursor of a name-ordered listing does not page a name search
    const byName = (await liaison.request('GET', '/api/organizations?limit=1')).json().nextCursor;
    const wrong = await liaison.request('GET', `/api/organizations?q=cumberland%20heart&cursor=${byName}`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().detail).toMatch(/cursor/);
    const heart = found.find((x: { name: string }) => x.name === 'Cumberland Heart');
    const org = await liaison.request('GET', `/api/organizations/${heart.id}`);
    expect(org.json()).toMatchObject({
      name: 'Cumberland Heart',
      type: 'clinic',
      parentChain: [{ name: 'Cumberland Health' }],
      providers: [{ npi: '1000000004', role: 'primary' }],
    });
    const parent = (await liaison.request('GET', `/api/organizations?type=health_system`)).json().items[0];
    expect(parent.name).toBe('Cumberland Health');
  });

  it('filters organizations by service line (offered, or a member physician’s) and by territory', async () => {
    const names = async (q: string) => {
      const r = await liaison.request('GET', `/api/organizations?${q}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json().items.map((o: { name: string }) => o.name);
    };
    // Cumberland Heart offers cardiology and its one member (1000000004) is a cardiologist
    expect(await names('serviceLine=cardiology')).toEqual(['Cumberland Heart']);
    await database.db
      .updateTable('organizations')
      .set({ service_lines: [] })
      .where('npi', '=', '1000000038')
      .execute();
    expect(await names('serviceLine=cardiology')).toEqual(['Cumberland Heart']); // through its member
    expect(await names('serviceLine=oncology')).toEqual([]);
    // no territory yet: "mine" holds nothing
    expect(await names('territory=mine')).toEqual([]);
    const heart = await database.db
      .selectFrom('organizations')
      .select(['practice_zip5'])
      .where('npi', '=', '1000000038')
      .executeTakeFirstOrThrow();
    expect(heart.practice_zip5).toMatch(/^\d{5}$/);
    const t = await database.db
      .insertInto('territories')
      .values({ name: 'Heart ZIP', zips: [heart.practice_zip5!], counties: [] })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('territory_assignments')
      .values({ territory_id: t.id, user_id: liaison.userId })
      .execute();
    const inTerritory = await liaison.request('GET', '/api/organizations?territory=mine&limit=200');
    const zips = inTerritory.json().items.map((o: { name: string }) => o.name);
    expect(zips).toContain('Cumberland Heart');
    const all = await database.db
      .selectFrom('organizations')
      .select('name')
      .where('practice_zip5', '=', heart.practice_zip5!)
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .execute();
    expect([...zips].sort()).toEqual(all.map((o) => o.name).sort());
    expect(await names(`territory=${t.id}&serviceLine=cardiology`)).toEqual(['Cumberland Heart']);
    const bad = await liaison.request('GET', '/api/organizations?territory=everywhere');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/territory/);
    const none = await liaison.request('GET', '/api/organizations?territory=999999');
    expect(none.statusCode).toBe(400);
    expect(none.json().detail).toMatch(/territory: there is no territory 999999/);
  });

  it('exports a provider search as CSV or XLSX with its source and data date, audited', async () => {
    const res = await liaison.request('GET', '/api/providers/export?q=johnson&format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="rounds-providers-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(res.headers['x-row-count']).toBe('1');
    const [header, row, ...more] = parse(res.body) as string[][];
    expect(more).toEqual([]);
    const cell = Object.fromEntries(header!.map((h, i) => [h, row![i]]));
    expect(cell).toMatchObject({
      npi: '1000000004',
      taxonomy_code: '207RC0000X',
      service_line: 'cardiology',
      status: 'active',
      city: 'NASHVILLE',
      state: 'TN',
      zip: '37203',
      organization: 'Cumberland Heart',
      network_status: 'ours',
      point_precision: 'zip_centroid',
      source: 'NPPES',
      data_date: '2025-06-08',
    });
    // the registry's capitals as people write names; the credential as written (core/directory/personName)
    expect(cell.name).toBe('Katherine Johnson, M.D.');
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'detail'])
      .where('entity', '=', 'providers')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'export',
      detail: { format: 'csv', rows: 1, filters: { q: 'johnson' } },
    });

    const xlsx = await liaison.request('GET', '/api/providers/export?q=johnson&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // a search matching nothing is an empty file with its header; a bad parameter is named
    const none = await liaison.request('GET', '/api/providers/export?q=zzzzqx');
    expect(none.headers['x-row-count']).toBe('0');
    expect(parse(none.body)).toEqual([header]);
    const bad = await liaison.request('GET', '/api/providers/export?format=pdf');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toMatch(/format/);
  });

  it('refuses a wrong file with one sentence; only admins upload; admins edit the service-line map', async () => {
    const up = multipart('npidata.csv', Buffer.from('a,b\n1,2\n'), { wait: 'true' });
    const bad = await admin.request('POST', '/api/admin/imports/nppes', up.body, up.headers);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toBe(
      'body: npidata.csv is not an NPPES NPI data file (npidata_pfile): its header lacks "NPI".',
    );
    expect((await liaison.request('POST', '/api/admin/imports/nppes', up.body, up.headers)).statusCode).toBe(
      403,
    );
    const put = await admin.request('PUT', '/api/service-line-map', {
      changes: [{ code: '207RC0000X', serviceLine: 'other' }],
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ providersReassigned: 1 });
    const p = await liaison.request('GET', '/api/providers/1000000004');
    expect(p.json().primaryServiceLine).toBe('other');
    const unknown = await admin.request('PUT', '/api/service-line-map', {
      changes: [{ code: '999X00000X', serviceLine: 'other' }],
    });
    expect(unknown.statusCode).toBe(400);
  });
});
