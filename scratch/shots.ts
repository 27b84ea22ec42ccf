import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3410';
const dir = process.argv[2] ?? '/tmp/shots';
const user = process.argv[3] ?? 'jordan.pickett';
const pages = (process.argv[4] ?? '/today,/providers,/referrals,/executive,/team,/goals,/network,/targets,/routes,/activities,/tasks,/issues,/territories,/contacts').split(',');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const ctx = await browser.newContext({ viewport: { width: 1360, height: 900 } });
const page = await ctx.newPage();
await page.goto(base + '/login');
await page.getByLabel('E-mail').fill(`${user}@demo.rounds.example`);
await page.getByLabel('Password', { exact: true }).fill('Demo-Review-2026!');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.waitForURL((u) => !u.pathname.startsWith('/login'));
for (const p of pages) {
  await page.goto(base + p);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800);
  const name = p.replace(/\W+/g, '_') || 'root';
  await page.screenshot({ path: `${dir}/${user}${name}.png`, fullPage: false });
  console.log('shot', p);
}
await browser.close();
