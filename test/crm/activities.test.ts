import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteActivity, logActivity, updateActivity } from '../../src/commands/crm/activities';
import { verifyAuditChain } from '../../src/db/audit';
import type { Database } from '../../src/db/connection';
import { PREPARED } from '../../src/db/connection';
import { getRelationship } from '../../src/db/queries/crm/relationships';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { NPIS, seedDirectory } from './factories';

describe.each(backends)('activities, tasks, timeline and notes search on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let liaison: Client;
  let other: Client;
  let manager: Client;
  let analyst: Client;
  let orgId: number;

  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    ({ orgId } = await seedDirectory(database.db));
    manager = await clientFor(app, database, 'manager');
    liaison = await clientFor(app, database, 'liaison');
    other = await clientFor(app, database, 'liaison', 'other@test.example');
    analyst = await clientFor(app, database, 'analyst');
    await database.db
      .updateTable('users')
      .set({ manager_id: manager.userId })
      .where('id', '=', liaison.userId)
      .execute();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('logs a visit with two attendees, a contact and a follow-up task in one POST; a retry is idempotent', async () => {
    const contact = await liaison.request('POST', '/api/contacts', {
      organizationId: orgId,
      firstName: 'Dana',
      lastName: 'Office',
      role: 'office_manager',
      preferredContact: 'email',
      email: 'Dana@Lakeside.example',
    });
    expect(contact.statusCode).toBe(201);
    const body = {
      type: 'in_person_visit',
      occurredAt: '2026-11-20T15:00:00Z',
      durationMinutes: 20,
      organizationId: orgId,
      providerNpis: [NPIS[0], NPIS[1]],
      contactIds: [contact.json().id],
      topics: ['cardiology'],
      outcome: 'positive',
      notes: 'Discussed **echocardiogram** wait times; Dr Alvarez wants a direct line to scheduling.',
      clientId: 'phone-abc-1',
      followUps: [{ title: 'Send scheduling line', dueOn: '2026-11-22' }],
    };
    const res = await liaison.request('POST', '/api/activities', body);
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a.attendees.map((x: { name: string }) => x.name)).toEqual([
      'Ana Alvarez, MD',
      'Ben Brooks, MD',
      'Dana Office',
    ]);
    expect(a.tasks).toHaveLength(1);
    expect(a.tasks[0]).toMatchObject({
      title: 'Send scheduling line',
      due_on: '2026-11-22',
      owner_id: liaison.userId,
    });
    const again = await liaison.request('POST', '/api/activities', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: a.id, duplicate: true });
    const n = await database.db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('refuses unknown attendees without writing anything', async () => {
    const res = await liaison.request('POST', '/api/activities', {
      type: 'call',
      providerNpis: ['1234567893'],
      followUps: [{ title: 'x' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/providerNpis: unknown NPI 1234567893/);
    expect(await database.db.selectFrom('tasks').select('id').execute()).toHaveLength(1);
  });

  it('liaisons edit their own activities; others read only; the manager edits the team’s; analysts read', async () => {
    const [a] = (await liaison.request('GET', '/api/activities')).json().items;
    expect(
      (await other.request('PATCH', `/api/activities/${a.id}`, { version: a.version, outcome: 'neutral' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await analyst.request('PATCH', `/api/activities/${a.id}`, { version: a.version, outcome: 'neutral' }))
        .statusCode,
    ).toBe(403);
    expect((await other.request('GET', `/api/activities/${a.id}`)).statusCode).toBe(200);
    const m = await manager.request('PATCH', `/api/activities/${a.id}`, {
      version: a.version,
      outcome: 'neutral',
    });
    expect(m.statusCode, m.body).toBe(200);
    expect(m.json()).toMatchObject({ outcome: 'neutral', version: a.version + 1 });
    // default scopes: the liaison sees their own, the other liaison none, the manager the team's
    expect((await other.request('GET', '/api/activities')).json().items).toHaveLength(0);
    expect((await manager.request('GET', '/api/activities')).json().items).toHaveLength(1);
  });

  it('a stale edit gets 409 with the current record and the fields that changed', async () => {
    const [a] = (await liaison.request('GET', '/api/activities')).json().items;
    const stale = await liaison.request('PATCH', `/api/activities/${a.id}`, {
      version: a.version - 1,
      notes: 'mine',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      changedFields: ['outcome'],
      current: { id: a.id, version: a.version },
    });
  });

  it('soft delete hides, restore brings back, history lists every change', async () => {
    const [a] = (await liaison.request('GET', '/api/activities')).json().items;
    expect((await liaison.request('DELETE', `/api/activities/${a.id}`, {})).statusCode).toBe(200);
    expect((await liaison.request('GET', '/api/activities')).json().items).toHaveLength(0);
    expect((await liaison.request('GET', '/api/activities?deleted=true')).json().items).toHaveLength(1);
    expect((await liaison.request('POST', `/api/activities/${a.id}/restore`, {})).statusCode).toBe(200);
    const h = (await analyst.request('GET', `/api/activities/${a.id}/history`)).json().items;
    expect(h.map((x: { action: string }) => x.action)).toEqual(['restore', 'delete', 'update', 'create']);
  });

  it('overdue tasks are surfaced', async () => {
    const t = (await liaison.request('GET', '/api/tasks?overdue=true')).json().items;
    expect(t).toHaveLength(1); // due 2026-11-22, before any real "today" this test runs on
    expect(t[0]).toMatchObject({
      overdue: true,
      provider_name: null,
      organization_name: 'Lakeside Family Practice',
    });
  });

  it('timeline per provider and organization, newest first; notes search finds the visit', async () => {
    await liaison.request('POST', '/api/activities', {
      type: 'call',
      occurredAt: '2026-11-24T09:00:00Z',
      providerNpis: [NPIS[0]],
      notes: 'Called about MRI slots',
    });
    const tl = (await analyst.request('GET', `/api/timeline/providers/${NPIS[0]}`)).json().items;
    const kinds = tl.map((i: { kind: string; title: string }) => `${i.kind}:${i.title}`);
    expect(kinds[0]).toBe('activity:call');
    expect(kinds).toContain('activity:in person visit');
    const ats = tl.map((i: { at: string }) => i.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const org = (await analyst.request('GET', `/api/timeline/organizations/${orgId}`)).json().items;
    expect(org.some((i: { kind: string }) => i.kind === 'task')).toBe(true);
    expect(org.some((i: { ref: { entity: string } }) => i.ref.entity === 'contact')).toBe(true);
    const hits = (await analyst.request('GET', '/api/notes/search?q=echocardiograms')).json().items;
    expect(hits).toHaveLength(1); // stemming: echocardiograms ~ echocardiogram
    expect(hits[0]).toMatchObject({ kind: 'activity' });
    expect(hits[0].snippet).toContain('<<echocardiogram>>');
  });

  it('a visit without follow-ups (one statement): unknown attendee writes nothing; a good one is audited and sealed', async () => {
    const count = async (t: 'activities' | 'audit_log' | 'activity_attendees') =>
      Number(
        (
          await database.db
            .selectFrom(t)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = {
      a: await count('activities'),
      l: await count('audit_log'),
      t: await count('activity_attendees'),
    };
    const bad = await liaison.request('POST', '/api/activities', {
      type: 'call',
      providerNpis: [NPIS[0], '1234567893'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toBe('providerNpis: unknown NPI 1234567893');
    expect([await count('activities'), await count('audit_log'), await count('activity_attendees')]).toEqual([
      before.a,
      before.l,
      before.t,
    ]);

    const res = await liaison.request('POST', '/api/activities', {
      type: 'call',
      occurredAt: '2026-11-21T09:30:00Z',
      subject: 'Quick call',
      organizationId: orgId,
      providerNpis: [NPIS[1], NPIS[0], NPIS[1]], // the repeat is one attendee
    });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      type: 'call',
      subject: 'Quick call',
      occurred_at: '2026-11-21T09:30:00.000Z',
      owner_id: liaison.userId,
      organization_name: 'Lakeside Family Practice',
      version: 1,
      tasks: [],
      duplicate: false,
    });
    expect(a.attendees).toEqual([
      { npi: NPIS[1], contactId: null, name: 'Ben Brooks, MD' },
      { npi: NPIS[0], contactId: null, name: 'Ana Alvarez, MD' },
    ]);
    // The answer is what a later read gives.
    const { duplicate: _d, ...written } = a;
    expect((await liaison.request('GET', `/api/activities/${a.id}`)).json()).toEqual(written);
    const audit = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'activity')
      .where('entity_id', '=', String(a.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', actor_user_id: liaison.userId });
    const detail = audit[0]!.detail as { version: number; before: object; after: Record<string, unknown> };
    expect(detail).toMatchObject({
      version: 1,
      before: {},
      after: { id: a.id, subject: 'Quick call', type: 'call' },
    });
    expect('search' in detail.after).toBe(false);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('activities logged at the same moment are written together, each with its own attendees and audit row; a bad one fails alone', async () => {
    const actor = { id: null, label: 'batch test', role: 'admin' as const };
    const log = (subject: string, extra: Record<string, unknown> = {}) =>
      logActivity(database.db, actor, {
        type: 'call',
        occurredAt: '2026-03-02T15:00:00Z',
        subject,
        ...extra,
      }).then(
        (a) => ({ ok: true as const, a }),
        (e: Error & { status?: number }) => ({ ok: false as const, message: e.message }),
      );
    const results = await Promise.all([
      ...Array.from({ length: 12 }, (_, i) => log(`batch ${i}`, { providerNpis: [NPIS[i % 3]!] })),
      log('batch unknown NPI', { providerNpis: ['1234567893'] }),
      log('batch two attendees', { providerNpis: [NPIS[2]!, NPIS[0]!] }),
    ]);
    const good = results.slice(0, 12).map((r) => (r.ok ? r.a : null));
    good.forEach((a, i) => {
      expect(a).toMatchObject({ subject: `batch ${i}`, duplicate: false });
      expect(a!.attendees.map((t) => t.npi)).toEqual([NPIS[i % 3]]);
    });
    expect(results[12]).toEqual({ ok: false, message: 'providerNpis: unknown NPI 1234567893' });
    const two = results[13]!;
    expect(two.ok && two.a.attendees.map((t) => t.npi)).toEqual([NPIS[2], NPIS[0]]);
    // written together: one statement, so one transaction time (now()) for several of them
    const stored = await database.db
      .selectFrom('activities')
      .select(['id', 'subject', 'created_at'])
      .where('subject', 'like', 'batch %')
      .where('subject', 'not like', 'batch more%')
      .execute();
    expect(stored.map((r) => r.subject).sort()).toEqual(
      [...good.map((a) => a!.subject), 'batch two attendees'].sort(),
    );
    const times = new Set(stored.map((r) => new Date(r.created_at).getTime()));
    expect(times.size).toBeLessThan(stored.length);
    // A statement error (a foreign key) fails the batch: it is retried one by one, so only the bad one fails.
    const more = await Promise.all([
      ...Array.from({ length: 4 }, (_, i) => log(`batch more ${i}`, { providerNpis: [NPIS[i % 3]!] })),
      log('batch bad organization', { organizationId: 987654 }),
      log('batch more 4', { providerNpis: [NPIS[1]!] }),
    ]);
    expect(more.map((r) => r.ok)).toEqual([true, true, true, true, false, true]);
    expect(more.map((r) => r.ok && r.a.subject)).toEqual([
      'batch more 0',
      'batch more 1',
      'batch more 2',
      'batch more 3',
      false,
      'batch more 4',
    ]);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'detail'])
      .where('actor_label', '=', 'batch test')
      .where(
        'entity_id',
        'in',
        stored.map((r) => String(r.id)),
      )
      .execute();
    expect(audit.map((r) => Number(r.entity_id)).sort((x, y) => x - y)).toEqual(
      stored.map((r) => Number(r.id)).sort((x, y) => x - y),
    );
    for (const r of audit) {
      const d = r.detail as { after: { id: number; subject: string }; providers: string[] };
      expect(d.after.subject).toBe(stored.find((s) => Number(s.id) === Number(r.entity_id))!.subject);
    }
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('logging visits re-uses one prepared statement with a generic plan (no planning per write)', async () => {
    await database.db
      .transaction()
      .execute(async (trx) => {
        for (let i = 0; i < 8; i++)
          await logActivity(
            trx,
            { id: null, label: 'plan test', role: 'admin' },
            {
              type: 'call',
              occurredAt: new Date(),
              providerNpis: [NPIS[i % 2]!],
            },
          );
        const plans = await sql<{ generic_plans: number; custom_plans: number }>`
          select generic_plans, custom_plans from pg_prepared_statements
          where statement like ${`${PREPARED}%`} and statement like '%insert into activities%'`.execute(trx);
        // PostgreSQL plans the first five executions for their values, then only uses the generic
        // plan (this connection may have logged visits before: counts are cumulative).
        expect(plans.rows).toHaveLength(1);
        expect(Number(plans.rows[0]!.custom_plans)).toBe(5);
        expect(Number(plans.rows[0]!.generic_plans)).toBeGreaterThanOrEqual(3);
        throw new Error('roll back');
      })
      .catch((e: Error) => expect(e.message).toBe('roll back'));
  });

  it("a provider's last visit follows edits, deletes, restores and attendee changes of their activities", async () => {
    const actor = { id: null, label: 'visit test', role: 'admin' as const };
    const [A, B] = [NPIS[0], NPIS[1]];
    const last = async (npi: string) => {
      const v = (await getRelationship(database.db, npi))!.last_visit;
      return v ? new Date(v).toISOString() : null;
    };
    const visit = await logActivity(database.db, actor, {
      type: 'in_person_visit',
      occurredAt: '2027-01-10T15:00:00Z',
      providerNpis: [A],
    });
    expect(await last(A)).toBe('2027-01-10T15:00:00.000Z');
    // a later call is not a visit
    const call = await logActivity(database.db, actor, {
      type: 'call',
      occurredAt: '2027-02-10T15:00:00Z',
      providerNpis: [A],
    });
    expect(await last(A)).toBe('2027-01-10T15:00:00.000Z');
    // ... until it is re-typed as a drop-in
    const dropIn = await updateActivity(database.db, actor, call.id, call.version, { type: 'drop_in' });
    expect(await last(A)).toBe('2027-02-10T15:00:00.000Z');
    // deleted: the earlier visit is the last again; restored: back
    await deleteActivity(database.db, actor, call.id, true, dropIn.version);
    expect(await last(A)).toBe('2027-01-10T15:00:00.000Z');
    await deleteActivity(database.db, actor, call.id, false, dropIn.version + 1);
    expect(await last(A)).toBe('2027-02-10T15:00:00.000Z');
    // moved to another provider (attendees rewritten): A keeps only its own visit
    const moved = (await getRelationship(database.db, B))!.last_visit;
    await updateActivity(database.db, actor, call.id, dropIn.version + 2, { providerNpis: [B] });
    expect(await last(A)).toBe('2027-01-10T15:00:00.000Z');
    expect(await last(B)).toBe('2027-02-10T15:00:00.000Z');
    expect(moved === null || new Date(moved) < new Date('2027-02-10T15:00:00Z')).toBe(true);
    // a visit's time moved later
    await updateActivity(database.db, actor, visit.id, visit.version, { occurredAt: '2027-03-01T09:00:00Z' });
    expect(await last(A)).toBe('2027-03-01T09:00:00.000Z');
  });
});
