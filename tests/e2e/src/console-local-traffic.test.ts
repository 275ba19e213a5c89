// The browser console's Local Traffic screens, driven in Chromium against the real
// API on a fresh database: pools, SMTP profiles and virtual servers are created
// through the forms, refusals and validation errors are read off the screen, and
// every screen is saved to test-artifacts/console/ for a person to look at.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TWorkerReport } from '@portcullis/contracts';
import type { Page } from 'playwright-core';
import {
  openFromNav,
  postInternal,
  shoot,
  startConsoleHarness,
  waitForInputValue,
  waitForTitle,
  type TConsoleHarness,
} from './support/console-harness.ts';

// The console polls live status every 2.5 s; give a change two polls and slack.
const LIVE_STATUS_WAIT_MS = 8_000;

describe('console: local traffic', () => {
  let harness: TConsoleHarness;
  let page: Page;
  let baseUrl = '';

  before(async () => {
    harness = await startConsoleHarness();
    page = harness.page;
    baseUrl = harness.baseUrl;
  });

  after(async () => {
    await harness?.stop();
  });

  it('should open on the Virtual Server List, empty, with its breadcrumb and title', async () => {
    await page.goto(`${baseUrl}/`);

    await page.waitForURL('**/local-traffic/virtual-servers');
    await page.getByText('No records to display.').waitFor();
    const crumb = await page.getByRole('navigation', { name: 'Breadcrumb' }).innerText();
    assert.match(crumb, /Local Traffic » Virtual Servers\s*:\s*Virtual Server List/);
    assert.match(await page.title(), /Virtual Server List/);
    await page.getByText(/config v\d+ · no worker connected/).waitFor();
    await shoot(page, '01-virtual-server-list-empty');
  });

  it('should create a pool with two members', async () => {
    await openFromNav(page, 'Pools');
    await page.getByRole('link', { name: 'Create...' }).click();
    await page.waitForURL('**/local-traffic/pools/new');

    await page.getByLabel('Name', { exact: true }).fill('mail_pool');
    await page.getByLabel('Description').fill('the mail servers');
    await addMember(page, 'mx1', '127.0.0.11', '2525');
    await addMember(page, 'mx2', '127.0.0.12', '2525');
    const members = page.getByRole('table', { name: 'Pool members' });
    await members.getByText('127.0.0.12').waitFor();
    assert.equal(await members.locator('tbody tr').count(), 2);
    await shoot(page, '02-pool-create');

    await page.getByRole('button', { name: 'Finished' }).click();
    await page.waitForURL('**/local-traffic/pools');
    const row = page.getByRole('row').filter({ hasText: 'mail_pool' });
    await row.getByText('127.0.0.11:2525').waitFor();
    assert.match(await row.innerText(), /Round Robin/);
    await shoot(page, '03-pool-list');
  });

  it('should refuse a bad member address beside the New Members input', async () => {
    await page.getByRole('link', { name: 'Create...' }).click();
    await page.getByLabel('Address').fill('not-an-ip');
    await page.getByRole('button', { name: 'Add' }).click();

    const address = page.getByLabel('Address');
    await page.getByText('must be an IPv4 or IPv6 address').waitFor();
    assert.equal(await address.getAttribute('aria-invalid'), 'true');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForURL('**/local-traffic/pools');
  });

  it('should create an SMTP profile with a Custom setting', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'SMTP' }).first().click();
    await page.waitForURL('**/local-traffic/profiles/services/smtp');
    await page.getByRole('link', { name: 'Create...' }).click();

    await page.getByLabel('Name', { exact: true }).fill('smtp_secure');
    const setting = page.getByLabel('Protocol Security', { exact: true });
    assert.equal(await setting.isDisabled(), true, 'inherited settings are greyed out');
    await page.getByText('inherited from smtp').waitFor();
    await shoot(page, '04-smtp-profile-create-inherited');
    await page.getByLabel('Custom Protocol Security').check();
    await setting.check();
    await shoot(page, '05-smtp-profile-create-custom');

    await page.getByRole('button', { name: 'Finished' }).click();
    await page.waitForURL('**/local-traffic/profiles/services/smtp');
    const row = page.getByRole('row').filter({ hasText: 'smtp_secure' });
    await row.waitFor();
    assert.match(await row.innerText(), /smtp\s+Enabled/);
    await shoot(page, '06-smtp-profile-list');
  });

  it('should create a virtual server whose pool is made through (+)', async () => {
    await openFromNav(page, 'Virtual Servers');
    await page.getByRole('link', { name: 'Create...' }).click();
    await page.waitForURL('**/local-traffic/virtual-servers/new');

    await page.getByLabel('Name', { exact: true }).fill('vs_mail');
    await page.getByLabel('Destination Address').fill('127.0.0.1');
    await page.getByLabel('Service Port', { exact: true }).fill('2525');
    assert.equal(await page.getByLabel('Service Port service').inputValue(), 'other');
    await page.getByLabel('SMTP Profile').selectOption('smtp_secure');
    await page.getByRole('button', { name: 'Create a new pool' }).click();

    await page.waitForURL('**/local-traffic/pools/new?returnTo=*');
    await page.getByLabel('Name', { exact: true }).fill('relay_pool');
    await addMember(page, 'relay1', '127.0.0.21', '2525');
    await shoot(page, '07-pool-create-from-plus');
    await page.getByRole('button', { name: 'Finished' }).click();

    await page.waitForURL('**/local-traffic/virtual-servers/new?*pool=relay_pool*');
    // The URL changes before the restored form renders; wait for the form itself.
    await page.getByLabel('SMTP Profile').waitFor();
    await waitForInputValue(page.getByLabel('Name', { exact: true }), 'vs_mail');
    assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'vs_mail');
    assert.equal(await page.getByLabel('Service Port', { exact: true }).inputValue(), '2525');
    assert.equal(await page.getByLabel('SMTP Profile').inputValue(), 'smtp_secure');
    assert.equal(await page.getByLabel('Default Pool').inputValue(), 'relay_pool');
    await shoot(page, '08-virtual-server-create');

    await page.getByRole('button', { name: 'Finished' }).click();
    await page.waitForURL('**/local-traffic/virtual-servers');
    const row = page.getByRole('row').filter({ hasText: 'vs_mail' });
    await row.waitFor();
    assert.match(await row.innerText(), /127\.0\.0\.1\s+2525\s+relay_pool\s+smtp_secure/);
  });

  it('should show live status from a worker report within a few seconds', async () => {
    const { version } = (await harness.api.request('GET', '/api/v1/config/version')) as {
      version: number;
    };
    await reportWorker(baseUrl, version);

    const row = page.getByRole('row').filter({ hasText: 'vs_mail' });
    await row.getByRole('img', { name: /listening/ }).waitFor({ timeout: LIVE_STATUS_WAIT_MS });
    await page.getByText(`config v${version} · 1 worker in sync`).waitFor();
    await shoot(page, '09-virtual-server-list');

    await openFromNav(page, 'Pools');
    const pool = page.getByRole('row').filter({ hasText: 'relay_pool' });
    await pool.getByRole('img', { name: /127\.0\.0\.21:2525: Available/ }).waitFor();
  });

  it('should refuse to delete a pool in use and say who uses it', async () => {
    const row = page.getByRole('row').filter({ hasText: 'relay_pool' });
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Delete...' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Confirmation' });
    await dialog.getByText('relay_pool').waitFor();
    await shoot(page, '10-pool-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete' }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'relay_pool' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /vs_mail/);
    assert.match(await alert.innerText(), /IN_USE/);
    assert.equal(await page.getByRole('row').filter({ hasText: 'relay_pool' }).count(), 1);
    await shoot(page, '11-pool-delete-refused');
  });

  it('should refuse the same delete from the pool edit screen', async () => {
    await page.getByRole('link', { name: 'relay_pool' }).click();
    await page.waitForURL(/\/local-traffic\/pools\/\d+$/);
    await page.getByText('Used by').waitFor();
    await waitForTitle(page, /Pool List » relay_pool/);

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'IN_USE' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /vs_mail/);
    await shoot(page, '12-pool-edit-delete-refused');
  });

  it('should show an invalid address beside the Destination Address field', async () => {
    await page.goto(`${baseUrl}/local-traffic/virtual-servers/new`);
    await page.getByLabel('Name', { exact: true }).fill('vs_bad');
    await page.getByLabel('Destination Address').fill('300.1.2.3');
    await page.getByRole('button', { name: 'Finished' }).click();

    const field = page.getByLabel('Destination Address');
    const row = page.getByRole('row').filter({ has: field });
    await row.getByRole('alert').waitFor();
    assert.match(await row.getByRole('alert').innerText(), /IPv4 or IPv6/);
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.equal(await field.evaluate((el) => el.matches(':focus')), true);
    assert.equal(page.url().endsWith('/local-traffic/virtual-servers/new'), true);
    await shoot(page, '13-virtual-server-invalid-address');
  });

  it('should open the edit screen of a virtual server with Update and Delete', async () => {
    await openFromNav(page, 'Virtual Servers');
    await page.getByRole('link', { name: 'vs_mail' }).click();
    await page.waitForURL(/\/local-traffic\/virtual-servers\/\d+$/);

    assert.equal(await page.getByLabel('Default Pool').inputValue(), 'relay_pool');
    await page.getByLabel('Configuration', { exact: true }).selectOption('ADVANCED');
    await page.getByLabel('TLS Certificate (PEM)').waitFor();
    await page.getByRole('button', { name: 'Update' }).waitFor();
    await shoot(page, '14-virtual-server-edit');
  });

  it('should open System › Users, which lists the administrator signed in', async () => {
    await openFromNav(page, 'Users');
    const row = page.getByRole('table', { name: 'Users' }).getByRole('row', { name: /admin/ });
    assert.match(await row.innerText(), /admin\s+Administrator\s+Enabled/);
    await waitForTitle(page, /System : Users/);
    await shoot(page, '15-users');

    assert.deepEqual(harness.pageErrors, []);
  });
});

async function addMember(page: Page, nodeName: string, address: string, port: string) {
  await page.getByLabel('Node Name').fill(nodeName);
  await page.getByLabel('Address').fill(address);
  await page.getByLabel('Service Port', { exact: true }).fill(port);
  await page.getByRole('button', { name: 'Add' }).click();
  await page.getByRole('table', { name: 'Pool members' }).getByText(address).waitFor();
}

/** What a worker would send after applying `version`: its listener is up, members up. */
async function reportWorker(baseUrl: string, version: number): Promise<void> {
  const report: TWorkerReport = {
    workerId: 'e2e-worker',
    hostname: 'e2e',
    startedAt: new Date().toISOString(),
    appliedVersion: version,
    listeners: [{ virtualServer: 'vs_mail', status: 'listening', reason: null }],
    members: [
      { pool: 'relay_pool', address: '127.0.0.21', port: 2525, status: 'up', reason: null },
    ],
    remoteLogging: null,
  };
  const response = await postInternal(baseUrl, '/workers/report', report, report.workerId);

  assert.equal(response.status, 204, await response.text());
}
