// The read cache (src/server/lib/responseCache.ts): hot GETs answered from memory per role, and
// never stale after a write — this process's own (dropped before the write answers) or another
// process's (dropped when the database's change notification arrives).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logActivity } from '../../src/commands/crm/activities';
import { recordAudit, sealAudit } from '../../src/db/audit';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { NPIS, seedDirectory } from '../crm/factories';
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

// The relationship view (GET /api/relationships/:npi) is CRM data cached per provider: the same
// answer for every caller of a role, dropped when a write touches that provider's CRM data (and
// only then: a visit logged with another provider leaves it cached).
describe.each(backends)('relationship view cache on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let liaison: Client;
  let analyst: Client;
  const [A, B] = NPIS;
  const view = async (c: Client, npi: string) => {
    const r = await c.request('GET', `/api/relationships/${npi}`);
    expect(r.statusCode, r.body).toBe(200);
    return { cache: r.headers['x-rounds-cache'], body: r.json() };
  };
  const settle = async () => {
    await sealAudit(database.db, { wait: true });
    await new Promise((r) => setTimeout(r, 150));
  };
  const visit = async (npis: string[], occurredAt: string) => {
    const r = await liaison.request('POST', '/api/activities', {
      type: 'in_person_visit',
      occurredAt,
      providerNpis: npis,
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: number; version: number };
  };

  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    await seedDirectory(database.db);
    liaison = await clientFor(app, database, 'liaison');
    analyst = await clientFor(app, database, 'analyst');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('answers a repeated view from memory; another role gets its own (equal) answer', async () => {
    await settle();
    const first = await view(liaison, A);
    expect(first.cache).toBe('miss');
    expect(first.body).toMatchObject({ npi: A, name: 'Ana Alvarez, MD', tier: null, last_visit: null });
    expect(await view(liaison, A)).toEqual({ cache: 'hit', body: first.body });
    const other = await view(analyst, A);
    expect(other).toEqual({ cache: 'miss', body: first.body });
    expect((await view(analyst, A)).cache).toBe('hit');
  });

  it("a visit drops the view of the providers seen — before the write answers — and keeps the others'", async () => {
    await settle();
    await view(liaison, A);
    await view(liaison, B);
    expect((await view(liaison, B)).cache).toBe('hit');
    await visit([A], '2026-11-20T15:00:00Z');
    const a = await view(liaison, A); // no waiting: the same process wrote
    expect(a.cache).toBe('miss');
    expect(new Date(a.body.last_visit).toISOString()).toBe('2026-11-20T15:00:00.000Z');
    await settle(); // the visit is sealed and announced as a change to A only
    expect((await view(liaison, B)).cache).toBe('hit');
    await view(liaison, A); // (the announcement drops A once more)
    expect((await view(liaison, A)).cache).toBe('hit');
    expect((await view(liaison, B)).body.last_visit).toBeNull();
  });

  it('a call with a provider keeps its view: the view shows the last in-person visit only', async () => {
    await settle();
    const before = await view(liaison, A);
    const r = await liaison.request('POST', '/api/activities', {
      type: 'call',
      occurredAt: '2026-11-22T15:00:00Z',
      providerNpis: [A],
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(await view(liaison, A)).toEqual({ cache: 'hit', body: before.body });
    await settle(); // sealed and announced: still nothing this view shows
    expect(await view(liaison, A)).toEqual({ cache: 'hit', body: before.body });
  });

  it('a relationship edit drops that provider’s view only', async () => {
    await settle();
    await view(liaison, A);
    await view(liaison, B);
    const p = await liaison.request('PATCH', `/api/relationships/${B}`, { version: 0, tier: 'A' });
    expect(p.statusCode, p.body).toBe(200);
    const b = await view(liaison, B);
    expect(b).toMatchObject({ cache: 'miss', body: { tier: 'A', version: 1 } });
    await settle();
    expect((await view(liaison, A)).cache).toBe('hit');
  });

  it('an edit that does not name every provider it touches (moving a visit to another provider) drops every view', async () => {
    const v = await visit([A], '2026-11-21T15:00:00Z');
    await settle();
    await view(liaison, A);
    await view(liaison, B);
    expect([(await view(liaison, A)).cache, (await view(liaison, B)).cache]).toEqual(['hit', 'hit']);
    const r = await liaison.request('PATCH', `/api/activities/${v.id}`, {
      version: v.version,
      providerNpis: [B],
    });
    expect(r.statusCode, r.body).toBe(200);
    const a = await view(liaison, A);
    const b = await view(liaison, B);
    expect([a.cache, b.cache]).toEqual(['miss', 'miss']);
    expect(new Date(a.body.last_visit).toISOString()).toBe('2026-11-20T15:00:00.000Z');
    expect(new Date(b.body.last_visit).toISOString()).toBe('2026-11-21T15:00:00.000Z');
  });

  it("another process's visit (change notification) drops the view of the provider seen, not the others'", async () => {
    await settle();
    await view(liaison, A);
    await view(liaison, B);
    expect((await view(liaison, A)).cache).toBe('hit');
    // What a second server does: the one-statement visit, outside any request of this process.
    await logActivity(
      database.db,
      { id: null, label: 'elsewhere', role: 'admin' },
      {
        type: 'drop_in',
        occurredAt: '2026-11-25T10:00:00Z',
        providerNpis: [B],
      },
    );
    await sealAudit(database.db, { wait: true });
    let b = await view(liaison, B);
    for (let i = 0; i < 50 && b.cache === 'hit'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      b = await view(liaison, B);
    }
    expect(b.cache).toBe('miss');
    expect(new Date(b.body.last_visit).toISOString()).toBe('2026-11-25T10:00:00.000Z');
    expect((await view(liaison, A)).cache).toBe('hit');
  });
});
