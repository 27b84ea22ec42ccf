// Journeys of the network and targets pages. The first runs on the empty server (so in CI): it
// seeds a small SYNTHETIC network through the real importers (NPPES file, organizations, offices,
// memberships, referrals CSV) and the background network job, then goes provider profile →
// Network tab → full network page (list, canvas graph, sigma.js graph) → back to the profile, and adds the
// physician to today's route from the Targets page in one click. The demo-market check below needs
// E2E_DEMO=1 (as CI runs it).
import type { Page } from '@playwright/test';
import { npiCheckDigit } from '../src/core/npi';
import { DOMAIN } from '../src/demo/crm';
import { expect, signIn, signOut, test } from './fixtures';
import { DEMO_PASSWORD, EMPTY_USERS } from './servers';

const tag = Math.random().toString(36).slice(2, 7);
const npi = (seed: number) => {
  const first9 = `1${String((seed * 7919 + Math.floor(Math.random() * 1e7)) % 1e8).padStart(8, '0')}`;
  return `${first9}${npiCheckDigit(first9)}`;
};
const ymd = (monthsAgo: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - monthsAgo);
  return d.toISOString().slice(0, 10);
};

async function upload(page: Page, url: string, name: string, csv: string) {
  const csrf = (await (await page.request.get('/api/auth/me')).json()).csrfToken as string;
  const res = await page.request.post(url, {
    headers: { 'x-csrf-token': csrf },
    multipart: { file: { name, mimeType: 'text/csv', buffer: Buffer.from(csv) }, wait: 'true' },
  });
  expect(res.ok(), await res.text()).toBe(true);
  return res.json();
}

/** Four physicians: P1 (family medicine) refers to C1 (12) and C2 (5); R1 refers to P1 (3). */
async function seedNetwork(page: Page) {
  const [p1, c1, c2, r1, org] = [npi(1), npi(2), npi(3), npi(4), npi(5)];
  const header =
    'NPI,Entity Type Code,Provider Last Name (Legal Name),Provider First Name,Provider Credential Text,Provider Organization Name (Legal Business Name),Provider Business Practice Location Address City Name,Provider Business Practice Location Address State Name,Provider Business Practice Location Address Postal Code,Healthcare Provider Taxonomy Code_1,Healthcare Provider Primary Taxonomy Switch_1';
  const person = (n: string, last: string, first: string, taxonomy: string) =>
    `${n},1,${last}${tag},${first},MD,,Nashville,TN,37203,${taxonomy},Y`;
  await upload(
    page,
    '/api/admin/imports/nppes',
    'npidata_pfile_network.csv',
    `${header}\n${[
      person(p1, 'Netfam', 'Paula', '207Q00000X'),
      person(c1, 'Netcard', 'Cyrus', '207RC0000X'),
      person(c2, 'Netcardtwo', 'Cora', '207RC0000X'),
      person(r1, 'Netref', 'Rita', '207Q00000X'),
    ].join('\n')}\n`,
  );
  await upload(
    page,
    '/api/admin/imports/organizations',
    'organizations.csv',
    `npi,name,type,network_status,parent_npi,facility_code,service_lines\n${org},E2E Network Practice ${tag},practice,independent,,,\n`,
  );
  await upload(
    page,
    '/api/admin/imports/locations',
    'locations.csv',
    'location_id,organization_npi,name,address_line1,city,state,zip,county_fips,lat,lon,phone,hours,visit_rules\n' +
      `LN${tag},${org},E2E Network Practice ${tag},1 Synthetic Way,Nashville,TN,37203,47037,36.1627,-86.7816,6155550100,Mon-Sun 07:00-19:00,\n`,
  );
  await upload(
    page,
    '/api/admin/imports/memberships',
    'memberships.csv',
    `provider_npi,organization_npi,role\n${p1},${org},primary\n`,
  );
  const rows = ['referring_npi,receiving_npi,receiving_facility,service_line,referral_date,status,count'];
  for (const m of [1, 2, 7]) {
    rows.push(`${p1},${c1},,cardiology,${ymd(m)},completed,4`);
    rows.push(`${r1},${p1},,primary_care,${ymd(m)},completed,1`);
  }
  rows.push(`${p1},${c2},,cardiology,${ymd(1)},completed,5`);
  await upload(page, '/api/referrals/import', 'referrals.csv', `${rows.join('\n')}\n`);
  // the influence job (graph edges, PageRank, communities) runs in the background
  const csrf = (await (await page.request.get('/api/auth/me')).json()).csrfToken as string;
  const start = await page.request.post('/api/network/jobs', { headers: { 'x-csrf-token': csrf }, data: {} });
  expect(start.status(), await start.text()).toBe(202);
  await expect
    .poll(async () => (await (await page.request.get('/api/network/jobs')).json()).items[0]?.status, {
      timeout: 60_000,
    })
    .toBe('succeeded');
  return { p1, c1, c2, r1, name: `Paula Netfam${tag}, MD` };
}

