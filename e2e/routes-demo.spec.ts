// Journey on the demo market (E2E_DEMO=1): a liaison plans a day from their 20 top-target offices, drags a
// stop earlier (which pins it), re-plans, exports the day as ICS and sees it in the week. The market's
// offices have real-looking hours and visit rules, so not every office fits: the page must show exactly the
// plan the API made — numbered stops, and each office left out with its reason.
import { DOMAIN } from '../src/demo/crm';
import { expect, signIn, test } from './fixtures';
import { exportIcsMatches, moveStop, planMyDay, replanKeepsPin, weekShows } from './routeSteps';
import { DEMO_PASSWORD } from './servers';

const OFFICES = 20;
// tall enough that a stop and the one two places above it are both on screen for the drag
test.use({ server: 'demo', viewport: { width: 1360, height: 1600 } });

/** The next Wednesday after today (a working day most demo offices take rep visits). */
function nextWednesday() {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 1 + ((3 - d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

test('a demo liaison plans a 20-office day from their top targets, pins a stop, re-plans, exports ICS', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, `jordan.pickett@${DOMAIN}`, DEMO_PASSWORD);
  // How many of the liaison's top targets cover 20 offices ("who to see next", the planner's own source:
  // targets at the same practice share a stop; a target without an office is reported, not planned).
  const next = (await (await page.request.get('/api/targets/next?limit=200')).json()) as {
    items: { locationIds: number[] }[];
  };
  const offices = new Set<number>();
  let targets = 0;
  for (const t of next.items) {
    if (offices.size === OFFICES) break;
    targets++;
    if (t.locationIds[0] !== undefined) offices.add(t.locationIds[0]);
  }
  expect(offices.size).toBe(OFFICES);

  const date = nextWednesday();
  await page.goto('/routes');
  await page.getByLabel('Date').fill(date);
  await page.getByLabel('Stops from').selectOption('list');
  await page.getByLabel('How many targets').fill(String(targets));
  const plan = await planMyDay(page);
  expect(plan.date).toBe(date);
  expect(plan.totals.planned).toBe(OFFICES);
  expect(plan.visits.length + plan.unassigned.length).toBe(OFFICES);
  expect(plan.visits.length).toBeGreaterThanOrEqual(5);
  // every office is either a numbered stop or left out with a reason
  expect([...plan.visits, ...plan.unassigned].map((s) => s.stopId).sort()).toEqual(
    [...offices].map((id) => `loc-${id}`).sort(),
  );

  // Drag a late regular visit two places up: it is pinned there, and the re-plan keeps it there.
  const from = plan.visits.findLastIndex((v, i) => i >= 3 && v.visitType === 'visit');
  expect(from).toBeGreaterThanOrEqual(3);
  const moved = await moveStop(page, from, from - 2, 'drag');
  const replanned = await replanKeepsPin(page, moved, from - 2);
  expect(replanned.totals.planned).toBe(OFFICES);

  await exportIcsMatches(page, replanned);
  await weekShows(page, replanned);
});
