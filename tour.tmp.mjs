import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3288';
const [who, ...paths] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await b.newContext({ viewport: { width: 1360, height: 900 }, baseURL: base });
const page = await ctx.newPage();
await page.goto('/login');
await page.getByLabel('E-mail').fill(who);
await page.getByLabel('Password', { exact: true }).fill('E2e-demo-market-1!');
await page.getByRole('button', { name: /Sign in/ }).click();
await page.waitForTimeout(3000);
for (const p of paths) {
  await page.goto(p);
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(1500);
  const name = p.replace(/[^a-z0-9]+/gi, '_');
  await page.screenshot({ path: `/tmp/tour/${name}.png`, fullPage: true });
  console.log('shot', p);
}
await b.close();
