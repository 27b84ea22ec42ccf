// The trust CLI end to end on a PGlite data folder: tokens create/list/revoke, audit verify (exit 1
// naming the first tampered row), audit export (CSV/JSONL, itself audited).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../src/cli/commands/audit';
import { connectDatabase } from '../../src/db/connection';
import { rounds } from './cli';

describe('rounds tokens / audit CLI', () => {
  it('parses --from/--to and names the option when a date is wrong', () => {
    expect(parseWhen('2026-11-01', '--from')?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(parseWhen('2026-11-01T10:30:00+02:00', '--to')?.toISOString()).toBe('2026-11-01T08:30:00.000Z');
    expect(() => parseWhen('last tuesday', '--from')).toThrow('--from: "last tuesday" is not a date');
    expect(() => parseWhen('2026-13-45', '--to')).toThrow(/--to/);
  });

  it('works end to end and detects tampering', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rounds-cli-'));
    const env = { DATA_DIR: dir };
    const created = rounds(['tokens', 'create', '--name', 'EHR sync', '--role', 'analyst', '--json'], env);
    expect(created.code, created.stderr).toBe(0);
    const tok = JSON.parse(created.stdout);
    expect(tok.token).toMatch(/^rnd_/);
    const list = rounds(['tokens', 'list', '--json'], env);
    expect(JSON.parse(list.stdout)).toHaveLength(1);
    expect(list.stdout).not.toContain(tok.token);
    expect(rounds(['tokens', 'revoke', String(tok.id)], env).code).toBe(0);

    const ok = rounds(['audit', 'verify'], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Audit chain intact: 2 rows, head [0-9a-f]{64}/);
    const out = path.join(dir, 'audit.csv');
    expect(
      rounds(['audit', 'export', '--format', 'csv', '--out', out, '--from', '2000-01-01'], env).code,
    ).toBe(0);
    const csv = readFileSync(out, 'utf8').trim().split('\r\n');
    expect(csv).toHaveLength(4); // header + create + revoke + the export's own row (recorded first)
    expect(csv.slice(1).map((l) => l.split(',')[4])).toEqual(['create', 'revoke', 'export']);

    // Tamper with row 2 behind the trigger's back.
    const d = await connectDatabase({ dataDir: dir });
    await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(d.db);
    await sql`update audit_log set actor_label = 'someone-else' where id = 2`.execute(d.db);
    await d.close();
    const bad = rounds(['audit', 'verify'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /audit chain BROKEN at row 2 \(.* someone-else revoke api_token 1\): content does not match its hash/,
    );
    const badJson = rounds(['audit', 'verify', '--json'], env);
    expect(badJson.code).toBe(1);
    expect(JSON.parse(badJson.stdout)).toMatchObject({ ok: false, brokenAt: 2, rows: 1 });
  }, 240_000);
});
