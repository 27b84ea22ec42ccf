// The audit trail: append-only trigger, hash-chain verification naming the first tampered row,
// search/export API (export audited), token use recorded once per hour.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiToken } from '../../src/commands/apiTokens';
import { recordAudit, verifyAuditChain } from '../../src/db/audit';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';

describe.each(backends)('audit trail on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let admin: Client;
  let liaison: Client;

  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    admin = await clientFor(app, database, 'admin');
    liaison = await clientFor(app, database, 'liaison');
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@test.example', password: 'wrong-password-1' },
    });
    for (let i = 0; i < 5; i++)
      await recordAudit(database.db, {
        actorLabel: 'seed',
        action: 'update',
        entity: 'thing',
        entityId: i,
        detail: { before: { n: i }, after: { n: i + 1, nested: { b: 1, a: [1, 2] } } },
      });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('records logins, failed logins and creations; the chain verifies', async () => {
    const r = await verifyAuditChain(database.db);
    expect(r.ok).toBe(true);
    const actions = (await database.db.selectFrom('audit_log').select('action').execute()).map(
      (x) => x.action,
    );
    expect(actions.filter((a) => a === 'login').length).toBe(2);
    expect(actions).toContain('login_failed');
    expect(actions.filter((a) => a === 'create').length).toBe(2);
    expect(r.rows).toBe(actions.length);
  });

  it('GET /api/audit filters by actor, action, entity and time and pages with a cursor', async () => {
    const all = (await admin.request('GET', '/api/audit?entity=thing&limit=2')).json();
    expect(all.items.map((x: { entity_id: string }) => x.entity_id)).toEqual(['4', '3']);
    const next = (
      await admin.request('GET', `/api/audit?entity=thing&limit=2&cursor=${all.nextCursor}`)
    ).json();
    expect(next.items.map((x: { entity_id: string }) => x.entity_id)).toEqual(['2', '1']);
    const last = (
      await admin.request('GET', `/api/audit?entity=thing&limit=2&cursor=${next.nextCursor}`)
    ).json();
    expect(last.items.length).toBe(1);
    expect(last.nextCursor).toBeNull();
    const failed = (await admin.request('GET', '/api/audit?action=login_failed&actor=ADMIN@')).json();
    expect(failed.items).toHaveLength(1);
    expect(failed.items[0].detail).toEqual({ reason: 'wrong password' });
    const future = (await admin.request('GET', '/api/audit?from=2999-01-01')).json();
    expect(future.items).toEqual([]);
    expect((await liaison.request('GET', '/api/audit')).statusCode).toBe(403);
    expect((await admin.request('GET', '/api/audit?from=yesterday')).statusCode).toBe(400);
  });

  it('exports CSV and JSON Lines, and records the export itself', async () => {
    const csv = await admin.request('GET', '/api/audit/export?entity=thing&format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('id,at,actor_user_id,actor_label,action,entity,entity_id,ip,detail,hash');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toMatch(
      /^\d+,20\d\d-[^,]+,,seed,update,thing,0,,"\{""after"":\{""n"":1,""nested"":\{""a"":\[1,2\],""b"":1\}\},""before"":\{""n"":0\}\}",[0-9a-f]{64}$/,
    );
    const jsonl = await admin.request('GET', '/api/audit/export?entity=thing&format=jsonl');
    const rows = jsonl.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.entity_id)).toEqual(['0', '1', '2', '3', '4']);
    const exports = (await admin.request('GET', '/api/audit?action=export&entity=audit_log')).json();
    expect(exports.items).toHaveLength(2);
    expect(exports.items[0].actor_label).toBe('admin@test.example');
    expect(exports.items[0].detail.format).toBe('jsonl');
  });

  it('records the first use of an API token per hour, with IP and path', async () => {
    const t = await createApiToken(
      database.db,
      { id: null, label: 'test' },
      { name: 'sync', role: 'analyst' },
    );
    for (let i = 0; i < 3; i++) {
      const res = await app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { authorization: `Bearer ${t.token}` },
      });
      expect(res.statusCode).toBe(200);
    }
    const uses = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'token_use')
      .execute();
    expect(uses).toHaveLength(1);
    expect(uses[0]!.actor_label).toBe('token:sync');
    expect(uses[0]!.detail).toMatchObject({ method: 'GET', path: '/api/auth/me' });
    // An hour later (simulated: the token row and this process's clock, which its in-memory token
    // cache and last-used memory go by, both move 61 minutes) the next use is recorded again.
    await database.db
      .updateTable('api_tokens')
      .set({ last_used_at: new Date(Date.now() - 61 * 60_000) })
      .execute();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61 * 60_000);
    try {
      await app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { authorization: `Bearer ${t.token}` },
      });
    } finally {
      vi.useRealTimers();
    }
    expect(
      (await database.db.selectFrom('audit_log').select('id').where('action', '=', 'token_use').execute())
        .length,
    ).toBe(2);
  });

  it('refuses UPDATE and DELETE; a tampered row (trigger bypassed) is named by verify', async () => {
    await expect(
      sql`update audit_log set actor_label = 'x' where id = 3`.execute(database.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where id = 3`.execute(database.db)).rejects.toThrow(/append-only/);
    await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(database.db);
    const target = (
      await database.db
        .selectFrom('audit_log')
        .select('id')
        .where('entity', '=', 'thing')
        .where('entity_id', '=', '2')
        .executeTakeFirstOrThrow()
    ).id;
    await sql`update audit_log set detail = '{"before":{"n":2},"after":{"n":99}}' where id = ${target}`.execute(
      database.db,
    );
    const r = await verifyAuditChain(database.db);
    expect(r).toMatchObject({ ok: false, brokenAt: target, rows: target - 1 });
    expect(r.reason).toMatch(/edited/);
    const api = (await admin.request('GET', '/api/audit/verify')).json();
    expect(api.brokenAt).toBe(target);
    // Deleting a row instead breaks the link of the row after it.
    await sql`update audit_log set detail = '{"before":{"n":2},"after":{"n":3,"nested":{"a":[1,2],"b":1}}}' where id = ${target}`.execute(
      database.db,
    );
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    await sql`delete from audit_log where id = ${target}`.execute(database.db);
    await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(database.db);
    const d = await verifyAuditChain(database.db);
    expect(d).toMatchObject({ ok: false, brokenAt: target + 1 });
    expect(d.reason).toMatch(/prev_hash/);
  });
});
