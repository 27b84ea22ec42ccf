// CRM journeys: log a visit with two attendees and a follow-up on a phone, resolve a physician
// issue, import a contacts spreadsheet with two bad rows (then the practice's profile: its contacts, its
// network status set there, its timeline, an office's hours corrected there), add a task and report an issue from a provider
// profile's header and log spend on it; hand a task to a colleague, who finds it under the bell and
// marks it done, chooses a daily digest, watches a physician and hears of a visit to them. Each journey seeds what it needs
// (providers through the NPPES upload, an organization through organizations.csv) on the
// empty server, with NPIs random per run so journeys never collide.
import type { Page } from '@playwright/test';
import { npiCheckDigit } from '../src/core/npi';
import { expect, signIn, signOut, test } from './fixtures';
import { EMPTY_USERS } from './servers';

const admin = EMPTY_USERS.admin;
const randomNpi = (lead: '1' | '2') => {
  const first9 = lead + String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  return first9 + npiCheckDigit(first9);
};
const tag = () => Math.random().toString(36).slice(2, 7);

async function csrf(page: Page) {
  return ((await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
}

async function upload(page: Page, kind: string, name: string, text: string) {
  const res = await page.request.post(`/api/admin/imports/${kind}`, {
    headers: { 'x-csrf-token': await csrf(page) },
    multipart: { wait: 'true', file: { name, mimeType: 'text/csv', buffer: Buffer.from(text) } },
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
}

/** Two individual providers in the directory, through the NPPES importer. */
async function seedProviders(page: Page, surname: string) {
  const npis = [randomNpi('1'), randomNpi('1')];
  const header =
    'NPI,Entity Type Code,Provider Last Name (Legal Name),Provider First Name,Provider Credential Text,Provider Organization Name (Legal Business Name),Provider Business Practice Location Address City Name,Provider Business Practice Location Address State Name,Provider Business Practice Location Address Postal Code,Healthcare Provider Taxonomy Code_1,Healthcare Provider Primary Taxonomy Switch_1';
  const rows = [
    `${npis[0]},1,${surname},Alma,MD,,Nashville,TN,37203,207RC0000X,Y`,
    `${npis[1]},1,${surname},Boris,DO,,Nashville,TN,37203,207Q00000X,Y`,
  ];
  await upload(page, 'nppes', 'npidata_pfile_e2e.csv', `${header}\n${rows.join('\n')}\n`);
  return npis;
}

async function api(page: Page, method: 'POST' | 'PATCH', url: string, data: unknown) {
  const res = await page.request.fetch(url, { method, data, headers: { 'x-csrf-token': await csrf(page) } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

test.describe('log a visit on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('two attendees, an outcome, a note and a follow-up task in one save', async ({ page }) => {
    await signIn(page, admin.email, admin.password);
    const surname = `Quill${tag()}`;
    await seedProviders(page, surname);
    await page.goto('/activities');
    await page.getByRole('button', { name: 'Log visit' }).first().click();
    const sheet = page.getByRole('dialog', { name: 'Log visit' });
    await sheet.getByRole('button', { name: 'Drop-in' }).click();
    const who = sheet.getByPlaceholder('Add a physician or contact (name or NPI)');
    for (const first of ['Alma', 'Boris']) {
      await who.fill(surname);
      await sheet
        .getByRole('button', { name: new RegExp(`${first} .*${surname}|${surname}.*${first}`, 'i') })
        .click();
    }
    await expect(sheet.getByRole('button', { name: /^Remove / })).toHaveCount(2);
    await sheet.getByRole('button', { name: 'Positive' }).click();
    await sheet
      .getByLabel('Notes')
      .fill('Asked for the new Saturday MRI hours; office manager will share with partners.');
    await sheet.getByLabel('Add a follow-up task').check();
    await sheet.getByLabel('Follow-up', { exact: true }).fill(`Send MRI hours ${surname}`);
    await sheet.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Visit logged with a follow-up task')).toBeVisible();
    await expect(page.getByText(new RegExp(`Drop-in · .*${surname}.*${surname}`))).toBeVisible();
    await page.goto('/tasks');
    await expect(page.getByText(`Send MRI hours ${surname}`)).toBeVisible();
  });
});

test('resolve a physician issue from the aging view', async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  const surname = `Ives${tag()}`;
  const [npi] = await seedProviders(page, surname);
  const title = `Referral fax lost ${surname}`;
  await api(page, 'POST', '/api/issues', {
    providerNpi: npi,
    category: 'communication',
    title,
    openedOn: '2026-01-05',
  });
  await page.goto('/issues');
  await page.getByRole('button', { name: /open over 90 days/ }).click();
  await page.getByText(title).click();
  const drawer = page.getByRole('dialog', { name: title });
  await drawer
    .getByLabel('Resolution')
    .fill('Switched the office to e-referrals; confirmed with the practice manager.');
  await drawer.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByText('Issue resolved')).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear age filter' }).click();
  await page.getByLabel('Status').selectOption('resolved');
  await expect(page.getByText(title)).toBeVisible();
});

test('import a contacts spreadsheet: two bad rows reported, the rest imported', async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  const orgNpi = randomNpi('1');
  const practice = `Harpeth Family Practice ${tag()}`;
  await upload(
    page,
    'organizations',
    'organizations.csv',
    `npi,name,type,network_status,parent_npi,facility_code,service_lines\n${orgNpi},${practice},practice,independent,,,\n`,
  );
  const who = tag();
  const csv = [
    'Practice NPI,Contact Name,Position,Phone,E-mail,Preferred Method,Notes',
    `${orgNpi},Dana ${who},Office Manager,6155550101,dana.${who}@example.com,email,Front desk lead`,
    `${orgNpi},Lee ${who},Referral Coordinator,6155550102,lee.${who}@example.com,phone,`,
    `${orgNpi},Sam ${who},Janitor,6155550103,sam.${who}@example.com,phone,`,
    `${orgNpi},,Scheduler,6155550104,x.${who}@example.com,email,`,
    `${orgNpi},Ray ${who},Practice Administrator,6155550106,ray.${who}@example.com,in person,`,
  ].join('\n');
  await page.goto('/contacts');
  await page.getByRole('button', { name: 'Import spreadsheet' }).click();
  const dialog = page.getByRole('dialog', { name: /Import contacts/ });
  await dialog
    .getByLabel('CSV or XLSX file')
    .setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('status')).toContainText('5 rows, 3 ready to import, 2 with problems');
  // The mapping step: the customer's headers were recognised by their usual names.
  await expect(dialog.getByLabel('Field for column Contact Name')).toHaveValue('name');
  const problems = dialog.getByRole('table', { name: 'Row problems' });
  await expect(problems).toContainText('"Janitor" is not one of');
  await expect(problems).toContainText('is required');
  await dialog.getByRole('button', { name: /^Import 3 rows/ }).click();
  await expect(dialog.getByRole('status')).toContainText(
    'Imported: 3 new, 0 updated, 0 unchanged; 2 rows rejected',
  );
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  for (const n of [`Dana ${who}`, `Lee ${who}`, `Ray ${who}`]) await expect(page.getByText(n)).toBeVisible();
  await expect(page.getByText(`Sam ${who}`)).toHaveCount(0);
  // the organization's profile: the people to ask for, its network status set there, its timeline
  const found = (await (
    await page.request.get(`/api/organizations?q=${encodeURIComponent(practice)}`)
  ).json()) as {
    items: { id: number; name: string }[];
  };
  const org = found.items.find((o) => o.name === practice)!;
  await page.goto(`/organizations/${org.id}`);
  const contacts = page.getByRole('region', { name: 'Contacts at the practice' });
  await expect(contacts.getByRole('listitem')).toHaveCount(3);
  await expect(contacts.getByRole('listitem').filter({ hasText: `Dana ${who}` })).toContainText(
    '(615) 555-0101',
  );
  await page.getByLabel('Network status').selectOption('competitor');
  await expect(page.getByText(`${practice} is now competitor`)).toBeVisible();
  await expect(page.getByRole('list', { name: `Timeline of ${practice}` })).toContainText(
    'network status: independent → competitor',
  );
  await expect(page.getByLabel('Network status')).toHaveValue('competitor');
  // its office's hours, corrected there: a wrong hour is refused with the reason, a right one kept
  await api(page, 'POST', `/api/crm/organizations/${org.id}/locations`, {
    name: `Main office ${who}`,
    city: 'Nashville',
    state: 'TN',
    zip5: '37203',
  });
  await page.reload();
  await page.getByRole('button', { name: `Edit the hours of Main office ${who}` }).click();
  const hours = page.getByRole('form', { name: `Hours of Main office ${who}` });
  await hours.getByLabel('Hours').fill('Mon-Thu 08:00-25:00');
  await hours.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /^hours: / })).toBeVisible();
  await hours.getByLabel('Hours').fill('Mon-Thu 08:00-17:00; Fri 08:00-12:00');
  await hours.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('region', { name: 'Office hours' }).getByRole('listitem')).toContainText(
    'Mon-Thu 08:00-17:00; Fri 08:00-12:00',
  );
});

