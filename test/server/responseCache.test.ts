// The read cache (src/server/lib/responseCache.ts): hot GETs answered from memory per role, and
// never stale after a write — this process's own (dropped before the write answers) or another
// process's (dropped when the database's change notification arrives).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, sealAudit } from '../../src/db/audit';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { individual, organization, writeNppes } from '../directory/fixtures/nppes';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { multipart } from '../helpers/multipart';

const dir = mkdtempSync(path.join(tmpdir(), 'rounds-cache-'));
const nppes = path.join(dir, 'npidata_pfile_20050523-20250608.csv');
writeNppes(nppes, [
  individual({
    npi: '1000000004',
    last: 'JOHNSON',
    first: 'KATHERINE',
    taxonomies: [['207RC0000X', 'Y', 'MD1', 'TN']],
  }),
  organization({ npi: '1000000038', name: 'CUMBERLAND HEART CLINIC', taxonomy: '261QP2300X' }),
]);

const PROFILE = '/api/providers/1000000004';

describe.each(backends)('read cache on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let admin: Client;
  let liaison: Client;
  const get = async (c: Client, url = PROFILE) => {
    const r = await c.request('GET', url);
    expect(r.statusCode).toBe(200);
    return { cache: r.headers['x-rounds-cache'], body: r.json() };
  };
  // Earlier writes' audit rows are sealed (and announced) shortly after they answer; let that
  // happen before a test counts hits, so a late announcement does not empty the cache mid-test.
  const settle = async () => {
    await sealAudit(database.db, { wait: true });
    await new Promise((r) => setTimeout(r, 150));
  };
  const orgName = (b: { organizations: { name: string }[] }) => b.organizations.map((o) => o.name);

  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    admin = await clientFor(app, database, 'admin');
    liaison = await clientFor(app, database, 'liaison');
    for (const [kind, name, content] of [
      ['nppes', 'npidata_pfile_20050523-20250608.csv', readFileSync(nppes)],
      [
        'organizations',
        'organizations.csv',
        Buffer.from(
          'npi,name,type,network_status,parent_npi,facility_code,service_lines\n1000000038,Cumberland Heart,clinic,ours,,,\n',
        ),
      ],
      [
        'memberships',
        'memberships.csv',
        Buffer.from('provider_npi,organization_npi,role\n1000000004,1000000038,primary\n'),
      ],
    ] as const) {
      const u = multipart(name, content, { wait: 'true' });
      const r = await admin.request('POST', `/api/admin/imports/${kind}`, u.body, u.headers);
      expect(r.json(), `${kind}: ${r.body}`).toMatchObject({ job: { status: 'succeeded' } });
    }
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('answers a repeated GET from memory, the same body, and keeps roles apart', async () => {
    const admin2 = await clientFor(app, database, 'admin', 'admin2@test.example');
    await settle();
    const first = await get(admin);
    expect(first.cache).toBe('miss');
    expect(orgName(first.body)).toEqual(['Cumberland Heart']);
    const again = await get(admin);
    expect(again).toEqual({ cache: 'hit', body: first.body });
    expect((await get(liaison)).cache).toBe('miss');
    expect((await get(liaison)).cache).toBe('hit');
    // Another user of the same role shares the answer (it depends on nothing but URL and role).
    expect(await get(admin2)).toEqual({ cache: 'hit', body: first.body });
    // Routes that did not opt in are never cached.
    const r = await admin.request('GET', '/api/referrals/settings');
    expect(r.headers['x-rounds-cache']).toBeUndefined();
  });

  it("drops what this process's own write changed before the write answers", async () => {
    await get(admin);
    const org = await database.db
      .selectFrom('organizations')
      .select(['id', 'version'])
      .where('npi', '=', '1000000038')
      .executeTakeFirstOrThrow();
    const p = await liaison.request('PATCH', `/api/crm/organizations/${org.id}`, {
      version: org.version,
      name: 'Cumberland Heart & Vascular',
    });
    expect(p.statusCode).toBe(200);
    const after = await get(admin); // no waiting: the same process wrote
    expect(after.cache).toBe('miss');
    expect(orgName(after.body)).toEqual(['Cumberland Heart & Vascular']);
  });

  it('keeps answers a write of another kind did not touch (a logged visit leaves the directory cached)', async () => {
    await settle();
    await get(admin);
    expect((await get(admin)).cache).toBe('hit');
    const v = await liaison.request('POST', '/api/activities', {
      type: 'call',
      subject: 'cache test (synthetic)',
      providerNpis: ['1000000004'],
    });
    expect(v.statusCode).toBe(201);
    await settle(); // the visit's audit row is sealed and announced as a CRM change
    expect((await get(admin)).cache).toBe('hit');
  });

  it("drops answers when another process's write commits (database change notification)", async () => {
    await get(admin);
    expect((await get(admin)).cache).toBe('hit');
    // What a second server or a CLI command does: change the data and audit it in one transaction,
    // then seal the audit row (which notifies every process).
    await database.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('organizations')
        .set({ name: 'Cumberland Cardiology' })
        .where('npi', '=', '1000000038')
        .execute();
      await recordAudit(trx, {
        actorLabel: 'elsewhere',
        action: 'update',
        entity: 'organization',
        entityId: 1,
      });
    });
    await sealAudit(database.db, { wait: true });
    let seen: string[] = [];
    for (let i = 0; i < 50 && seen[0] !== 'Cumberland Cardiology'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      seen = orgName((await get(admin)).body);
    }
    expect(seen).toEqual(['Cumberland Cardiology']);
  });
});
