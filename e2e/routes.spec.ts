// Journey: plan a ~20-stop day, pin a stop, re-plan, export the day as ICS. Runs on the empty server: the
// market is seeded through the real importers (organizations.csv + locations.csv uploads, SYNTHETIC offices
// in downtown Nashville) and the offices are handed to the planner the way "Add to route" links do.
import type { Page } from '@playwright/test';
import { npiCheckDigit } from '../src/demo/npi';
import { expect, signIn, test } from './fixtures';
import {
  choosePlace,
  closedDayOffersNext,
  exportIcsMatches,
  moveStop,
  planMyDay,
  replanKeepsPin,
  weekShows,
} from './routeSteps';
import { EMPTY_USERS } from './servers';

const N = 20;
const npi = (i: number) => {
  const first9 = `19${String(5000000 + i).padStart(7, '0')}`;
  return `${first9}${npiCheckDigit(first9)}`;
};

function marketCsv() {
  const orgs = ['npi,name,type,network_status,parent_npi,facility_code,service_lines'];
  const locs = [
    'location_id,organization_npi,name,address_line1,city,state,zip,county_fips,lat,lon,phone,hours,visit_rules',
  ];
  for (let i = 0; i < N; i++) {
    const a = (2 * Math.PI * i) / N;
    const r = 0.008 + (0.012 * ((i * 3) % 4)) / 4; // 1–2.5 km around downtown
    const lat = (36.1627 + r * Math.cos(a)).toFixed(6);
    const lon = (-86.7816 + r * Math.sin(a) * 1.25).toFixed(6);
    orgs.push(`${npi(i)},E2E Route Practice ${i + 1},practice,independent,,,`);
    locs.push(
      `L9${String(i).padStart(5, '0')},${npi(i)},E2E Route Practice ${i + 1},${100 + i} Synthetic Ave,Nashville,TN,37203,47037,${lat},${lon},6155550${String(100 + i)},Mon-Fri 07:30-18:30,${i === 7 ? 'drop-ins Tue 13:00-16:00' : ''}`,
    );
  }
  return { orgs: `${orgs.join('\n')}\n`, locs: `${locs.join('\n')}\n` };
}

/** Imports the 20 SYNTHETIC offices (idempotent) and returns their location ids. */
async function importOffices(page: Page) {
  const csrf = (await (await page.request.get('/api/auth/me')).json()).csrfToken as string;
  const { orgs, locs } = marketCsv();
  for (const [kind, body] of [
    ['organizations', orgs],
    ['locations', locs],
  ] as const) {
    const res = await page.request.post(`/api/admin/imports/${kind}`, {
      headers: { 'x-csrf-token': csrf },
      multipart: {
        file: { name: `${kind}.csv`, mimeType: 'text/csv', buffer: Buffer.from(body) },
        wait: 'true',
      },
    });
    expect(res.ok(), await res.text()).toBe(true);
  }
  const found = await (await page.request.get('/api/organizations?q=E2E Route Practice&limit=50')).json();
  const ids: number[] = [];
  // the search is fuzzy: other journeys' practices on this shared server may match too
  const ours = (found.items as { id: number; name: string }[]).filter((o) =>
    /^E2E Route Practice \d+$/.test(o.name),
  );
  for (const o of ours) {
    const p = await (await page.request.get(`/api/organizations/${o.id}`)).json();
    ids.push(...(p.locations as { id: number }[]).map((l) => l.id));
  }
  expect(ids).toHaveLength(N);
  return ids;
}

test('plan a 20-stop day, pin a stop, re-plan, export ICS', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, EMPTY_USERS.admin.email, EMPTY_USERS.admin.password);
  const ids = await importOffices(page);

  // A Sunday: every office is closed (Mon–Fri hours); the page offers Monday and plans it.
  await page.goto(`/routes?locations=${ids.join(',')}&date=2026-11-29`);
  await choosePlace(page, 'Start', '36.1627, -86.7816', /^Use 36\.1627, -86\.7816/);
  const monday = await closedDayOffersNext(page, 'Sunday, Nov 29', 'Monday, Nov 30', '2026-11-30');
  expect(monday.visits.length).toBeGreaterThanOrEqual(18);

  // "Add to route" link → plan the day (a Tuesday) from home base downtown.
  await page.goto(`/routes?locations=${ids.join(',')}&date=2026-12-01`);
  await expect(page.getByLabel('Stops from')).toHaveValue('linked');
  // the start chosen on the Sunday is remembered on this device
  await expect(page.locator('details.route-settings summary')).toContainText('from 36.1627, -86.7816');
  const plan = await planMyDay(page);
  expect(plan.totals.planned).toBe(N);
  expect(plan.visits.length).toBeGreaterThanOrEqual(18);
  await expect(page.getByTestId('travel-label')).toContainText('straight-line estimate');

  // Move the 5th stop up twice (it becomes 3rd and is pinned there), then re-optimise the rest.
  const moved = await moveStop(page, 4, 2, 'buttons');
  const replanned = await replanKeepsPin(page, moved, 2);
  // Lunch sits in the list where the planner put it.
  await expect(page.getByTestId('route-lunch')).toContainText(/Lunch \d\d:\d\d–\d\d:\d\d/);
  if (process.env.ROUTES_SCREENSHOT)
    await page.screenshot({ path: process.env.ROUTES_SCREENSHOT, fullPage: true });

  await exportIcsMatches(page, replanned);
  await weekShows(page, replanned);
});

