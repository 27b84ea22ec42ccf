// Design review screenshots (not assertions): SCREENSHOT_DIR=/tmp/shots npx playwright test screenshots
import { expect, signIn, test } from './fixtures';
import { EMPTY_USERS } from './servers';

const dir = process.env.SCREENSHOT_DIR;
test.skip(!dir, 'set SCREENSHOT_DIR to write design screenshots');

for (const [name, viewport] of [
  ['desktop', { width: 1360, height: 860 }],
  ['phone', { width: 360, height: 740 }],
] as const) {
  test(`screens on ${name}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.screenshot({ path: `${dir}/${name}-login.png` });
    await signIn(page, EMPTY_USERS.admin.email, EMPTY_USERS.admin.password);
    await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
    await page.screenshot({ path: `${dir}/${name}-users.png` });
    await page.getByRole('row').filter({ hasText: 'Ada Admin' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.screenshot({ path: `${dir}/${name}-manage.png` });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add user' }).first().click();
    await page.screenshot({ path: `${dir}/${name}-add.png` });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.screenshot({ path: `${dir}/${name}-palette.png` });
    await page.keyboard.press('Escape');
    await page.goto('/admin/imports');
    await expect(page.getByText('No imports yet')).toBeVisible();
    await page.screenshot({ path: `${dir}/${name}-imports.png` });
  });
}
