// Market page on the demo market: the shifting-referrer inbox shows each physician × service line once —
// a drop in our share and a rise to competitors for the same physician are one shift, one entry, whose
// alerts open together (each with its own evidence and actions); My day and the phone list a shift once too.
import { DOMAIN } from '../src/demo/crm';
import { expect, signIn, test } from './fixtures';
import { DEMO_PASSWORD } from './servers';

test.describe('on the demo market', () => {
  test.use({ server: 'demo' });

  test('the alert inbox shows both sides of a shift as one entry', async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, `jordan.pickett@${DOMAIN}`, DEMO_PASSWORD);
    const api = (await (await page.request.get('/api/alerts?status=open&limit=200')).json()) as {
      items: { id: number; referringNpi: string; serviceLine: string }[];
    };
    const byShift = new Map<string, number>();
    for (const a of api.items) {
      const k = `${a.referringNpi}|${a.serviceLine}`;
      byShift.set(k, (byShift.get(k) ?? 0) + 1);
    }
    expect(api.items.length).toBeGreaterThan(0);
    await page.goto('/referrals');
    const inbox = page.getByRole('region', { name: 'Shifting-referrer alerts' });
    const entries = inbox.locator('.alert-item');
    await expect(entries).toHaveCount(byShift.size, { timeout: 30_000 });
    // the demo injects physicians who move to a competitor: some shift raises both alerts
    const pairs = [...byShift.values()].filter((n) => n === 2).length;
    expect(pairs).toBeGreaterThan(0);
    const pair = entries
      .filter({ has: page.getByText('to competitor ↑') })
      .filter({ has: page.getByText('drop', { exact: true }) });
    await expect(pair).toHaveCount(pairs);
    await pair.first().getByRole('button').first().click();
    await expect(pair.first().locator('.alert-body')).toHaveCount(2);
    await expect(pair.first().getByRole('link', { name: 'Referral base' })).toHaveCount(2);
  });

  test('My day and the phone list a shift once, in words', async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, `jordan.pickett@${DOMAIN}`, DEMO_PASSWORD);
    // My day: one row per physician × service line
    await page.goto('/today');
    const panel = page.getByRole('region', { name: 'New shifting-referrer alerts in your territory' });
    const rows = panel.locator('tbody tr');
    await expect(rows.first()).toBeVisible({ timeout: 30_000 });
    const keys = await rows.evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll('td')]
          .slice(0, 2)
          .map((td) => td.textContent)
          .join('|'),
      ),
    );
    expect(new Set(keys).size).toBe(keys.length);
    await expect(panel.getByText(/^(fewer|more) to (us|competitors)/).first()).toBeVisible();
    // the phone's Alerts: as many cards as shifts in the day's bundle, both sides named
    const bundle = (await (await page.request.get('/api/field/bundle')).json()) as {
      alerts: { referring_npi: string; service_line: string }[];
    };
    const shifts = new Set(bundle.alerts.map((a) => `${a.referring_npi}|${a.service_line}`));
    await page.goto('/field/alerts');
    await expect(page.locator('.fld-list .fld-card')).toHaveCount(shifts.size, { timeout: 30_000 });
    if (shifts.size < bundle.alerts.length)
      await expect(page.getByText(/fewer to us, more to competitors/).first()).toBeVisible();
  });
});
