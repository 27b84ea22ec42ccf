// Lighthouse-style checks, locally in Chromium: installable (manifest, 192/512 icons, a service worker
// controlling the page), starts offline from start_url, and the phone screens pass the basic
// accessibility checks (labels, names, contrast, 44 px touch targets).
import type { Locator, Page } from '@playwright/test';
import { installability, offlineStart, phoneAccessibility } from '../bench/pwa/checks';
import { seedFieldDay, waitForOfflineReady } from '../bench/pwa/seed';
import { DOMAIN } from '../src/demo/crm';
import { expect, signIn, test } from './fixtures';
import { DEMO_PASSWORD, EMPTY_USERS } from './servers';

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

test('installable, starts offline, phone screens accessible', async ({ page, context }) => {
  test.setTimeout(120_000);
  await signIn(page, EMPTY_USERS.admin.email, EMPTY_USERS.admin.password);
  await seedFieldDay(page.request, `E2E PWA ${Math.random().toString(36).slice(2, 7)}`, 2);
  await page.goto('/field');
  await waitForOfflineReady(page);
  const { checks, manifest } = await installability(page);
  const offline = await offlineStart(page, context, manifest?.start_url ?? '/', /Next stop|done or logged/);
  const screens = [];
  for (const path of ['/field', '/field/tasks', '/field/outbox']) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    for (const c of await phoneAccessibility(page)) screens.push({ ...c, name: `${path}: ${c.name}` });
  }
  await page.goto('/field');
  await page.getByTestId('next-stop').getByRole('link', { name: 'Log visit' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  for (const c of await phoneAccessibility(page)) screens.push({ ...c, name: `/field/log: ${c.name}` });
  // Offline with an unsynced item the top bar carries the sync pill: still fits, still accessible.
  await page.goto('/field/tasks');
  await context.setOffline(true);
  await page.getByLabel('Task', { exact: true }).fill('Offline layout check');
  await page.getByRole('button', { name: 'Add task' }).tap();
  await expect(page.getByTestId('sync-status')).toContainText('Offline · 1 unsynced');
  for (const c of await phoneAccessibility(page)) screens.push({ ...c, name: `offline tasks: ${c.name}` });
  await context.setOffline(false);
  await expect(page.getByTestId('sync-status')).toHaveCount(0, { timeout: 30_000 });
  const failed = [...checks, ...offline, ...screens].filter((c) => !c.ok);
  expect(failed, JSON.stringify(failed, null, 2)).toEqual([]);
});

// A page can load uncontrolled while a worker is active (its navigation left before the worker
// activated, or bypassed it): the worker's claim at activation has passed, and an SPA never navigates
// again. The page asks the worker to claim it, so it still works offline. DevTools' "bypass for
// network" makes such a page on demand.
test('a page that loaded without the service worker is taken over by it', async ({ page, context }) => {
  test.setTimeout(90_000);
  await signIn(page, EMPTY_USERS.admin.email, EMPTY_USERS.admin.password);
  await seedFieldDay(page.request, `E2E Claim ${Math.random().toString(36).slice(2, 7)}`, 1);
  await page.goto('/field');
  await waitForOfflineReady(page);
  const late = await context.newPage();
  const cdp = await context.newCDPSession(late);
  await cdp.send('Network.enable');
  await cdp.send('Network.setBypassServiceWorker', { bypass: true });
  await late.goto('/field', { waitUntil: 'commit' });
  await cdp.send('Network.setBypassServiceWorker', { bypass: false });
  expect(await late.evaluate(() => !!navigator.serviceWorker.controller)).toBe(false);
  await expect
    .poll(() => late.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 })
    .toBe(true);
  await waitForOfflineReady(late);
});

/** Presses Tab until `target` has focus (at most `max` presses); returns how many it took. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return i;
  }
  throw new Error(`focus never reached ${target}`);
}

/** The focused element shows a focus ring (outline or box-shadow). */
const focusVisible = (page: Page) =>
  page.evaluate(() => {
    const s = getComputedStyle(document.activeElement as Element);
    return (s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
  });

test('keyboard only: log a visit and add a task on the phone screens', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, EMPTY_USERS.admin.email, EMPTY_USERS.admin.password);
  const day = await seedFieldDay(page.request, `E2E Keys ${Math.random().toString(36).slice(2, 7)}`, 1);
  await page.goto('/field');
  const next = page.getByTestId('next-stop');
  await expect(next).toContainText(day.visits[0]!.name);

  await tabTo(page, next.getByRole('link', { name: 'Log visit' }));
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Log visit');

  const dropIn = page.getByRole('button', { name: 'Drop-in' });
  await tabTo(page, dropIn);
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press('Space');
  await expect(dropIn).toHaveAttribute('aria-pressed', 'true');
  const positive = page.getByRole('button', { name: 'Positive' });
  await tabTo(page, positive);
  await page.keyboard.press('Enter');
  await expect(positive).toHaveAttribute('aria-pressed', 'true');
  await tabTo(page, page.getByLabel('Notes'));
  await page.keyboard.type('Typed without a mouse');
  await tabTo(page, page.getByRole('button', { name: 'Save visit' }));
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/field$/);
  await expect(page.getByText('Today’s 1 stop is done or logged.')).toBeVisible({ timeout: 20_000 });

  await page.goto('/field/tasks');
  await tabTo(page, page.getByLabel('Task', { exact: true }));
  await page.keyboard.type('Keyboard task');
  await page.keyboard.press('Enter'); // submits the form
  await expect(page.getByTestId('field-task').filter({ hasText: 'Keyboard task' })).toBeVisible();
  // An empty submit is refused with a message tied to the field.
  await tabTo(page, page.getByRole('button', { name: 'Add task' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Say what needs doing.');
  await expect(page.getByLabel('Task', { exact: true })).toHaveAttribute('aria-invalid', 'true');
});

test.describe('on the demo market', () => {
  test.use({ server: 'demo' });

  // The demo's top bar carries the "synthetic" badge; it once widened every page past a phone's
  // screen (the shell's column grew to the bar's width) and pushed the tab bar off it.
  test('phone screens fit the screen: no sideways scrolling', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, `jordan.pickett@${DOMAIN}`, DEMO_PASSWORD);
    for (const path of ['/field', '/today', '/goals', '/providers', '/referrals']) {
      await page.goto(path);
      await expect(page.locator('main h1').first()).toBeVisible({ timeout: 30_000 });
      await page.waitForLoadState('networkidle'); // tables and charts drawn: they may widen the page
      await expect(page.getByRole('button', { name: /synthetic/i })).toBeVisible();
      const width = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        screen: document.documentElement.clientWidth,
      }));
      expect(width.page, `${path} is ${width.page}px wide on a ${width.screen}px screen`).toBeLessThanOrEqual(
        width.screen,
      );
    }
  });
});
