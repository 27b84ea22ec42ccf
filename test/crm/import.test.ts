import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/commands/users';
import type { Database } from '../../src/db/connection';
import { importCrmFile } from '../../src/import/crm';
import { backends } from '../helpers/db';
import { seedDirectory } from './factories';

const fx = (f: string) => path.join(import.meta.dirname, 'fixtures', f);
const actor = { id: null, label: 'test-import', role: 'admin' as const };
const opts = { actor, timeZone: 'America/Chicago', today: '2026-04-01' };

describe.each(backends)('CRM spreadsheet importers on $name', ({ create }) => {
  let d: Database;
  beforeAll(async () => {
    d = await create();
    await seedDirectory(d.db);
    await d.db.updateTable('organizations').set({ npi: '1999999984' }).execute();
    await addUser(
      d.db,
      { id: null, label: 't' },
      {
        email: 'liaison1@demo.rounds.example',
        name: 'Liz',
        role: 'liaison',
        password: 'Correct-Horse-Battery-9',
      },
    );
  });
  afterAll(async () => d.close());

  it('contacts: a preview writes nothing; the import reports the two bad rows by line and imports the rest', async () => {
    const pre = await importCrmFile(d.db, 'contacts', fx('contacts.csv'), { ...opts, preview: true });
    expect(pre).toMatchObject({ preview: true, jobId: null, rows: 5, accepted: 3, rejected: 2 });
    expect(pre.mapping).toMatchObject({ organization_npi: 'organization_npi', name: 'name' });
    expect(await d.db.selectFrom('contacts').select('id').execute()).toHaveLength(0);
    const r = await importCrmFile(d.db, 'contacts', fx('contacts.csv'), opts);
    expect(r).toMatchObject({ inserted: 3, rejected: 2 });
    expect(r.errors).toEqual([
      { line: 4, field: 'role', reason: expect.stringContaining('"janitor" is not one of office_manager') },
      { line: 5, field: 'name', reason: 'is required (a full name, or last_name)' },
    ]);
    const job = await d.db
      .selectFrom('import_jobs')
      .selectAll()
      .where('id', '=', r.jobId!)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({
      kind: 'crm-contacts',
      status: 'succeeded',
      rows_read: 5,
      rows_inserted: 3,
      rows_rejected: 2,
    });
    const again = await importCrmFile(d.db, 'contacts', fx('contacts.csv'), opts);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
  });

  it('an XLSX with other headers maps by synonyms and explicit mapping', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Contacts');
    ws.addRow(['Practice', 'Contact Name', 'Position', 'E-mail', 'Fax']);
    ws.addRow(['Lakeside Family Practice', 'Reyes, Ana', 'Practice Administrator', 'ana@x.example', '1']);
    const file = '/tmp/crm-contacts-test.xlsx';
    await wb.xlsx.writeFile(file);
    const r = await importCrmFile(d.db, 'contacts', file, { ...opts, mapping: { Fax: '' } });
    expect(r.mapping).toMatchObject({
      Practice: 'organization_name',
      'Contact Name': 'name',
      Position: 'role',
      Fax: '',
    });
    expect(r).toMatchObject({ inserted: 1, rejected: 0 });
    const c = await d.db
      .selectFrom('contacts')
      .selectAll()
      .where('email', '=', 'ana@x.example')
      .executeTakeFirstOrThrow();
    expect(c).toMatchObject({ first_name: 'Ana', last_name: 'Reyes', role: 'practice_administrator' });
  });

  it('activities with attendees (local market time), then tasks, issues, relationships, spend, territories', async () => {
    const a = await importCrmFile(d.db, 'activities', fx('activities.csv'), opts);
    expect(a).toMatchObject({ inserted: 2, rejected: 1 });
    const fields = a.errors.filter((e) => e.line === 4).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['occurred_at', 'provider_npis', 'outcome', 'owner_email']),
    );
    const lunch = await d.db
      .selectFrom('activities')
      .selectAll()
      .where('external_id', '=', 'ACT-000001')
      .executeTakeFirstOrThrow();
    expect(lunch.occurred_at.toISOString()).toBe('2026-03-04T18:00:00.000Z'); // noon CST
    const att = await d.db
      .selectFrom('activity_attendees')
      .selectAll()
      .where('activity_id', '=', lunch.id)
      .execute();
    expect(att).toHaveLength(4);
    expect(await importCrmFile(d.db, 'tasks', fx('tasks.csv'), opts)).toMatchObject({
      inserted: 2,
      rejected: 0,
    });
    const iss = await importCrmFile(d.db, 'issues', fx('issues.csv'), opts);
    expect(iss).toMatchObject({ inserted: 2, rejected: 0 });
    expect(await importCrmFile(d.db, 'relationships', fx('relationships.csv'), opts)).toMatchObject({
      inserted: 2,
    });
    const sp = await importCrmFile(d.db, 'spend', fx('spend.csv'), opts);
    expect(sp).toMatchObject({ inserted: 3 });
    expect(await importCrmFile(d.db, 'spend', fx('spend.csv'), opts)).toMatchObject({
      inserted: 0,
      unchanged: 3,
    });
    expect(await importCrmFile(d.db, 'territories', fx('territories.csv'), opts)).toMatchObject({
      inserted: 2,
    });
    const t = await d.db.selectFrom('territory_assignments').selectAll().execute();
    expect(t).toHaveLength(2);
    // re-import of activities changes nothing and keeps attendees
    expect(await importCrmFile(d.db, 'activities', fx('activities.csv'), opts)).toMatchObject({
      inserted: 0,
      unchanged: 2,
    });
    expect(await d.db.selectFrom('activity_attendees').selectAll().execute()).toHaveLength(5);
  });

  it('refuses a file whose required columns are not mapped, naming them', async () => {
    await expect(
      importCrmFile(d.db, 'relationships', fx('spend.csv'), { ...opts, mapping: { provider_npi: '' } }),
    ).rejects.toThrow(/no column is mapped to the required field provider_npi/);
    await expect(
      importCrmFile(d.db, 'tasks', fx('tasks.csv'), { ...opts, mapping: { Nope: 'title' } }),
    ).rejects.toThrow(/mapping: the file has no column "Nope"/);
  });
});
