// Journeys import `test` and `expect` from here. Pick the server per file or describe block:
//   test.use({ server: 'demo' });   // default is 'empty'
// `baseURL` follows the chosen server; journeys on a server that is not started are skipped
// with the reason (set E2E_DEMO=1 to start the demo server). Demo journeys first wait for the
// demo market's background load (e2e/demoReady.ts).
import { test as base, expect, type Page } from '@playwright/test';
import { DEMO_LOAD_TIMEOUT, demoLoaded } from './demoReady';
import { SERVERS, type ServerKind, serverUrl } from './servers';

export const test = base.extend<{ server: ServerKind; serverReady: undefined }>({
  server: ['empty', { option: true }],
  // its own timeout: the first demo journey may wait minutes for the demo market to finish loading
  serverReady: [
    async ({ server }, use) => {
      base.skip(!SERVERS[server].enabled, `the ${server} server is not started (set E2E_DEMO=1)`);
      if (server === 'demo') await demoLoaded();
      await use(undefined);
    },
    { timeout: DEMO_LOAD_TIMEOUT + 10_000 },
  ],
  baseURL: async ({ server, serverReady: _ }, use) => {
    await use(serverUrl(server));
  },
});
export { expect };

/** Signs in through the login form and waits until the app (or the forced password page) shows. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /^Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
}
