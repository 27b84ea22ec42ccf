// Provider directory journey on the empty server: an admin uploads a small NPPES file (two
// physicians, one organization, one row with a bad NPI) through Admin → Data, sees the counts and
// the rejected line, links the physicians to the organization with memberships.csv, then searches,
// opens a provider and goes on to the organization's profile. NPIs and names are random per run.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { npiCheckDigit } from '../src/core/npi';
import { expect, signIn, test } from './fixtures';
import { EMPTY_USERS } from './servers';

const admin = EMPTY_USERS.admin;
const randomNpi = () => {
  const first9 = `1${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  return first9 + npiCheckDigit(first9);
};
const letters = () =>
  Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

const NPPES_HEADER = [
  'NPI',
  'Entity Type Code',
  'Provider Organization Name (Legal Business Name)',
  'Provider Last Name (Legal Name)',
  'Provider First Name',
  'Provider Credential Text',
  'Provider First Line Business Practice Location Address',
  'Provider Business Practice Location Address City Name',
  'Provider Business Practice Location Address State Name',
  'Provider Business Practice Location Address Postal Code',
  'Healthcare Provider Taxonomy Code_1',
  'Healthcare Provider Primary Taxonomy Switch_1',
];
const csvLine = (values: string[]) => values.map((v) => `"${v}"`).join(',');

async function uploadThroughDataPage(page: Page, kind: string, name: string, text: string): Promise<Locator> {
  await page.getByLabel('Kind of file').selectOption(kind);
  await page
    .getByLabel(/^File \(/)
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'latin1') });
  await page.getByRole('button', { name: 'Upload and import' }).click();
  const result = page.getByLabel('Import result');
  await expect(result.getByText('Succeeded')).toBeVisible({ timeout: 30_000 });
  await expect(result).toContainText(name);
  return result;
}

const count = (result: Locator, label: string) => result.locator(`dt:text-is("${label}") + dd`);

test('upload NPPES in Admin → Data, search, open provider and organization', async ({ page }) => {
  const surname = `Zq${letters()}`;
  const orgName = `${surname.toUpperCase()} HEART GROUP`;
  const [alma, boris, org] = [randomNpi(), randomNpi(), randomNpi()];
  const nppes = [
    csvLine(NPPES_HEADER),
    csvLine([
      alma,
      '1',
      '',
      surname.toUpperCase(),
      'ALMA',
      'M.D.',
      '2201 WEST END AVE',
      'NASHVILLE',
      'TN',
      '372031234',
      '207RC0000X',
      'Y',
    ]),
    csvLine([
      boris,
      '1',
      '',
      surname.toUpperCase(),
      'BORIS',
      'D.O.',
      '2201 WEST END AVE',
      'NASHVILLE',
      'TN',
      '37203',
      '207Q00000X',
      'Y',
    ]),
    csvLine([
      org,
      '2',
      orgName,
      '',
      '',
      '',
      '1 MEDICAL CENTER DR',
      'NASHVILLE',
      'TN',
      '37232',
      '193400000X',
      'Y',
    ]),
    csvLine([
      '1234567890',
      '1',
      '',
      'BADNPI',
      'CARL',
      'M.D.',
      '1 MAIN ST',
      'NASHVILLE',
      'TN',
      '37203',
      '207Q00000X',
      'Y',
    ]),
  ].join('\n');

  await signIn(page, admin.email, admin.password);
  await page.goto('/admin/data');
  await expect(page.getByRole('heading', { name: 'Data', exact: true })).toBeVisible();

  // 4 rows read: 3 inserted, the bad check digit on line 5 rejected with its reason
  const result = await uploadThroughDataPage(page, 'nppes', 'npidata_pfile_e2e.csv', `${nppes}\n`);
  await expect(count(result, 'Read')).toHaveText('4');
  await expect(count(result, 'Inserted')).toHaveText('3');
  await expect(count(result, 'Rejected')).toHaveText('1');
  await result.getByRole('button', { name: 'Show row-level problems' }).click();
  const drawer = page.getByRole('dialog');
  const rejected = drawer.getByRole('row').filter({ hasText: '1234567890' });
  await expect(rejected).toContainText('5');
  await expect(rejected).toContainText(/check digit/i);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('table', { name: 'Import history' })).toContainText('npidata_pfile_e2e.csv');
  await expect(page.getByRole('heading', { name: /^New to market/ })).toBeVisible();

  // memberships.csv links both physicians to the group (any importer takes an upload here)
  const members = await uploadThroughDataPage(
    page,
    'memberships',
    'memberships_e2e.csv',
    `provider_npi,organization_npi,role\n${alma},${org},primary\n${boris},${org},primary\n`,
  );
  await expect(count(members, 'Inserted')).toHaveText('2');

  // search with a typo in the name, open the provider, then the organization
  await page.goto('/providers');
  await page.getByLabel('Search name or NPI').fill(`alma ${surname.slice(0, -1)}`);
  const providers = page.getByRole('table', { name: 'Providers' });
  await expect(providers.getByRole('row').filter({ hasText: alma })).toBeVisible();
  // the next search keeps these results on screen, marked busy, until it answers (held here)
  let answer = () => {};
  const held = new Promise<void>((r) => {
    answer = r;
  });
  const search = (u: URL) => u.pathname === '/api/providers';
  await page.route(search, async (route) => {
    await held;
    await route.continue();
  });
  const results = page.locator('.results');
  await page.getByLabel('Search name or NPI').fill(`alma ${surname}`);
  await expect(results).toHaveAttribute('aria-busy', 'true');
  await expect(providers.getByRole('row').filter({ hasText: alma })).toBeVisible();
  answer();
  await expect(results).toHaveAttribute('aria-busy', 'false');
  await page.unroute(search);
  await expect(providers.getByRole('row').filter({ hasText: alma })).toBeVisible();
  // the status filter: she is active, so not among the deactivated
  await page.getByLabel('Status').selectOption('deactivated');
  await expect(page.getByText('No providers match')).toBeVisible();
  await page.getByLabel('Status').selectOption('all');
  await expect(providers.getByRole('row').filter({ hasText: alma })).toBeVisible();
  // the same search as a file: her row, its point's precision and its source
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export CSV' }).click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\n')[0]).toContain('npi,name,credential');
  // (this file's name carries no date and its rows no update date: the data date column is empty)
  expect(csv).toMatch(new RegExp(`^${alma},.*,zip_centroid,.*,NPPES,`, 'm'));
  await providers.getByRole('row').filter({ hasText: alma }).getByText(/ALMA/i).first().click();
  await expect(page).toHaveURL(new RegExp(`/providers/${alma}$`));
  await expect(page.getByText(`NPI ${alma}`)).toBeVisible();
  await page.getByRole('link', { name: orgName }).first().click();
  await expect(page).toHaveURL(/\/organizations\/\d+$/);
  await expect(page.getByRole('heading', { name: orgName, level: 1 })).toBeVisible();
  const orgProviders = page.getByRole('table', { name: 'Providers of this organization' });
  await expect(orgProviders.getByRole('row').filter({ hasText: alma })).toBeVisible();
  await expect(orgProviders.getByRole('row').filter({ hasText: boris })).toBeVisible();
  // the practice point is a ZIP centroid and is labelled as such, never as the address
  await expect(page.getByText('ZIP centroid, not the address').first()).toBeVisible();

  // Organizations: a misspelt name finds the group first (best match first), and opens it
  await page.goto('/organizations');
  await page.getByLabel('Search organizations').fill(`${surname.slice(0, -1).toLowerCase()} heart group`);
  const orgs = page.getByRole('table', { name: 'Organizations' });
  await expect(orgs.getByRole('row').filter({ hasText: orgName })).toBeVisible();
  // best match first: the first data row (row 0 is the header), retried until this search has answered
  // (read once, it could catch the list between two answers)
  await expect(orgs.getByRole('row').nth(1)).toContainText(orgName);
  // the same results on a map: the group's point (a ZIP centroid, and labelled so) opens it
  await page.getByRole('button', { name: 'Show map' }).click();
  const marker = page
    .getByRole('region', { name: 'Map of the organizations in the results' })
    .locator(`.leaflet-marker-icon[title^="${orgName} ("]`);
  await expect(marker).toHaveAttribute('title', `${orgName} (ZIP centroid, not the address)`);
  await marker.click();
  await expect(page).toHaveURL(/\/organizations\/\d+$/);
  await expect(page.getByRole('heading', { name: orgName, level: 1 })).toBeVisible();

  // the command palette jumps to a provider typed with a typo (ux.md: "type a name … and jump")
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search or jump to' }).fill(`alma ${surname.slice(0, -1)}`);
  const option = page.getByRole('option').filter({ hasText: `NPI ${alma}` });
  await expect(option).toBeVisible();
  await option.click();
  await expect(page).toHaveURL(new RegExp(`/providers/${alma}$`));
  // a ZIP jumps to the providers near it
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search or jump to' }).fill('37203');
  await page.getByRole('option', { name: /Providers near ZIP 37203/ }).click();
  await expect(page).toHaveURL(/\/providers\?near=37203$/);
  await expect(page.getByLabel('Near ZIP (15 mi)')).toHaveValue('37203');
  await expect(providers.getByRole('row').filter({ hasText: alma })).toBeVisible();
  // and an action: plan tomorrow's route
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search or jump to' }).fill('plan tomorrow');
  await page.getByRole('option', { name: /Plan tomorrow/ }).click();
  await expect(page).toHaveURL(/\/routes\?date=\d{4}-\d{2}-\d{2}$/);
});
