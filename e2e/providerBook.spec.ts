// The Providers list as a liaison's book of business, on the empty server: three physicians
// (random names per run, uploaded through the NPPES importer) are ticked and given an owner and a
// tier in bulk, added to a target list, found again with the owner / tier filters, saved as a
// view, reopened from it, and exported as a file of just the ticked rows. On the demo market: a
// liaison's overdue splitters and opportunities in their territories.
import { readFileSync } from 'node:fs';
import { npiCheckDigit } from '../src/core/npi';
import { DOMAIN } from '../src/demo/crm';
import { expect, signIn, test } from './fixtures';
import { DEMO_PASSWORD, EMPTY_USERS } from './servers';

const manager = EMPTY_USERS.manager;
const tag = `Zb${Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;
const npi = () => {
  const first9 = `1${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  return first9 + npiCheckDigit(first9);
};

test('tick physicians, give them an owner, a tier and a list, filter, save and reopen a view', async ({
  page,
}) => {
  const [ava, ben, cal] = [npi(), npi(), npi()];
  await signIn(page, manager.email, manager.password);
  const csrf = (await (await page.request.get('/api/auth/me')).json()).csrfToken as string;
  const header =
    'NPI,Entity Type Code,Provider Organization Name (Legal Business Name),Provider Last Name (Legal Name),Provider First Name,Provider Credential Text,Provider Business Practice Location Address City Name,Provider Business Practice Location Address State Name,Provider Business Practice Location Address Postal Code,Healthcare Provider Taxonomy Code_1,Healthcare Provider Primary Taxonomy Switch_1';
  const row = (n: string, first: string) => `${n},1,,${tag},${first},MD,Nashville,TN,37203,207Q00000X,Y`;
  const nppes = `${header}\n${[row(ava, 'Ava'), row(ben, 'Ben'), row(cal, 'Cal')].join('\n')}\n`;
  // an admin's upload (the manager may not import): through the API as the e2e admin
  const adminPage = await page.context().browser()!.newPage();
  await signIn(adminPage, EMPTY_USERS.admin.email, EMPTY_USERS.admin.password);
  const adminCsrf = (await (await adminPage.request.get('/api/auth/me')).json()).csrfToken as string;
  const up = await adminPage.request.post('/api/admin/imports/nppes', {
    headers: { 'x-csrf-token': adminCsrf },
    multipart: {
      file: { name: `npidata_pfile_${tag}.csv`, mimeType: 'text/csv', buffer: Buffer.from(nppes) },
      wait: 'true',
    },
  });
  expect(up.ok(), await up.text()).toBe(true);
  await adminPage.close();
  const list = await page.request.post('/api/target-lists', {
    headers: { 'x-csrf-token': csrf },
    data: { name: `Campaign ${tag}`, limit: 1 },
  });
  expect(list.ok(), await list.text()).toBe(true);
  const created = (await list.json()) as { id: number; members: { npi: string }[] };
  const listId = created.id;
  // the list starts with the market's top target, which can be one of ours: new to the market when an
  // earlier journey imported NPPES on this server
  const already = created.members.filter((m) => [ava, ben, cal].includes(m.npi)).length;

  await page.goto(`/providers?q=${tag}`);
  const table = page.getByRole('table', { name: 'Providers' });
  await expect(table.getByRole('row').filter({ hasText: ava })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: cal })).toBeVisible();

  // all three ticked: owner "me" in one request
  await table.getByRole('checkbox', { name: 'Select all 3 rows' }).check();
  const bar = page.getByRole('region', { name: 'Selected providers' });
  await expect(bar).toContainText('3 providers selected');
  await bar.getByLabel('Assign owner').selectOption({ label: 'Me' });
  await expect(page.getByText('on 3 of 3 providers')).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: ava })).toContainText(manager.name);
  // the two ticked are added to the campaign
  await bar.getByLabel('Add to target list').selectOption({ label: `Campaign ${tag}` });
  await expect(
    page.getByText(`Added ${3 - already} to Campaign ${tag}${already ? ` (${already} already on it)` : ''}`),
  ).toBeVisible();
  const members = (await (await page.request.get(`/api/target-lists/${listId}`)).json()).members as {
    npi: string;
  }[];
  expect(members.map((m) => m.npi)).toEqual(expect.arrayContaining([ava, ben, cal]));
  // Ava alone gets tier A
  await bar.getByRole('button', { name: 'Clear selection' }).click();
  await table.getByRole('checkbox', { name: new RegExp(`^Select Ava ${tag}`, 'i') }).check();
  await bar.getByLabel('Set tier').selectOption({ label: 'Tier A' });
  await expect(page.getByText('Set tier A on 1 of 1 provider')).toBeVisible();

  // the filters find her: my book, tier A
  await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Me (my book)' });
  await page.getByLabel('Tier', { exact: true }).selectOption('A');
  await expect(page).toHaveURL(/owner=me/);
  await expect(page).toHaveURL(/tier=A/);
  // (the list keeps the last results, aria-busy, until this search answers)
  await expect(page.locator('.results')).toHaveAttribute('aria-busy', 'false');
  await expect(table.getByRole('row').filter({ hasText: ava })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: ben })).toHaveCount(0);

  // saved as a view, reopened from a bare list
  await page.getByRole('button', { name: 'Save view' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill(`My A ${tag}`);
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Saved view “My A ${tag}”`)).toBeVisible();
  await page.goto('/providers');
  await expect(page.getByLabel('Tier', { exact: true })).toHaveValue('');
  await page.getByLabel('Saved views').selectOption({ label: `My A ${tag}` });
  await expect(page).toHaveURL(/tier=A/);
  await expect(page.getByLabel('Search name or NPI')).toHaveValue(tag);
  await expect(page.locator('.results')).toHaveAttribute('aria-busy', 'false');
  await expect(table.getByRole('row').filter({ hasText: ava })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: cal })).toHaveCount(0);

  // the ticked rows as a file: just them, with tier and owner
  await table.getByRole('checkbox', { name: new RegExp(`^Select Ava ${tag}`, 'i') }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    bar.getByRole('link', { name: 'Export CSV' }).click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.split('\n').filter((l) => /^\d{10},/.test(l));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(ava);
  expect(lines[0]).toContain(`,A,${manager.name},`);

  // the view removed
  await page.getByRole('button', { name: 'Delete view' }).click();
  await expect(page.getByLabel('Saved views')).not.toContainText(`My A ${tag}`);
});

test.describe('on the demo market', () => {
  test.use({ server: 'demo' });

  test('a liaison lists the splitters and opportunities in their territories who are overdue', async ({
    page,
  }) => {
    await signIn(page, `jordan.pickett@${DOMAIN}`, DEMO_PASSWORD);
    await page.goto('/providers');
    await page.getByLabel('Territory', { exact: true }).selectOption({ label: 'My territories' });
    await page.getByLabel('Segment', { exact: true }).selectOption({ label: 'Opportunity or splitter' });
    await page.getByRole('button', { name: 'Overdue' }).click();
    await expect(page).toHaveURL(/segment=opportunity%2Csplitter/);
    // the segments say which referral data they come from
    await expect(page.getByText(/^Segment: share of referrals to our network .* through /)).toBeVisible();
    const table = page.getByRole('table', { name: 'Providers' });
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    // every row shown is overdue — read once the list has answered this search (the last results stay
    // on screen, aria-busy, while the next one runs: counted then, they were the segment's, not overdue)
    const results = page.locator('.results');
    await expect
      .poll(
        async () => {
          if ((await results.getAttribute('aria-busy')) !== 'false') return 'searching';
          const rows = await table.locator('tr.dt-row').count();
          const overdue = await table.getByText('Overdue', { exact: true }).count();
          return rows > 0 && overdue === rows ? 'all overdue' : `${overdue} overdue of ${rows} rows`;
        },
        { timeout: 20_000 },
      )
      .toBe('all overdue');
  });

  test('a liaison lists the cardiology organizations in their territory', async ({ page }) => {
    await signIn(page, `jordan.pickett@${DOMAIN}`, DEMO_PASSWORD);
    await page.goto('/organizations');
    const answered = page.waitForResponse(
      (r) =>
        r.url().includes('/api/organizations?') &&
        r.url().includes('territory=mine') &&
        r.url().includes('serviceLine=cardiology'),
    );
    // the box follows the address bar, which the router updates a moment after the click
    await page.getByLabel('In my territory').click();
    await expect(page.getByLabel('In my territory')).toBeChecked();
    await page.getByLabel('Service line', { exact: true }).selectOption('cardiology');
    const found = (await (await answered).json()) as { items: { id: number; name: string }[] };
    expect(page.url()).toContain('territory=mine');
    expect(found.items.length).toBeGreaterThan(0);
    // every one is among the territory's organizations and among the market's cardiology ones (all pages)
    const all = async (q: string) => {
      const ids = new Set<number>();
      let cursor: string | null = null;
      do {
        const page1 = (await (
          await page.request.get(`/api/organizations?${q}&limit=200${cursor ? `&cursor=${cursor}` : ''}`)
        ).json()) as { items: { id: number }[]; nextCursor: string | null };
        for (const o of page1.items) ids.add(o.id);
        cursor = page1.nextCursor;
      } while (cursor);
      return ids;
    };
    const [territory, cardiology] = [await all('territory=mine'), await all('serviceLine=cardiology')];
    for (const o of found.items) {
      expect(territory.has(o.id), o.name).toBe(true);
      expect(cardiology.has(o.id), o.name).toBe(true);
    }
    expect(found.items.length).toBeLessThan(territory.size);
    const table = page.getByRole('table').first();
    await expect(table.getByRole('row').nth(1)).toContainText(found.items[0]!.name);
  });

  test('the providers list shows the next 200 on request, none twice', async ({ page }) => {
    await signIn(page, `jordan.pickett@${DOMAIN}`, DEMO_PASSWORD);
    await page.goto('/providers');
    await expect(page.getByText(/^\d+ providers · first 200 shown$/)).toBeVisible();
    await page.getByRole('button', { name: 'Show the next 200' }).click();
    await expect(page.getByText(/^\d+ providers · first 400 shown$/)).toBeVisible();
    // the rows come in name order across the page boundary: the table sorted by name, descending, starts
    // with the last of the 400 the API's first two pages hold
    type Page = { items: { npi: string; name: string }[]; nextCursor: string };
    const first = (await (await page.request.get('/api/providers?limit=200')).json()) as Page;
    const second = (await (
      await page.request.get(`/api/providers?limit=200&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json()) as Page;
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((r) => r.npi)).size).toBe(400);
    const table = page.getByRole('table', { name: 'Providers' });
    await table.getByRole('button', { name: /^Name/ }).click();
    await table.getByRole('button', { name: /^Name/ }).click();
    const cmp = (a: string, b: string) =>
      a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
    const last = [...all].sort((a, b) => cmp(b.name, a.name))[0]!;
    // (a name equal to it but for accents or case may come first: DataTable compares as cmp does)
    await expect
      .poll(async () => cmp((await table.getByRole('row').nth(1).textContent()) ?? '', last.name) >= 0)
      .toBe(true);
    await expect(table.getByRole('row').nth(1)).toContainText(last.name.split(',')[0]!.split(' ').at(-1)!);
  });
});
