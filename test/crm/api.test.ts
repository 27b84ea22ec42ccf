import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection';
import type { App } from '../../src/server/context';
import { type Client, clientFor, createTestApp } from '../helpers/app';
import { backends } from '../helpers/db';
import { NPIS, seedDirectory } from './factories';

describe.each(backends)(
  'issues, spend, territories, relationships, import and export APIs on $name',
  ({ create }) => {
    let database: Database;
    let app: App;
    let liaison: Client;
    let manager: Client;
    let analyst: Client;
    let orgId: number;

    beforeAll(async () => {
      database = await create();
      app = await createTestApp(database);
      ({ orgId } = await seedDirectory(database.db));
      liaison = await clientFor(app, database, 'liaison');
      manager = await clientFor(app, database, 'manager');
      analyst = await clientFor(app, database, 'analyst');
    });
    afterAll(async () => {
      await app.close();
      await database.close();
    });

    it('physician issue: report, refuse resolving without a resolution, resolve, days open, aging', async () => {
      const r = await liaison.request('POST', '/api/issues', {
        providerNpi: NPIS[0],
        category: 'access',
        title: 'MRI wait',
        openedOn: '2026-01-01',
      });
      expect(r.statusCode, r.body).toBe(201);
      const old = await liaison.request('POST', '/api/issues', {
        organizationId: orgId,
        category: 'billing',
        title: 'Statement errors',
      });
      expect(old.statusCode).toBe(201);
      const aging = (await analyst.request('GET', '/api/issues/aging')).json();
      expect(aging.buckets['0-7']).toEqual({ count: 1, ids: [old.json().id] });
      expect(aging.buckets['90+'].ids).toContain(r.json().id); // opened 2026-01-01
      const id = r.json().id;
      const bad = await liaison.request('PATCH', `/api/issues/${id}`, { version: 1, status: 'resolved' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().detail).toMatch(/^resolution:/);
      const ok = await liaison.request('PATCH', `/api/issues/${id}`, {
        version: 1,
        status: 'resolved',
        resolution: 'Saturday slots added',
        resolvedOn: '2026-01-11',
      });
      expect(ok.statusCode, ok.body).toBe(200);
      const got = (await analyst.request('GET', `/api/issues/${id}`)).json();
      expect(got).toMatchObject({ status: 'resolved', days_open: 10, resolved_on: '2026-01-11' });
      expect(
        (await analyst.request('PATCH', `/api/issues/${id}`, { version: 2, title: 'x' })).statusCode,
      ).toBe(403);
    });

    it('spend log warns near the configurable annual limit', async () => {
      expect((await liaison.request('PUT', '/api/spend/limits', { limitUsd: 100 })).statusCode).toBe(403);
      expect((await analyst.request('GET', '/api/spend/limits')).json()).toEqual({
        limitUsd: 519,
        warningRatio: 0.8,
      });
      const admin = await clientFor(app, database, 'admin');
      expect((await admin.request('PUT', '/api/spend/limits', { limitUsd: 100 })).json().limitUsd).toBe(100);
      const a = await liaison.request('POST', '/api/spend', {
        providerNpi: NPIS[1],
        spentOn: '2026-03-01',
        category: 'meal',
        amountUsd: 45.5,
      });
      expect(a.json().status).toMatchObject({ level: 'ok', totalUsd: 45.5 });
      const b = await liaison.request('POST', '/api/spend', {
        providerNpi: NPIS[1],
        spentOn: '2026-06-01',
        category: 'gift',
        amountUsd: 35,
      });
      expect(b.json().status).toMatchObject({ level: 'near', totalUsd: 80.5, remainingUsd: 19.5 });
      expect(b.json().status.message).toBe('Near the annual limit: $80.50 of $100.00 ($19.50 left)');
      const other = await liaison.request('POST', '/api/spend', {
        providerNpi: NPIS[1],
        spentOn: '2025-06-01',
        category: 'gift',
        amountUsd: 90,
      });
      expect(other.json().status).toMatchObject({ year: 2025, level: 'near', totalUsd: 90 });
    });

    it('territories by ZIP/county scope a liaison’s default provider view; overdue from the last in-person visit', async () => {
      const t = await manager.request('POST', '/api/territories', {
        name: 'Seattle core',
        zips: ['98101-1234'],
        counties: ['53053'],
        assigneeIds: [liaison.userId],
      });
      expect(t.statusCode, t.body).toBe(201);
      expect(t.json()).toMatchObject({ zips: ['98101'], counties: ['53053'] });
      expect((await liaison.request('POST', '/api/territories', { name: 'mine' })).statusCode).toBe(403);
      const bad = await manager.request('POST', '/api/territories', { name: 'bad', zips: ['981'] });
      expect(bad.json().detail).toMatch(/not a 5-digit ZIP or county FIPS: zip 981/);
      const inT = (await liaison.request('GET', '/api/relationships?scope=territory'))
        .json()
        .items.map((r: { npi: string }) => r.npi);
      expect(inT.sort()).toEqual([NPIS[0], NPIS[2]]); // 98101 by ZIP, 98402 by county 53053
      // relationship fields: first edit at version 0, monthly visits, a visit 40 days ago → overdue by 10
      const p = await liaison.request('PATCH', `/api/relationships/${NPIS[0]}`, {
        version: 0,
        tier: 'A',
        visitFrequency: 'monthly',
        ownerId: liaison.userId,
      });
      expect(p.statusCode, p.body).toBe(200);
      const forty = new Date(Date.now() - 40 * 86_400_000).toISOString();
      await liaison.request('POST', '/api/activities', {
        type: 'drop_in',
        occurredAt: forty,
        providerNpis: [NPIS[0]],
      });
      await liaison.request('POST', '/api/activities', { type: 'call', providerNpis: [NPIS[0]] }); // a call is not a visit
      const rel = (await liaison.request('GET', `/api/relationships/${NPIS[0]}`)).json();
      expect(rel.visit).toMatchObject({ overdue: true, daysOverdue: 10, lastVisit: forty.slice(0, 10) });
      const found = (await analyst.request('GET', '/api/relationships?scope=all&q=ana%20alva')).json().items;
      expect(found.map((r: { npi: string }) => r.npi)).toEqual([NPIS[0]]);
      const mine = (await liaison.request('GET', '/api/relationships?overdue=true')).json();
      expect(mine.scope).toBe('mine');
      expect(mine.items.map((r: { npi: string }) => r.npi)).toEqual([NPIS[0]]);
    });

    it('imports a contacts spreadsheet by upload: preview, then import with two bad rows reported', async () => {
      await database.db.updateTable('organizations').set({ npi: '1999999984' }).execute();
      const csv = readFileSync(path.join(import.meta.dirname, 'fixtures', 'contacts.csv'));
      const form = (preview: boolean) => {
        const f = new FormData();
        f.append('preview', String(preview));
        f.append('mapping', JSON.stringify({ notes: 'notes' }));
        f.append('file', new Blob([csv]), 'contacts.csv');
        return f;
      };
      const pre = await liaison.request('POST', '/api/crm-import/contacts', form(true));
      expect(pre.statusCode, pre.body).toBe(200);
      expect(pre.json()).toMatchObject({ preview: true, accepted: 3, rejected: 2 });
      const imp = await liaison.request('POST', '/api/crm-import/contacts', form(false));
      expect(imp.json()).toMatchObject({ preview: false, inserted: 3, rejected: 2 });
      expect(imp.json().errors.map((e: { line: number }) => e.line)).toEqual([4, 5]);
      expect((await analyst.request('POST', '/api/crm-import/contacts', form(true))).statusCode).toBe(403);
      expect((await liaison.request('POST', '/api/crm-import/territories', form(true))).statusCode).toBe(403);
    });

    it('exports lists to CSV and XLSX, audited, with formula-looking cells neutralised', async () => {
      await liaison.request('POST', '/api/tasks', { title: '=HYPERLINK("http://x")', dueOn: '2026-01-02' });
      const csv = await analyst.request('GET', '/api/crm-export/tasks?scope=all');
      expect(csv.statusCode, csv.body).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.body.split('\n')[0]).toBe(
        'id,title,owner,due_date,status,overdue,days_overdue,provider_npi,provider,organization,activity_id',
      );
      expect(csv.body).toContain(`"'=HYPERLINK(""http://x"")"`);
      const x = await analyst.request('GET', '/api/crm-export/contacts?format=xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets[0]!.rowCount).toBe(4); // header + 3 imported contacts
      const audits = await database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'export')
        .execute();
      expect(audits.map((a) => a.entity).sort()).toEqual(['contacts', 'tasks']);
    });
  },
);
