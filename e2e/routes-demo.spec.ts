// Journey on the demo market (E2E_DEMO=1): a liaison plans a day from their 20 top-target offices, drags a
// stop earlier (which pins it), re-plans, exports the day as ICS and sees it in the week. The market's
// offices have real-looking hours and visit rules, so not every office fits: the page must show exactly the
// plan the API made — numbered stops, and each office left out with its reason. The demo manager plans a day
// for the whole team on the Team tab, which a liaison does not have.
import { DOMAIN } from '../src/demo/crm';
import { expect, signIn, signOut, test } from './fixtures';
import {
  exportIcsMatches,
  moveStop,
  planMyDay,
  replanKeepsPin,
  weekProposalStartsAt,
  weekShows,
} from './routeSteps';
import { DEMO_PASSWORD } from './servers';
import { expectTeamShows, planTeamDay } from './teamSteps';

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
  await weekProposalStartsAt(page, '37203');
});

test('the demo manager plans the team’s day for the liaisons ticked; a liaison has no Team tab', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, `dana.whitfield@${DOMAIN}`, DEMO_PASSWORD);
  const users = (await (await page.request.get('/api/users')).json()) as {
    items: { email: string; name: string; role: string; disabled: boolean }[];
  };
  const liaisons = users.items.filter((u) => u.role === 'liaison' && !u.disabled);
  const names = new Map(liaisons.map((u) => [u.email, u.name]));
  expect(liaisons.length).toBeGreaterThanOrEqual(2);

  // The Market first, then Routes without reloading: the alert inbox reads the users too, and the Team tab's
  // liaison list must not trip over what the inbox left in the shared query cache.
  const inboxUsers = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/users');
  await page.goto('/referrals');
  await inboxUsers;
  await page.getByRole('link', { name: 'Route planner' }).click();
  await page.getByRole('tab', { name: 'Team' }).click();
  // the day form gives way to the team's own controls
  await expect(page.getByRole('button', { name: 'Plan my day' })).toBeHidden();
  const boxes = page.getByRole('group', { name: /^Liaisons/ }).getByRole('checkbox');
  await expect(boxes).toHaveCount(liaisons.length);
  for (const b of await boxes.all()) await expect(b).toBeChecked();
  await expect(page.getByText(/^No team day planned for /)).toBeVisible();

  const date = nextWednesday();
  await page.getByLabel('Team date').fill(date);
  const first = await planTeamDay(page);
  expect([...first.asked].sort()).toEqual([...names.keys()].sort());
  // every liaison asked for has a day, unless none of their stops could be gathered (said why)
  const without = first.team.skipped.filter((s) => s.what === 'all stops').map((s) => s.liaison);
  expect([...first.team.days.map((d) => d.liaison), ...without].sort()).toEqual([...first.asked].sort());
  expect(first.team.days.length).toBeGreaterThanOrEqual(2);
  // one pool of stops: each office is someone's stop or left out, never both and never twice
  const ids = [...first.team.days.flatMap((d) => d.visits), ...first.team.unassigned].map((s) => s.stopId);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(first.team.totals!.planned);
  expect(first.team.totals!.stops).toBeGreaterThan(0);
  await expectTeamShows(page, first.team, names);

  // Untick the liaison with the most visits and plan again: they are not asked for, and their card is gone.
  const dropped = [...first.team.days].sort((a, b) => b.visits.length - a.visits.length)[0]!.liaison;
  await page.getByRole('checkbox', { name: names.get(dropped), exact: true }).uncheck();
  const second = await planTeamDay(page);
  expect(second.asked).not.toContain(dropped);
  expect(second.asked).toHaveLength(first.asked.length - 1);
  expect(second.team.days.map((d) => d.liaison)).not.toContain(dropped);
  await expectTeamShows(page, second.team, names);
  await expect(page.getByRole('region', { name: `${names.get(dropped)}’s day` })).toHaveCount(0);

  // "Open <liaison>’s day": the Day tab for that liaison on that date, where their day is planned and saved
  const kept = second.team.days[0]!.liaison;
  await page.getByRole('button', { name: `Open ${names.get(kept)}’s day` }).click();
  await expect(page.getByRole('tab', { name: 'Day' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Liaison', { exact: true })).toHaveValue(kept);
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue(date);
  // back on the Team tab, the proposal is still there
  await page.getByRole('tab', { name: 'Team' }).click();
  await expectTeamShows(page, second.team, names);

  // A liaison plans only their own days: no Team tab.
  await signOut(page);
  await signIn(page, `jordan.pickett@${DOMAIN}`, DEMO_PASSWORD);
  await page.goto('/routes');
  await expect(page.getByRole('tab', { name: 'Week' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Team' })).toHaveCount(0);
});
