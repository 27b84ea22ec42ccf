// Dashboards journey on the empty server: seed two physicians, a visit and a team goal through the
// API, then open Today, Team, Market overview and Goals, and download each one's PDF and XLSX — the
// files must be a real PDF and a real workbook (opened with ExcelJS) carrying the panels' sheets.
import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { npiCheckDigit } from '../src/core/npi';
import { expect, signIn, test } from './fixtures';
import { EMPTY_USERS } from './servers';

const admin = EMPTY_USERS.admin;
const tag = Math.random().toString(36).slice(2, 7);
const randomNpi = () => {
  const first9 = `1${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  return first9 + npiCheckDigit(first9);
};
const today = new Date().toISOString().slice(0, 10);
const monthStart = `${today.slice(0, 7)}-01`;
const monthEnd = (() => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
})();

async function csrf(page: Page) {
  return ((await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
}

async function post(page: Page, url: string, data: unknown) {
  const res = await page.request.post(url, { data, headers: { 'x-csrf-token': await csrf(page) } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

async function seed(page: Page) {
  const npis = [randomNpi(), randomNpi()];
  const header =
    'NPI,Entity Type Code,Provider Last Name (Legal Name),Provider First Name,Provider Credential Text,Provider Organization Name (Legal Business Name),Provider Business Practice Location Address City Name,Provider Business Practice Location Address State Name,Provider Business Practice Location Address Postal Code,Healthcare Provider Taxonomy Code_1,Healthcare Provider Primary Taxonomy Switch_1';
  const rows = npis.map(
    (n, i) => `${n},1,Dash${tag},${['Cleo', 'Dmitri'][i]},MD,,Nashville,TN,37203,207RC0000X,Y`,
  );
  const up = await page.request.post('/api/admin/imports/nppes', {
    headers: { 'x-csrf-token': await csrf(page) },
    multipart: {
      wait: 'true',
      file: {
        name: 'npidata_pfile_dash.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`${header}\n${rows.join('\n')}\n`),
      },
    },
  });
  expect(up.status(), await up.text()).toBeLessThan(300);
  await post(page, '/api/activities', {
    type: 'drop_in',
    providerNpis: npis,
    occurredAt: new Date().toISOString(),
  });
  const me = (await (await page.request.get('/api/auth/me')).json()) as { user: { id: number } };
  // A team goal owned by the admin (admins and managers own team goals): visits this month.
  const goal = await page.request.post('/api/goals', {
    data: {
      scope: 'team',
      ownerId: me.user.id,
      metric: 'visits',
      periodStart: monthStart,
      periodEnd: monthEnd,
      target: 40,
    },
    headers: { 'x-csrf-token': await csrf(page) },
  });
  expect([201, 409], await goal.text()).toContain(goal.status()); // 409: an earlier run set it
}

async function saved(download: Download) {
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  return readFile(path);
}

async function expectPdf(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-pdf').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = await saved(download);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.subarray(-1024).toString('latin1')).toContain('%%EOF');
}

async function expectXlsx(page: Page, sheet: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-xlsx').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await saved(download)) as unknown as ArrayBuffer);
  const names = wb.worksheets.map((w) => w.name);
  expect(names).toContain('About');
  expect(names).toContain(sheet);
  return wb;
}

test('open each dashboard and download its PDF and XLSX', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, admin.email, admin.password);
  await seed(page);

  await page.goto('/today');
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  // the goal ring shows the visit logged above against the target of 40
  await expect(page.getByRole('link', { name: /Visits: \d+ of 40/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Follow-ups due' })).toBeVisible();
  await expectPdf(page);
  await expectXlsx(page, 'today-route');

  await page.goto('/team');
  await expect(page.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Leaderboard' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Activity by type' })).toContainText('Ada Admin');
  await expectPdf(page);
  const team = await expectXlsx(page, 'team-activity-heatmap');
  const heat = team.getWorksheet('team-activity-heatmap')!;
  expect(heat.getRow(2).getCell(1).value).toBe('Ada Admin');

  await page.goto('/executive');
  await expect(page.getByRole('heading', { name: 'Market overview', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: /Share to our network/ })).toBeVisible();
  await expectPdf(page);
  await expectXlsx(page, 'exec-share-trend');

  await page.goto('/goals');
  await expect(page.getByRole('heading', { name: 'Goals', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: /Goals active on/ })).toContainText('Visits');
  await expectPdf(page);
  const goals = await expectXlsx(page, 'goals');
  const header = goals.getWorksheet('goals')!.getRow(1).values as string[];
  expect(header).toContain('Target');

  // one panel on its own, as CSV, from the panel's own button
  await page.goto('/today');
  const followUps = page.getByRole('region', { name: 'Follow-ups due' });
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    followUps.getByRole('link', { name: 'CSV' }).click(),
  ]);
  expect((await saved(csv)).toString('utf8').split('\n')[0]).toBe('Task,Physician,Due,Days overdue');
});
