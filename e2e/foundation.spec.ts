// Foundation journeys on the empty server: account administration, first sign-in with a one-time
// password, wrong-password message, and the phone layout.
import { expect, signIn, signOut, test } from './fixtures';
import { EMPTY_USERS } from './servers';

const admin = EMPTY_USERS.admin;

test('admin adds a liaison who signs in with the one-time password and must choose a new one', async ({
  page,
}) => {
  await signIn(page, admin.email, admin.password);
  // An admin lands on Admin → Users.
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  await expect(page.getByRole('cell', { name: admin.email })).toBeVisible();

  const email = `lena.liaison.${Date.now()}@e2e.test`;
  await page.getByRole('button', { name: 'Add user' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add user' });
  await dialog.getByLabel('Full name').fill('Lena Liaison');
  await dialog.getByLabel('E-mail').fill(email);
  await dialog.getByLabel('Role').selectOption('liaison');
  await dialog.getByRole('button', { name: 'Add user' }).click();

  const created = page.getByRole('dialog', { name: 'Lena Liaison was added' });
  const otp = (await created.getByTestId('one-time-password').textContent())?.trim() ?? '';
  expect(otp.length).toBeGreaterThanOrEqual(12);
  await created.getByRole('button', { name: 'Copy' }).click();
  await expect(created.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(otp);
  await created.getByRole('button', { name: 'Done' }).click();

  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Liaison');
  await expect(row).toContainText('Active');

  await signOut(page);
  await signIn(page, email, otp);
  await expect(page).toHaveURL(/\/change-password$/);
  await expect(page.getByRole('heading', { name: 'Choose your password' })).toBeVisible();

  // The server's policy message is shown for a weak password.
  await page.getByLabel('Current password').fill(otp);
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByLabel('Repeat new password').fill('short');
  await page.getByRole('button', { name: 'Set password and continue' }).click();
  await expect(page.getByText('Password must be at least 12 characters')).toBeVisible();

  await page.getByLabel('New password', { exact: true }).fill('Copper-Meadow-47');
  await page.getByLabel('Repeat new password').fill('Copper-Meadow-47');
  await page.getByRole('button', { name: 'Set password and continue' }).click();

  // In the app, as the liaison: no Admin navigation, their own account page.
  await expect(page).not.toHaveURL(/change-password|login/);
  await expect(page.getByRole('button', { name: 'Account menu for Lena Liaison' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).first()).not.toContainText('Users');

  // The new password works after signing out; the one-time password no longer does.
  await signOut(page);
  await signIn(page, email, 'Copper-Meadow-47');
  await expect(page.getByRole('button', { name: 'Account menu for Lena Liaison' })).toBeVisible();
});

test('a wrong password says so and keeps the user on the sign-in page', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(admin.email);
  await page.getByLabel('Password', { exact: true }).fill('not-the-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('E-mail or password is wrong');
  await expect(page).toHaveURL(/\/login/);
});

test('a signed-out visit to a page returns there after sign-in', async ({ page }) => {
  await page.goto('/admin/imports');
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fimports/);
  await page.getByLabel('E-mail').fill(admin.email);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Import jobs', level: 1 })).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('sign-in works and the bottom tabs replace the left rail', async ({ page }) => {
    await signIn(page, admin.email, admin.password);
    const tabs = page.locator('nav.tabbar');
    await expect(tabs).toBeVisible();
    await expect(page.locator('nav.rail')).toBeHidden();
    // Admin sits behind "More" on a phone (four tabs + More); More is marked as the current section.
    const more = tabs.getByRole('button', { name: 'More' });
    await expect(more).toHaveAttribute('aria-current', 'page');
    // Touch targets are at least 44 px tall.
    const box = await more.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
    await expect(page.getByRole('button', { name: 'Add user' })).toBeVisible();
    await more.tap();
    await expect(
      page.getByRole('dialog', { name: 'More' }).getByRole('link', { name: 'Admin · Users' }),
    ).toBeVisible();
  });
});