test('provider profile → network tab → full network page (list + graph) → back; add to today’s route', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, EMPTY_USERS.admin.email, EMPTY_USERS.admin.password);
  const s = await seedNetwork(page);
  // The rest as the manager: the field journeys mark the admin's visits of today done at the current
  // time, so late in the day an office added to the admin's today would rightly not fit it.
  await signOut(page);
  await signIn(page, EMPTY_USERS.manager.email, EMPTY_USERS.manager.password);

  await page.goto(`/providers/${s.p1}`);
  await page.getByRole('tab', { name: 'Network' }).click();
  await page.getByRole('link', { name: 'Open the full network page' }).click();
  await expect(page).toHaveURL(new RegExp(`/network/provider/${s.p1}$`));
  await expect(page.getByRole('heading', { name: `${s.name} — network` })).toBeVisible();
  // List view: the three direct ties, strongest first (C1: 12 referrals, C2: 5, R1: 3 from R1).
  const connections = page.getByRole('table', { name: 'Connections' });
  await expect(connections.getByRole('row')).toHaveCount(5); // header + P1 + 3 ties
  const strongest = page.getByRole('list', { name: 'Strongest connections' }).getByRole('listitem');
  await expect(strongest).toHaveCount(3);
  await expect(strongest.first()).toContainText(`Cyrus Netcard${tag}`);
  await expect(strongest.first()).toContainText(/12 referrals/);
  // Graph view. Headless Chromium's WebGL is SwiftShader (software), so the page picks the 2D
  // canvas renderer; ?renderer=webgl forces sigma.js, which must draw there too.
  await page.getByRole('tab', { name: 'Graph' }).click();
  const graph = page.getByRole('img', { name: /Ego network: 4 providers/ });
  await expect(graph).toHaveAttribute('data-renderer', 'canvas');
  await page.goto(`/network/provider/${s.p1}?renderer=webgl`);
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect(graph).toHaveAttribute('data-renderer', 'webgl');
  await expect(graph.locator('canvas').first()).toBeVisible();

  await page.getByRole('link', { name: '← Back to profile' }).click();
  await expect(page).toHaveURL(new RegExp(`/providers/${s.p1}$`));

  // Targets: P1 leaks nothing but refers and is new → a candidate; one click puts them on today's route.
  await page.goto('/targets');
  await page.getByRole('button', { name: `Add ${s.name} to today's route` }).click();
  const status = page.getByRole('status').filter({ hasText: 'today’s route' });
  await expect(status).toContainText('On today’s route');
  await status.getByRole('link', { name: 'Open route' }).click();
  await expect(page).toHaveURL(/\/routes\?date=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByTestId('route-stop').filter({ hasText: `E2E Network Practice ${tag}` })).toHaveCount(
    1,
  );
});

