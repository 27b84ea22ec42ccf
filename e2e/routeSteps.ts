// Steps of the route-planner journeys (e2e/routes*.spec.ts). Each step acts through the Routes page and
// checks what the page shows against the plan the API answered with (the response the page itself got).
import { readFileSync } from 'node:fs';
import type { Page, Response } from '@playwright/test';
import { expect } from './fixtures';

/** The parts of a saved plan (GET /api/routes/:id) the journeys check. */
export type Plan = {
  id: number;
  version: number;
  date: string;
  visits: {
    seq: number;
    stopId: string;
    name: string;
    pinned: boolean;
    visitType: 'drop_in' | 'visit' | 'lunch_and_learn';
    times: { start: string; end: string };
  }[];
  unassigned: { stopId: string; name: string; reason: string; reasonText: string; lat: number | null }[];
  skipped: { what: string; reason: string }[];
  totals: { stops: number; planned: number };
  mileage: { km: number };
};

const planResponse = (page: Page, path: RegExp) =>
  page.waitForResponse(
    (r: Response) => r.request().method() === 'POST' && path.test(new URL(r.url()).pathname),
  );

async function planFrom(res: Response): Promise<Plan> {
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as Plan;
}

/** Opens "Day settings" (if closed) and picks a start or end: a ZIP, "lat, lon" or an office by name. */
export async function choosePlace(page: Page, which: 'Start' | 'End', text: string, option: RegExp) {
  const panel = page.locator('details.route-settings');
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
  await page.getByLabel(`${which} (ZIP, lat, lon or an office)`).fill(text);
  await page
    .getByRole('list', { name: `${which} (ZIP, lat, lon or an office): matches` })
    .getByRole('button', { name: option })
    .click();
}

/** Presses "Plan my day" (the form is filled by the caller) and returns the plan the page received. */
export async function planMyDay(page: Page): Promise<Plan> {
  const [res] = await Promise.all([
    planResponse(page, /^\/api\/routes\/plan$/),
    page.getByRole('button', { name: 'Plan my day' }).click(),
  ]);
  const plan = await planFrom(res);
  await expectDayShows(page, plan);
  return plan;
}

/**
 * A day on which every office is closed (a Sunday for Mon–Fri hours): the page says so and offers the next
 * working day; taking the offer plans that day and shows it.
 */
export async function closedDayOffersNext(page: Page, closedDay: string, nextDay: string, nextIso: string) {
  const [res] = await Promise.all([
    planResponse(page, /^\/api\/routes\/plan$/),
    page.getByRole('button', { name: 'Plan my day' }).click(),
  ]);
  const closed = await planFrom(res);
  expect(closed.visits).toHaveLength(0);
  expect(closed.unassigned.every((u) => u.reason === 'closed')).toBe(true);
  const offer = page
    .getByRole('status')
    .filter({ hasText: `Every office on this list is closed on ${closedDay}.` });
  await expect(offer).toBeVisible();
  const [next] = await Promise.all([
    planResponse(page, /^\/api\/routes\/plan$/),
    offer.getByRole('button', { name: `Plan ${nextDay} instead` }).click(),
  ]);
  const plan = await planFrom(next);
  expect(plan.date).toBe(nextIso);
  await expect(page.getByLabel('Date')).toHaveValue(nextIso);
  await expectDayShows(page, plan);
  await expect(offer).toHaveCount(0);
  return plan;
}

/** The list, the map, the left-out stops and the KPI show exactly the plan's stops, in its order. */
export async function expectDayShows(page: Page, plan: Plan) {
  const stops = page.getByTestId('route-stop');
  await expect(stops).toHaveCount(plan.visits.length, { timeout: 30_000 });
  expect(await stops.evaluateAll((els) => els.map((e) => e.getAttribute('data-stop-id')))).toEqual(
    plan.visits.map((v) => v.stopId),
  );
  for (const [i, v] of plan.visits.entries()) {
    await expect(stops.nth(i).locator('.route-num')).toHaveText(String(v.seq));
    await expect(stops.nth(i).locator('.cell-main')).toHaveText(v.name);
    await expect(stops.nth(i)).toContainText(`${v.times.start}–${v.times.end}`);
  }
  await expect(page.locator('.kpi').filter({ hasText: 'Stops' })).toContainText(
    `${plan.totals.stops} of ${plan.totals.planned}`,
  );
  const map = page.getByRole('region', {
    name: `Route for ${plan.date}: ${plan.visits.length} numbered stops`,
  });
  await expect(map.locator('.pin:not(.pin-dot)')).toHaveText(plan.visits.map((v) => String(v.seq)));
  const leftOut = page.getByTestId('route-left-out');
  await expect(leftOut).toHaveCount(plan.unassigned.length);
  for (const [i, u] of plan.unassigned.entries()) {
    await expect(leftOut.nth(i).locator('.cell-main')).toHaveText(u.name);
    await expect(leftOut.nth(i)).toContainText(u.reason.replace('-', ' '));
    await expect(leftOut.nth(i)).toContainText(u.reasonText);
  }
  await expect(map.locator('[title^="Left out: "]')).toHaveCount(
    plan.unassigned.filter((u) => u.lat !== null).length,
  );
  for (const s of plan.skipped) await expect(page.getByText(/^Not plannable:/)).toContainText(s.what);
}

