// Journey: from a provider's profile to their network (list view — headless Chromium has no
// WebGL, and the list is what works everywhere) and back, on the synthetic demo market.
// Needs E2E_DEMO=1 and ROUNDS_DEMO_PASSWORD (so the demo users have a known password).
import { DOMAIN } from '../src/demo/crm';
import { expect, signIn, test } from './fixtures';

const password = process.env.ROUNDS_DEMO_PASSWORD;
test.use({ server: 'demo' });

test('provider profile → network → strongest connections → back to the profile', async ({ page }) => {
  test.skip(!password, 'set ROUNDS_DEMO_PASSWORD so the demo users have a known password');
  await signIn(page, `alex.morgan@${DOMAIN}`, password!);
  // The most influential provider of the demo market has a network to show.
  const res = await page.request.get('/api/network/influencers?limit=1');
  expect(res.ok()).toBe(true);
  const top = (await res.json()).items[0] as { id: string; name: string };
  expect(top, 'the demo load computes network metrics').toBeTruthy();

  await page.goto(`/providers/${top.id}`);
  await page
    .getByRole('link', { name: /network/i })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/network/provider/${top.id}$`));
  await expect(page.getByRole('heading', { name: `${top.name} — network` })).toBeVisible();
  // List view: the connections table and the strongest-connections list.
  await expect(page.getByRole('table', { name: 'Connections' })).toBeVisible();
  const strongest = page.getByRole('list', { name: 'Strongest connections' });
  await expect(strongest.getByRole('listitem').first()).toContainText(/referrals|shared Medicare patients/);
  // Two hops brings in more providers.
  await page.getByRole('tab', { name: '2 hops' }).click();
  await expect(page.getByRole('table', { name: 'Connections' }).getByRole('row').nth(2)).toBeVisible();

  await page.getByRole('link', { name: '← Back to profile' }).click();
  await expect(page).toHaveURL(new RegExp(`/providers/${top.id}$`));
});

test('the Network page degrades to a list and a canvas without WebGL', async ({ page }) => {
  test.skip(!password, 'set ROUNDS_DEMO_PASSWORD so the demo users have a known password');
  await signIn(page, `alex.morgan@${DOMAIN}`, password!);
  await page.goto('/network');
  await expect(page.getByRole('img', { name: /Referral network: \d+ providers/ })).toBeVisible();
  await page.getByRole('tab', { name: /List/ }).click();
  const table = page.getByRole('table', { name: 'Providers in the network' });
  await expect(table).toBeVisible();
  await table.getByRole('row').nth(1).click();
  await expect(page.getByRole('complementary', { name: /Details for/ })).toContainText('Why connected');
});
