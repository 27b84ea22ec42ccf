// Steps of the team-day journey (e2e/routes-demo.spec.ts): press "Plan the team’s day" on the Routes page's
// Team tab and check that the page shows exactly the proposal the API answered (the page's own response).
import type { Page, Response } from '@playwright/test';
import { hhmm } from '../src/commands/routes/present';
import { unassignedReasonText } from '../src/core/routing/reasonText';
import { expect } from './fixtures';

/** The parts of POST /api/routes/team's answer the journey checks. */
export type Team = {
  travel: { label: string; estimate: boolean } | null;
  days: {
    liaison: string;
    visits: { stopId: string; name: string; seq: number; start: number; end: number }[];
  }[];
  unassigned: { stopId: string; name: string; reason: string }[];
  totals: { stops: number; planned: number } | null;
  skipped: { liaison: string; what: string; reason: string }[];
};

/** Presses "Plan the team’s day"; returns the liaisons asked for and the proposal the page received. */
export async function planTeamDay(page: Page): Promise<{ asked: string[]; team: Team }> {
  const [res] = await Promise.all([
    page.waitForResponse(
      (r: Response) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/routes/team',
    ),
    page.getByRole('button', { name: 'Plan the team’s day' }).click(),
  ]);
  expect(res.ok(), await res.text()).toBe(true);
  const asked = (res.request().postDataJSON() as { liaisons: string[] }).liaisons;
  return { asked, team: (await res.json()) as Team };
}

/** One card per liaison day with its stops in order and times, the map's pins and lines, totals, left out. */
export async function expectTeamShows(page: Page, team: Team, names: Map<string, string>) {
  const cards = page.getByTestId('team-day');
  await expect(cards).toHaveCount(team.days.length, { timeout: 30_000 });
  for (const d of team.days) {
    const card = cards.filter({
      has: page.getByRole('heading', { name: names.get(d.liaison), exact: true }),
    });
    await expect(card).toHaveCount(1);
    const stops = card.getByTestId('team-stop');
    // the count each card states is the number of stops it lists, and both are the API's
    await expect(card.getByTestId('team-visit-count')).toHaveText(String(d.visits.length));
    await expect(stops).toHaveCount(d.visits.length);
    for (const [i, v] of d.visits.entries())
      await expect(stops.nth(i)).toContainText(`${hhmm(v.start)}–${hhmm(v.end)} ${v.name}`);
  }
  const visits = team.days.flatMap((d) => d.visits);
  const map = page.getByRole('region', { name: /^Team routes for / });
  await expect(map.locator('.pin:not(.pin-dot)')).toHaveCount(visits.length);
  // each liaison's stops in a colour of their own (the lines are on a canvas; the pins say the colour too),
  // the colour of their card's swatch
  const colours = await map
    .locator('.pin:not(.pin-dot)')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).style.background));
  const routed = team.days.filter((d) => d.visits.length > 0);
  // (the demo's team is smaller than the six-colour palette, past which colours repeat, dashed)
  expect(new Set(colours).size).toBe(routed.length);
  for (const d of routed) {
    const card = cards.filter({
      has: page.getByRole('heading', { name: names.get(d.liaison), exact: true }),
    });
    const swatch = await card.locator('.team-swatch').evaluate((e) => (e as HTMLElement).style.background);
    expect(colours.filter((c) => c === swatch)).toHaveLength(d.visits.length);
  }

  await expect(page.getByTestId('team-totals')).toContainText(
    `${team.totals!.stops} of ${team.totals!.planned} offices planned`,
  );
  await expect(page.getByRole('note')).toContainText('nothing is saved');
  if (team.travel?.estimate) await expect(page.getByText('straight-line estimate')).toBeVisible();
  const leftOut = page.getByTestId('team-left-out');
  await expect(leftOut).toHaveCount(team.unassigned.length);
  for (const [i, u] of team.unassigned.entries()) {
    await expect(leftOut.nth(i).locator('.cell-main')).toHaveText(u.name);
    await expect(leftOut.nth(i)).toContainText(unassignedReasonText(u.reason));
  }
  await expect(page.getByTestId('team-skipped')).toHaveCount(team.skipped.length);
}