test('day settings: start at a ZIP, end at an office, a 09:00–15:00 day without lunch, a lunch-and-learn at 12:00', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, EMPTY_USERS.admin.email, EMPTY_USERS.admin.password);
  const ids = await importOffices(page);
  await page.goto(`/routes?locations=${ids.join(',')}&date=2026-12-02`); // a Wednesday
  await choosePlace(page, 'Start', '37203', /^Use ZIP 37203/);
  await choosePlace(page, 'End', 'E2E Route Practice 5', /^E2E Route Practice 5 \d/);
  await page.getByLabel('Day starts').fill('09:00');
  await page.getByLabel('Day ends').fill('15:00');
  await page.getByLabel('Keep a lunch break').uncheck();
  await page.getByLabel('Office', { exact: true }).fill('E2E Route Practice 3');
  await page
    .getByRole('list', { name: 'Office: matches' })
    .getByRole('button', { name: /^E2E Route Practice 3 \d/ })
    .click();
  await page.getByLabel('Appointment time').fill('12:00');
  await page.getByRole('button', { name: 'Add appointment' }).click();
  await expect(page.getByRole('list', { name: 'Fixed appointments' })).toContainText(
    '12:00 Lunch-and-learn · E2E Route Practice 3',
  );
  await expect(page.locator('details.route-settings summary')).toContainText(
    '09:00–15:00 · from ZIP 37203 · to E2E Route Practice 5 · no lunch break · 1 fixed appointment',
  );

  const plan = (await planMyDay(page)) as Awaited<ReturnType<typeof planMyDay>> & {
    settings: { start: { label: string }; end: { label: string } };
    lunch: unknown;
    visits: { start: number; end: number; appointmentAt: number | null }[];
  };
  expect(plan.settings.start.label).toBe('ZIP 37203 (Nashville, TN — centre of the ZIP)');
  expect(plan.settings.end.label).toBe('E2E Route Practice 5');
  expect(plan.lunch).toBeNull();
  const appt = plan.visits.find((v) => v.name === 'E2E Route Practice 3')!;
  expect(appt).toMatchObject({ start: 720, appointmentAt: 720, visitType: 'lunch_and_learn' });
  for (const v of plan.visits) {
    expect(v.start).toBeGreaterThanOrEqual(540);
    expect(v.end).toBeLessThanOrEqual(900);
  }
  // the page shows it: the appointment's stop, no lunch line, the start and end in words
  const stop = page.locator(`[data-stop-id="${appt.stopId}"]`);
  await expect(stop).toContainText('12:00–');
  await expect(stop).toContainText('Lunch-and-learn');
  await expect(stop).toContainText('fixed appointment');
  await expect(page.getByTestId('route-lunch')).toHaveCount(0);
  await expect(page.getByTestId('travel-label')).toContainText(
    'Start: ZIP 37203 (Nashville, TN — centre of the ZIP). End: E2E Route Practice 5.',
  );

  // After a reload the day's shape and places are remembered on this device; the appointment is not.
  await page.reload();
  await expect(page.locator('details.route-settings summary')).toContainText(
    '09:00–15:00 · from ZIP 37203 · to E2E Route Practice 5 · no lunch break',
  );
  await expect(page.locator('details.route-settings summary')).not.toContainText('appointment');

  // The chosen start becomes the home base (kept on the server, for every device and the team day); with
  // no start chosen the day then begins there.
  const zipLabel = 'ZIP 37203 (Nashville, TN — centre of the ZIP)';
  const summary = page.locator('details.route-settings summary');
  await summary.click();
  await page.getByRole('button', { name: 'Make ZIP 37203 the home base' }).click();
  await expect(page.locator('.route-home-base')).toContainText(`Home base: ${zipLabel}`);
  await page.getByRole('button', { name: 'Clear the start' }).click();
  await expect(summary).toContainText(`from home base (${zipLabel})`);
  const fromHome = (await planMyDay(page)) as Awaited<ReturnType<typeof planMyDay>> & {
    settings: { start: { label: string } };
  };
  expect(fromHome.settings.start.label).toBe(`home base: ${zipLabel}`);
  // the shared server's admin has no home base for the other journeys
  await page.getByRole('button', { name: 'Clear home base' }).click();
  await expect(page.locator('.route-home-base')).toContainText('No home base');
});