test.describe('on the demo market', () => {
  test.use({ server: 'demo' });

  test('the Network page draws the market graph and lists it', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, `alex.morgan@${DOMAIN}`, DEMO_PASSWORD);
    await page.goto('/network?renderer=webgl');
    const graph = page.getByRole('img', { name: /Referral network: \d+ providers/ });
    // sigma.js on software WebGL (SwiftShader) with the market's top 2,000 providers: >10 s on a busy CI box
    await expect(graph).toHaveAttribute('data-renderer', 'webgl', { timeout: 60_000 });
    // ties between communities are summarized: the legend counts them, as worked out from the API's graph
    const data = (await (await page.request.get('/api/network/graph?limit=2000')).json()) as {
      nodes: { id: string; influence: { community: number } | null }[];
      edges: { source: string; target: string }[];
    };
    const community = new Map(data.nodes.map((n) => [n.id, n.influence?.community ?? -1]));
    const between = data.edges.filter((e) => community.get(e.source) !== community.get(e.target)).length;
    expect(between).toBeGreaterThan(0);
    await expect(
      page.getByText(`for their ${between.toLocaleString('en-US')} ties between them`),
    ).toBeVisible();
    // communities are chosen by name; the details panel names a member's community the same way
    const choice = page.getByLabel('Community');
    const first = (await choice.locator('option').nth(1).textContent())!;
    expect(first).toMatch(/ and \d+ others$/);
    await choice.selectOption({ label: first });
    await page.getByRole('tab', { name: /List/ }).click();
    const hub = first.replace(/ and \d+ others$/, '');
    await page
      .getByRole('table', { name: 'Providers in the network' })
      .getByRole('row')
      .filter({ hasText: hub })
      .first()
      .click();
    await expect(page.getByRole('complementary', { name: `Details for ${hub}` })).toContainText(first);
    await choice.selectOption({ label: 'All' });
    const table = page.getByRole('table', { name: 'Providers in the network' });
    await expect(table).toBeVisible();
    await table.getByRole('row').nth(1).click();
    await expect(page.getByRole('complementary', { name: /Details for/ })).toContainText('Why connected');
  });

  test('a manager narrows the targets to splitters leaking in orthopedics, saves, works and archives the list', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signIn(page, `dana.whitfield@${DOMAIN}`, DEMO_PASSWORD);
    await page.goto('/targets');
    const all = (await (await page.request.get('/api/targets?limit=500')).json()) as {
      candidates: number;
      items: { npi: string; score: number }[];
    };
    await expect(page.getByText(`${all.candidates} candidates ·`)).toBeVisible();
    const listed = page.waitForResponse(
      (r) => r.url().includes('/api/targets?') && r.url().includes('leakageLine=orthopedics'),
    );
    await page.getByLabel('Segment', { exact: true }).selectOption('splitter');
    await page.getByLabel('Leaking in', { exact: true }).selectOption('orthopedics');
    type Item = { npi: string; name: string; score: number; breakdown: { factor: string; value: number }[] };
    const filtered = (await (await listed).json()) as { poolSize: number; candidates: number; items: Item[] };
    expect(page.url()).toContain('segment=splitter');
    expect(filtered.poolSize).toBeGreaterThan(0);
    expect(filtered.poolSize).toBeLessThan(all.candidates);
    await expect(
      page.getByText(
        `${filtered.poolSize} of ${all.candidates} candidates · splitters · leaking in orthopedics & spine ·`,
      ),
    ).toBeVisible();
    const unfiltered = new Map(all.items.map((t) => [t.npi, t.score]));
    for (const t of filtered.items) {
      // a splitter's loyalty factor is 1; leaking means an opportunity above 0; the score is the same as unfiltered
      expect(t.breakdown.find((b) => b.factor === 'loyalty')?.value).toBe(1);
      expect(t.breakdown.find((b) => b.factor === 'opportunity')?.value).toBeGreaterThan(0);
      if (unfiltered.has(t.npi)) expect(t.score).toBe(unfiltered.get(t.npi));
    }
    const rows = page.locator('ol.targets > li');
    await expect(rows).toHaveCount(Math.min(50, filtered.items.length));
    await expect(rows.first()).toContainText(filtered.items[0]!.name);
    // an empty list name takes the filter's words
    await page.getByRole('button', { name: 'Save list' }).click();
    await expect(page.getByRole('list', { name: 'Target lists' })).toContainText(
      `Splitters · leaking in orthopedics & spine · 0/${Math.min(50, filtered.items.length)} reached`,
    );
    // the list's own page: its filter, progress, a member marked won, then archived
    const n = Math.min(50, filtered.items.length);
    await page.getByRole('link', { name: 'Splitters · leaking in orthopedics & spine' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Splitters · leaking in orthopedics & spine',
    );
    await expect(
      page.getByText('splitters · leaking in orthopedics & spine', { exact: false }).first(),
    ).toBeVisible();
    const members = page.getByRole('table', {
      name: 'Members of Splitters · leaking in orthopedics & spine',
    });
    await expect(members.locator('tr.dt-row')).toHaveCount(n);
    await expect(page.getByText(`0 of ${n} (0 %)`)).toBeVisible();
    const first = filtered.items[0]!;
    await page.getByLabel(`Status of ${first.name}`).selectOption('won');
    await expect(page.getByText(`1 of ${n} (${Math.round(100 / n)} %)`)).toBeVisible();
    await page.getByRole('button', { name: 'Archive list' }).click();
    await page.getByRole('button', { name: 'Archive: sure?' }).click();
    await expect(page).toHaveURL(/\/targets$/);
    await expect(page.getByRole('list', { name: 'Target lists' })).not.toContainText(
      'Splitters · leaking in orthopedics',
    );
    // back on Targets (no filter in its address): every candidate again
    await expect(page.getByText(`${all.candidates} candidates ·`)).toBeVisible();
    // the profile names the same segment (both over the last 12 months of referrals)
    await page.goto(`/providers/${filtered.items[0]!.npi}`);
    await expect(page.getByText('Share to our network, last 12 months · splitter')).toBeVisible();
  });

  test('a page opened while the demo loads says so, and fills in when the load ends', async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, `alex.morgan@${DOMAIN}`, DEMO_PASSWORD);
    // the server has finished loading; the page is shown a server still loading, then the end of it
    let loading = true;
    await page.route('**/api/system/info', async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      if (loading && body.demo) body.demo.loading = 'referral history';
      await route.fulfill({ response: res, json: body });
    });
    await page.route('**/api/network/graph?*', async (route) => {
      if (!loading) return route.continue();
      const res = await route.fetch();
      await route.fulfill({ response: res, json: { ...(await res.json()), nodes: [], edges: [] } });
    });
    await page.goto('/network?renderer=canvas');
    await expect(page.getByRole('heading', { name: 'The demo market is still loading' })).toBeVisible();
    await expect(page.getByText('No network to show')).toHaveCount(0);
    loading = false;
    // no reload: the end of the load (seen by the top bar's poll) refetches the page's data
    await expect(page.getByRole('img', { name: /Referral network: \d+ providers/ })).toBeVisible({
      timeout: 30_000,
    });
  });
});
