// The audit chain is sealed after commit: writers insert content only (no lock between them), the
// sealer links committed rows in id order, and the trigger allows exactly that one update.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHash, recordAudit, sealAudit, verifyAuditChain } from '../../src/db/audit';
import type { Database } from '../../src/db/connection';
import { backends } from '../helpers/db';

const GENESIS = '0'.repeat(64);

describe.each(backends)('audit sealing on $name', ({ name, create }) => {
  let database: Database;
  beforeAll(async () => {
    database = await create();
  });
  afterAll(async () => {
    await database.close();
  });

  it('leaves new rows unsealed until the sealer links them, in id order, from the genesis hash', async () => {
    for (const n of [1, 2, 3])
      await recordAudit(database.db, { actorLabel: 'seed', action: 'update', entity: 'thing', entityId: n });
    const before = await database.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(before.map((r) => [r.seq, r.hash])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(await sealAudit(database.db)).toBe(3);
    expect(await sealAudit(database.db)).toBe(0);
    const rows = await database.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    // The hash of each row is worked out here from its stored content and the previous hash.
    let prev = GENESIS;
    for (const r of rows) {
      const h = auditHash(prev, {
        at: new Date(r.at).toISOString(),
        actor_label: 'seed',
        action: 'update',
        entity: 'thing',
        entity_id: r.entity_id,
        ip: null,
        detail: null,
      });
      expect([r.prev_hash, r.hash]).toEqual([prev, h]);
      prev = h;
    }
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, rows: 3, head: prev });
  });

  it('refuses to edit an unsealed row, to seal with changed content, and to re-seal', async () => {
    await recordAudit(database.db, { actorLabel: 'seed', action: 'create', entity: 'thing', entityId: 9 });
    const { id } = await database.db
      .selectFrom('audit_log')
      .select('id')
      .where('seq', 'is', null)
      .executeTakeFirstOrThrow();
    await expect(
      sql`update audit_log set actor_label = 'x' where id = ${id}`.execute(database.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`update audit_log set actor_label = 'x', seq = 99, prev_hash = 'a', hash = 'b' where id = ${id}`.execute(
        database.db,
      ),
    ).rejects.toThrow(/append-only/);
    expect(await sealAudit(database.db)).toBe(1);
    await expect(
      sql`update audit_log set seq = 100, prev_hash = 'a', hash = 'b' where id = ${id}`.execute(database.db),
    ).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it.runIf(name === 'postgres')(
    'lets concurrent writers commit without waiting on each other; the sealed chain verifies',
    async () => {
      // 8 transactions each hold their audit row open for 300 ms. With one lock between writers
      // (the old chain) they would take ≥ 2.4 s in turn; here they overlap.
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          database.db.transaction().execute(async (trx) => {
            await recordAudit(trx, {
              actorLabel: `w${i}`,
              action: 'create',
              entity: 'thing',
              entityId: 100 + i,
            });
            await sql`select pg_sleep(0.3)`.execute(trx);
          }),
        ),
      );
      expect(performance.now() - t0).toBeLessThan(2000);
      expect(await sealAudit(database.db)).toBe(8);
      const v = await verifyAuditChain(database.db);
      expect(v).toMatchObject({ ok: true, rows: 12 });
      const seqs = (await database.db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map(
        (r) => r.seq,
      );
      expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    },
  );

  it.runIf(name === 'postgres')(
    'seals a row committed after a later id was sealed, at the end of the chain',
    async () => {
      // Transaction A takes an id first but commits last.
      let release!: () => void;
      const held = new Promise<void>((r) => {
        release = r;
      });
      const a = database.db.transaction().execute(async (trx) => {
        await recordAudit(trx, { actorLabel: 'slow', action: 'create', entity: 'thing', entityId: 'a' });
        await held;
      });
      await new Promise((r) => setTimeout(r, 100));
      await recordAudit(database.db, {
        actorLabel: 'fast',
        action: 'create',
        entity: 'thing',
        entityId: 'b',
      });
      expect(await sealAudit(database.db)).toBe(1);
      release();
      await a;
      expect(await sealAudit(database.db)).toBe(1);
      const tail = await database.db
        .selectFrom('audit_log')
        .select(['actor_label', 'seq', 'id'])
        .orderBy('seq', 'desc')
        .limit(2)
        .execute();
      expect(tail.map((r) => r.actor_label)).toEqual(['slow', 'fast']);
      expect(tail[0]!.id).toBeLessThan(tail[1]!.id);
      expect((await verifyAuditChain(database.db)).ok).toBe(true);
    },
  );
});
