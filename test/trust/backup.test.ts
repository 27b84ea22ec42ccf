// Backups round-trip on both backends through the real CLI: per-table row counts and checksums
// match after `rounds backup` → damage → `rounds restore`; bad files are refused without damage;
// the scheduler lets exactly one of several processes take a due backup; retention prunes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { tableChecksums } from '../../src/commands/backupChecksums';
import { claimScheduledBackup, pruneBackups } from '../../src/commands/backupSchedule';
import { addUser } from '../../src/commands/users';
import { recordAudit, verifyAuditChain } from '../../src/db/audit';
import { connectDatabase, type Database } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
import { backends } from '../helpers/db';
import { rounds } from './cli';

const IGNORED = new Set(['audit_log', 'backup_runs']); // both legitimately grow by the backup/restore itself

async function seed(database: Database) {
  for (let i = 0; i < 3; i++)
    await addUser(
      database.db,
      { id: null, label: 'seed' },
      {
        email: `u${i}@x.example`,
        name: `Ünïcode O'Name ${i}`,
        role: 'liaison',
        password: 'Correct-Horse-Battery-9',
      },
    );
  await recordAudit(database.db, {
    actorLabel: 'seed',
    action: 'update',
    detail: { before: { a: 1 }, after: { a: 2, s: 'ß' } },
  });
}
const comparable = (s: Record<string, { rows: number; md5: string }>) =>
  Object.fromEntries(Object.entries(s).filter(([k]) => !IGNORED.has(k)));

describe.each(backends)('backup and restore on $name', ({ name, create }) => {
  it('round-trips: same row counts and checksums per table, audit chain intact', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rounds-backup-'));
    const file = path.join(dir, name === 'postgres' ? 'b.dump' : 'b.tar.gz');
    let env: Record<string, string>;
    let open: () => Promise<Database>;
    let cleanup = async () => {};
    if (name === 'postgres') {
      const d = await create();
      const url = (d.pool.options as { connectionString: string }).connectionString;
      env = { DATABASE_URL: url };
      open = () => connectDatabase({ databaseUrl: url, poolSize: 1 });
      await seed(d);
      cleanup = () => d.close();
    } else {
      env = { DATA_DIR: dir };
      open = () => connectDatabase({ dataDir: dir });
      const d = await open();
      await migrateToLatest(d.db);
      await seed(d);
      await d.close();
    }
    try {
      const b = rounds(['backup', file, '--json'], env);
      expect(b.code, b.stderr).toBe(0);
      expect(JSON.parse(b.stdout)).toMatchObject({ kind: name, auditOk: true });
      let d = await open();
      const before = await tableChecksums(d.db);
      const auditBefore = before.audit_log!.rows;
      expect(before.users!.rows).toBe(3);
      // Damage after the backup: delete a user, add another, change one.
      await d.db.deleteFrom('users').where('email', '=', 'u0@x.example').execute();
      await d.db.updateTable('users').set({ name: 'changed' }).where('email', '=', 'u1@x.example').execute();
      await sql`insert into users (email, name, role) values ('late@x.example', 'Late', 'analyst')`.execute(
        d.db,
      );
      expect(comparable(await tableChecksums(d.db))).not.toEqual(comparable(before));
      await d.close();

      const r = rounds(['restore', file, '--yes', '--json'], env);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ kind: name, auditOk: true, auditRows: auditBefore });
      d = await open();
      const after = await tableChecksums(d.db);
      expect(comparable(after)).toEqual(comparable(before));
      expect(after.audit_log!.rows).toBe(auditBefore + 1); // + the 'restore' row
      expect(await verifyAuditChain(d.db)).toMatchObject({ ok: true, rows: auditBefore + 1 });
      await d.close();

      // Refusals leave the data untouched: no confirmation, wrong kind, garbage, truncated archive.
      const noYes = rounds(['restore', file], env, '');
      expect(noYes.code).toBe(1);
      expect(noYes.stderr).toMatch(/add --yes/);
      const garbage = path.join(dir, 'garbage.bin');
      writeFileSync(garbage, 'hello');
      expect(rounds(['restore', garbage, '--yes'], env).stderr).toMatch(/not a Rounds backup/);
      const wrongKind = path.join(dir, 'wrong');
      writeFileSync(wrongKind, name === 'postgres' ? Buffer.from([0x1f, 0x8b, 8, 0]) : 'PGDMP....');
      expect(rounds(['restore', wrongKind, '--yes'], env).stderr).toMatch(
        /is a (pglite|postgres) backup but/,
      );
      if (name === 'postgres') {
        const truncated = path.join(dir, 'truncated.dump');
        const { readFileSync } = await import('node:fs');
        const full = readFileSync(file);
        writeFileSync(truncated, full.subarray(0, Math.floor(full.length * 0.6)));
        const t = rounds(['restore', truncated, '--yes'], env);
        expect(t.code).toBe(1);
        expect(t.stderr).toMatch(/nothing was changed/);
      }
      d = await open();
      expect(comparable(await tableChecksums(d.db))).toEqual(comparable(before));
      await d.close();
    } finally {
      await cleanup();
    }
  }, 240_000);

  it('lets exactly one of several processes claim a due scheduled backup', async () => {
    const d = await create();
    try {
      const claims = await Promise.all(
        [1, 2, 3, 4].map(() => claimScheduledBackup(d, 24, 'rounds-20261127T000000Z.dump')),
      );
      expect(claims.filter((c) => c !== null)).toHaveLength(1);
      // Still running → nobody else claims; once it succeeded it is not due for another interval.
      expect(await claimScheduledBackup(d, 24, 'x')).toBeNull();
      await d.db.updateTable('backup_runs').set({ status: 'succeeded' }).execute();
      expect(await claimScheduledBackup(d, 24, 'x')).toBeNull();
      await d.db
        .updateTable('backup_runs')
        .set({ started_at: new Date(Date.now() - 25 * 3600_000) })
        .execute();
      expect(await claimScheduledBackup(d, 24, 'x')).not.toBeNull();
    } finally {
      await d.close();
    }
  });
});

describe('retention', () => {
  it('keeps the newest N Rounds backups and nothing else is touched', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rounds-prune-'));
    await mkdir(dir, { recursive: true });
    const names = [
      'rounds-20261101T000000Z.dump',
      'rounds-20261103T000000Z.dump',
      'rounds-20261102T000000Z.tar.gz',
      'rounds-20261104T000000Z.dump',
      'notes.txt',
    ];
    for (const n of names) await writeFile(path.join(dir, n), 'x');
    const pruned = await pruneBackups(dir, 2);
    expect(pruned).toEqual(['rounds-20261101T000000Z.dump', 'rounds-20261102T000000Z.tar.gz']);
    expect((await readdir(dir)).sort()).toEqual([
      'notes.txt',
      'rounds-20261103T000000Z.dump',
      'rounds-20261104T000000Z.dump',
    ]);
  });
});