test('act from the provider profile header, whichever tab is open: a task, an issue; log spend', async ({
  page,
}) => {
  await signIn(page, admin.email, admin.password);
  const surname = `Hale${tag()}`;
  const [npi] = await seedProviders(page, surname);
  await page.goto(`/providers/${npi}`);
  const header = page.getByRole('region', { name: 'Relationship and actions' });
  await expect(header).toContainText('Last visit never');
  await expect(header.getByRole('button', { name: 'Log visit' })).toBeVisible();
  await expect(header.getByRole('button', { name: /to today's route$/ })).toHaveText('Add to route');
  // on the Referral base tab (the first): a follow-up task
  await header.getByRole('button', { name: 'Add task' }).click();
  const task = page.getByRole('dialog', { name: /^Add a task about/ });
  await task.getByLabel('To do').fill(`Send the guide ${surname}`);
  await task.getByLabel('Due').fill('2026-12-10');
  await task.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByText(/^Task added for/)).toBeVisible();
  // on the Details tab: an issue, the physician already filled in
  await page.getByRole('tab', { name: 'Details' }).click();
  await header.getByRole('button', { name: 'Report issue' }).click();
  const issue = page.getByRole('dialog', { name: 'Report a physician issue' });
  await expect(issue.getByLabel('Physician NPI')).toHaveValue(npi!);
  await issue.getByLabel('What is wrong').fill(`Referral fax lost ${surname}`);
  await issue.getByRole('button', { name: 'Report' }).click();
  await expect(issue).toHaveCount(0);
  // the spend log under Details: an entry, the year's total against the limit, the header's chip with it
  const spend = page.getByRole('region', { name: 'Spend log' });
  const form = spend.getByRole('form', { name: 'Log spend' });
  await form.getByLabel('Category').selectOption('meal');
  await form.getByLabel('Amount (USD)').fill('45.50');
  await form.getByLabel('What').fill(`Office lunch ${surname}`);
  await form.getByRole('button', { name: 'Log spend' }).click();
  await expect(spend.getByRole('row').filter({ hasText: `Office lunch ${surname}` })).toContainText('$45.50');
  await expect(spend).toContainText(/\$45\.50 of the \$[\d,.]+ annual limit/);
  await expect(header).toContainText(/Spend \d{4}: \$45\.50 of/);
  // removed with a second, confirming click
  await spend.getByRole('button', { name: `Remove Office lunch ${surname}` }).click();
  await spend.getByRole('button', { name: `Confirm: remove Office lunch ${surname}` }).click();
  await expect(spend.getByRole('row').filter({ hasText: `Office lunch ${surname}` })).toHaveCount(0);
  await expect(header).toContainText(/Spend \d{4}: \$0\.00 of/);
  // both in the physician's timeline, and the task in Tasks with its due date
  await page.getByRole('tab', { name: 'Activity' }).click();
  const timeline = page.getByRole('list', { name: /^Timeline of/ });
  await expect(timeline).toContainText(`Send the guide ${surname}`);
  await expect(timeline).toContainText(`Referral fax lost ${surname}`);
  await page.goto('/tasks');
  await expect(page.getByRole('row').filter({ hasText: `Send the guide ${surname}` })).toContainText(
    'Dec 10, 2026',
  );
  // and one from the Tasks page itself, about a physician picked there
  await page.getByRole('button', { name: 'New task' }).click();
  const fresh = page.getByRole('dialog', { name: 'Add a task' });
  await fresh.getByLabel('To do').fill(`Call the office ${surname}`);
  await fresh.getByLabel('About (a physician, optional)').fill(`Alma ${surname}`);
  await fresh.getByRole('list', { name: 'Matching people' }).getByRole('button').first().click();
  await fresh.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByRole('row').filter({ hasText: `Call the office ${surname}` })).toContainText(
    `Alma ${surname}`,
  );
});

test('hand a task to a colleague: they are told, open it from the bell and mark it done', async ({
  page,
}) => {
  const t = tag();
  const colleague = { email: `lee.${t}@e2e.test`, name: `Lee Liaison ${t}`, password: 'Cobalt-Harbor-44!' };
  await signIn(page, admin.email, admin.password);
  await api(page, 'POST', '/api/users', { ...colleague, role: 'liaison' });
  const [npi] = await seedProviders(page, `Vale${t}`);
  await page.goto('/tasks');
  await page.getByRole('button', { name: 'New task' }).click();
  const title = `Send the new imaging hours ${t}`;
  await page.getByLabel('To do').fill(title);
  await page.getByLabel('For', { exact: true }).selectOption({ label: `${colleague.name} (liaison)` });
  await page.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByRole('dialog', { name: 'Add a task' })).toBeHidden();
  await signOut(page);

  await signIn(page, colleague.email, colleague.password);
  const bell = page.getByRole('button', { name: 'Notifications, 1 unread' });
  await expect(bell).toBeVisible();
  await bell.click();
  const panel = page.getByRole('dialog', { name: 'Notifications' });
  await panel.getByRole('link', { name: new RegExp(`Ada Admin assigned you a task: ${title}`) }).click();
  await expect(page).toHaveURL(/\/tasks\?task=\d+$/);
  const focus = page.getByRole('region', { name: 'Task from your notifications' });
  await expect(focus.getByRole('heading', { name: title })).toBeVisible();
  await expect(focus).toContainText(new RegExp(`due \\w{3} \\d{1,2}, \\d{4} · ${colleague.name}`)); // a week ahead by default
  await focus.getByRole('button', { name: 'Done' }).click();
  await expect(focus.getByText('Done', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();

  // how notices reach them besides the bell: kept on the server (this one sends no e-mail yet)
  await page.goto('/account#notifications');
  const settings = page.getByRole('region', { name: 'Notifications' });
  await expect(settings.getByRole('note')).toContainText('This server sends no e-mail yet');
  await settings.getByLabel(/one digest a day after 07:00/).click();
  await expect(page.getByText('Saved')).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Notifications' }).getByLabel(/one digest a day/),
  ).toBeChecked();

  // they watch a physician; when someone else visits them, they hear of it under the bell
  await page.goto(`/providers/${npi}`);
  await page
    .getByRole('region', { name: 'Relationship and actions' })
    .getByRole('button', { name: 'Watch' })
    .click();
  await expect(page.getByRole('button', { name: 'Watching' })).toHaveAttribute('aria-pressed', 'true');
  await signOut(page);
  await signIn(page, admin.email, admin.password);
  await api(page, 'POST', '/api/activities', {
    type: 'in_person_visit',
    occurredAt: new Date().toISOString(),
    providerNpis: [npi],
    subject: `Echo hours ${t}`,
  });
  await signOut(page);
  await signIn(page, colleague.email, colleague.password);
  await page.getByRole('button', { name: 'Notifications, 1 unread' }).click();
  const notice = page
    .getByRole('dialog', { name: 'Notifications' })
    .getByRole('link', { name: new RegExp(`Alma Vale${t}.*: Ada Admin logged an in-person visit`, 'i') });
  await expect(notice).toContainText(`Echo hours ${t}`);
  await notice.click();
  await expect(page).toHaveURL(new RegExp(`/providers/${npi}$`));
});
