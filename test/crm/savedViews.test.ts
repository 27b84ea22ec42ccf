// Saved views API on both backends: a liaison (A) and an analyst (B) save views of the list pages;
// each sees their own and the other's shared ones, never the other's private ones.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';

type View = {
  id: number;
  page: string;
  name: string;
  query: string;
  shared: boolean;
  mine: boolean;
  ownerName: string;
  updatedAt: string;
};

describe.each(backends)('saved views API on $name', ({ create }) => {
  let database: Database;
  let app: App;
  let a: Client; // liaison, "Test liaison"
  let b: Client; // analyst, "Test analyst"
  let admin: Client;
  const ids: Record<string, number> = {};

  const list = async (c: Client, page?: string) => {
    const res = await c.request('GET', `/api/saved-views${page ? `?page=${page}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as View[];
  };
  const names = (items: View[]) => items.map((v) => `${v.page}/${v.name}${v.mine ? ' (mine)' : ''}`);
  const auditOf = (id: number) =>
    database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'detail'])
      .where('entity', '=', 'saved_view')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    database = await create();
    app = await createTestApp(database);
    a = await clientFor(app, database, 'liaison');
    b = await clientFor(app, database, 'analyst');
    admin = await clientFor(app, database, 'admin');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('saves views with the query normalized: empty values dropped, keys sorted', async () => {
    const res = await a.request('POST', '/api/saved-views', {
      page: 'providers',
      name: '  My A-tier overdue in Rutherford ',
      query: '?zip=&tier=A&county=Rutherford&overdue=true&q=',
      shared: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json() as View;
    expect(v).toMatchObject({
      page: 'providers',
      name: 'My A-tier overdue in Rutherford',
      query: 'county=Rutherford&overdue=true&tier=A',
      shared: true,
      mine: true,
      ownerName: 'Test liaison',
    });
    expect(Number.isNaN(Date.parse(v.updatedAt))).toBe(false);
    ids.rutherford = v.id;

    const more = [
      [a, { page: 'providers', name: 'Cardiology', query: 'line=cardiology' }, 'cardiology'],
      [a, { page: 'organizations', name: 'Big groups', query: 'minSize=10', shared: true }, 'groups'],
      [b, { page: 'providers', name: 'Zebra', query: 'q=zebra&page=' }, 'zebra'],
    ] as const;
    for (const [c, body, key] of more) {
      const r = await c.request('POST', '/api/saved-views', body);
      expect(r.statusCode, r.body).toBe(201);
      ids[key] = r.json().id;
    }
    const cardiology = (await list(a, 'providers')).find((x) => x.id === ids.cardiology)!;
    expect(cardiology).toMatchObject({ shared: false, query: 'line=cardiology' });
    const zebra = (await list(b, 'providers')).find((x) => x.id === ids.zebra)!;
    expect(zebra.query).toBe('q=zebra');
  });

  it('lists mine first, then others’ shared views by name; never another user’s private view', async () => {
    // B: its own Zebra first, then A's shared view ("My…" < "Zebra" by name, but mine come first)
    const bs = await list(b, 'providers');
    expect(names(bs)).toEqual(['providers/Zebra (mine)', 'providers/My A-tier overdue in Rutherford']);
    expect(bs[1]).toMatchObject({ id: ids.rutherford, mine: false, shared: true, ownerName: 'Test liaison' });
    // A: both own provider views by name; B's Zebra is private
    expect(names(await list(a, 'providers'))).toEqual([
      'providers/Cardiology (mine)',
      'providers/My A-tier overdue in Rutherford (mine)',
    ]);
    // without a page: every page, mine first
    expect(names(await list(b))).toEqual([
      'providers/Zebra (mine)',
      'organizations/Big groups',
      'providers/My A-tier overdue in Rutherford',
    ]);
    expect(names(await list(b, 'organizations'))).toEqual(['organizations/Big groups']);
  });

  it('another user cannot delete a shared view (403) and it stays; an unknown id is 404', async () => {
    const res = await b.request('DELETE', `/api/saved-views/${ids.rutherford}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe(
      `saved view ${ids.rutherford} belongs to another user; only its owner or an admin may delete it`,
    );
    expect((await list(a, 'providers')).map((v) => v.id)).toContain(ids.rutherford);
    const gone = await b.request('DELETE', '/api/saved-views/999999');
    expect(gone.statusCode).toBe(404);
    expect(gone.json().detail).toBe('saved view 999999 not found');
  });

  it('saving an existing name (any capitals) replaces its query: 200, same id, one row', async () => {
    const res = await a.request('POST', '/api/saved-views', {
      page: 'providers',
      name: 'my a-tier overdue in rutherford',
      query: 'tier=A&tier=B&county=Rutherford&zip=',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: ids.rutherford,
      name: 'my a-tier overdue in rutherford', // the new spelling
      query: 'county=Rutherford&tier=A&tier=B', // repeated key keeps its order
      shared: true, // kept: not given
    });
    const rows = await database.db
      .selectFrom('saved_views')
      .select(['id', 'query'])
      .where('user_id', '=', a.userId)
      .where('page', '=', 'providers')
      .where(sql`lower(name)`, '=', 'my a-tier overdue in rutherford')
      .execute();
    expect(rows).toEqual([{ id: ids.rutherford, query: 'county=Rutherford&tier=A&tier=B' }]);
    // the same name on another page, or by another user, is another view
    const other = await b.request('POST', '/api/saved-views', {
      page: 'providers',
      name: 'My A-tier overdue in Rutherford',
      query: 'tier=A',
    });
    expect(other.statusCode).toBe(201);
    expect(other.json().id).not.toBe(ids.rutherford);
    ids.bCopy = other.json().id;
    // unsharing by re-saving with shared: false
    const unshare = await a.request('POST', '/api/saved-views', {
      page: 'providers',
      name: 'My A-tier overdue in Rutherford',
      query: 'tier=A&tier=B&county=Rutherford',
      shared: false,
    });
    expect(unshare.statusCode).toBe(200);
    expect(unshare.json()).toMatchObject({ id: ids.rutherford, shared: false });
    expect((await list(b, 'providers')).map((v) => v.id)).not.toContain(ids.rutherford);
  });

  it('writes are audited with the query before and after', async () => {
    const rows = await auditOf(ids.rutherford);
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'update']);
    expect(rows.every((r) => r.actor_user_id === a.userId)).toBe(true);
    expect(rows[0]!.detail).toEqual({
      after: {
        page: 'providers',
        name: 'My A-tier overdue in Rutherford',
        query: 'county=Rutherford&overdue=true&tier=A',
        shared: true,
      },
    });
    expect(rows[1]!.detail).toEqual({
      before: {
        name: 'My A-tier overdue in Rutherford',
        query: 'county=Rutherford&overdue=true&tier=A',
        shared: true,
      },
      after: {
        name: 'my a-tier overdue in rutherford',
        query: 'county=Rutherford&tier=A&tier=B',
        shared: true,
      },
    });
  });

  it('bad input gets a 400 naming the field', async () => {
    const bad = async (body: unknown, field: RegExp) => {
      const res = await a.request('POST', '/api/saved-views', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().detail).toMatch(field);
    };
    await bad({ page: 'referrals', name: 'x', query: '' }, /^body\.page:/);
    await bad({ page: 'providers', name: '   ', query: '' }, /^body\.name:/);
    await bad({ page: 'providers', name: 'x'.repeat(81), query: '' }, /^body\.name:/);
    await bad({ page: 'providers', name: 'x', query: `q=${'a'.repeat(1999)}` }, /^body\.query:/);
    await bad({ page: 'providers', name: 'x', query: '', owner: 3 }, /^body\.owner: Unrecognized key/);
    await bad({ page: 'providers', name: 'x' }, /^body\.query:/);
    // short enough as sent, too long once percent-encoded
    await bad(
      { page: 'providers', name: 'x', query: `q=${'é'.repeat(1000)}` },
      /^query: must be at most 2000 characters once normalized$/,
    );
    const q = await a.request('GET', '/api/saved-views?page=referrals');
    expect(q.statusCode).toBe(400);
    expect(q.json().detail).toMatch(/^querystring\.page:/);
    expect(
      await database.db.selectFrom('saved_views').select('name').where('name', '=', 'x').execute(),
    ).toEqual([]);
  });

  it('the owner deletes their view (204), an admin deletes anyone’s; both audited', async () => {
    const own = await a.request('DELETE', `/api/saved-views/${ids.cardiology}`);
    expect(own.statusCode).toBe(204);
    expect(own.body).toBe('');
    const byAdmin = await admin.request('DELETE', `/api/saved-views/${ids.zebra}`);
    expect(byAdmin.statusCode).toBe(204);
    // (its spelling is the last save's)
    expect(names(await list(a, 'providers'))).toEqual(['providers/My A-tier overdue in Rutherford (mine)']);
    expect(names(await list(b, 'providers'))).toEqual(['providers/My A-tier overdue in Rutherford (mine)']);
    expect((await a.request('DELETE', `/api/saved-views/${ids.cardiology}`)).statusCode).toBe(404);
    const [del] = await auditOf(ids.zebra).then((r) => r.filter((x) => x.action === 'delete'));
    expect(del).toMatchObject({
      actor_user_id: admin.userId,
      detail: {
        before: { userId: b.userId, page: 'providers', name: 'Zebra', query: 'q=zebra', shared: false },
      },
    });
    expect((await auditOf(ids.cardiology)).map((r) => r.action)).toEqual(['create', 'delete']);
  });

  it('a user’s views go with the user', async () => {
    await database.db.deleteFrom('users').where('id', '=', b.userId).execute();
    const left = await database.db
      .selectFrom('saved_views')
      .select('id')
      .where('user_id', '=', b.userId)
      .execute();
    expect(left).toEqual([]);
  });
});