/** Moves the stop at `from` up to `to` (drag and drop, or the move-up buttons), which pins it there. */
export async function moveStop(page: Page, from: number, to: number, how: 'drag' | 'buttons') {
  const stops = page.getByTestId('route-stop');
  const moved = (await stops.nth(from).getAttribute('data-stop-id'))!;
  const name = (await stops.nth(from).locator('.cell-main').textContent())!;
  if (how === 'drag') {
    // Both stops in view first: an HTML5 drag does not scroll the list while it is held.
    await stops.nth(to).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await stops.nth(from).hover();
    await page.mouse.down();
    await stops.nth(to).hover();
    await page.mouse.up();
  } else for (let i = from; i > to; i--) await page.getByRole('button', { name: `Move ${name} up` }).click();
  await expect(stops.nth(to)).toHaveAttribute('data-stop-id', moved);
  await expect(page.getByRole('button', { name: `Pin ${name} at stop ${to + 1}` })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  return moved;
}

/** "Optimize (keep pins)": the re-plan keeps the pinned stop at `index`, and the page shows the new plan. */
export async function replanKeepsPin(page: Page, stopId: string, index: number): Promise<Plan> {
  const [res] = await Promise.all([
    planResponse(page, /^\/api\/routes\/\d+\/reorder$/),
    page.getByRole('button', { name: 'Optimize (keep pins)' }).click(),
  ]);
  const plan = await planFrom(res);
  expect(plan.visits[index]).toMatchObject({ stopId, pinned: true });
  await expect(page.getByRole('button', { name: 'Optimize', exact: true })).toBeVisible({ timeout: 30_000 });
  await expectDayShows(page, plan);
  await expect(
    page.getByTestId('route-stop').nth(index).getByRole('button', { name: /^Pin / }),
  ).toHaveAttribute('aria-pressed', 'true');
  return plan;
}

const unfold = (s: string) => s.replace(/\r?\n[ \t]/g, '');
const icsTime = (date: string, hhmm: string) => `${date.replace(/-/g, '')}T${hhmm.replace(':', '')}00`;

/** "Export ICS": the download parses, one VEVENT per visit in order, at the times the plan shows. */
export async function exportIcsMatches(page: Page, plan: Plan) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export ICS' }).click(),
  ]);
  const ics = unfold(readFileSync((await download.path())!, 'utf8'));
  expect(ics).toMatch(/^BEGIN:VCALENDAR/);
  expect(ics.trimEnd()).toMatch(/END:VCALENDAR$/);
  const events = ics.split('BEGIN:VEVENT').slice(1);
  expect(events).toHaveLength(plan.visits.length);
  events.forEach((e, i) => {
    const v = plan.visits[i]!;
    const field = (name: string) => new RegExp(`^${name}:(.*)$`, 'm').exec(e)?.[1]?.trim();
    expect(field('SUMMARY')?.replace(/\\([,;\\])/g, '$1')).toBe(`${v.seq}. ${v.name}`);
    expect(field('DTSTART')).toBe(icsTime(plan.date, v.times.start));
    expect(field('DTEND')).toBe(icsTime(plan.date, v.times.end));
  });
}

/** The week view lists the saved day with its stop count and mileage. */
export async function weekShows(page: Page, plan: Plan) {
  await page.getByRole('tab', { name: 'Week' }).click();
  const row = page.getByTestId('week-day').filter({ hasText: plan.date });
  await expect(row.locator('td').nth(1)).toHaveText(String(plan.visits.length));
  await expect(row.locator('td').nth(3)).toHaveText(String(plan.mileage.km));
}

/** On the Week tab: a start chosen in Day settings is where each proposed day starts. */
export async function weekProposalStartsAt(page: Page, zip: string) {
  await page.getByRole('tab', { name: 'Week' }).click();
  await choosePlace(page, 'Start', zip, new RegExp(`^Use ZIP ${zip}`));
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/routes/week?') && r.url().includes('targets=due')),
    page.getByLabel('Week source').selectOption('due'),
  ]);
  expect(res.ok(), await res.text()).toBe(true);
  expect(new URL(res.url()).searchParams.get('from')).toBe(`zip:${zip}`);
  const body = (await res.json()) as { proposal: { settings: { start: { label: string } } } };
  expect(body.proposal.settings.start.label).toMatch(new RegExp(`^ZIP ${zip} \\(`));
  await expect(page.getByTestId('week-settings')).toContainText(`from ZIP ${zip}`);
}
