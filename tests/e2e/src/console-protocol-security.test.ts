// The browser console's Protocol Security and System screens, driven in Chromium
// against the real API on a fresh database, in the order an administrator secures
// SMTP: a security profile, its assignment, anti-virus and advanced options, the
// statistics over recorded violations, then DNS and remote logging. Each screen is
// saved to test-artifacts/console/ps-*.png for a person to look at.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TProfileAssignments, TSecurityProfile, TWorkerReport } from '@portcullis/contracts';
import type { TApiClient } from '@portcullis/testkit';
import type { Page } from 'playwright-core';
import {
  openFromNav,
  postInternal,
  readSnapshot,
  shoot,
  startConsoleHarness,
  waitForInputValue,
  type TConsoleHarness,
} from './support/console-harness.ts';
import {
  buildTrafficBatch,
  buildViolationBatch,
  SUPPORT_IDS,
} from './support/violation-records.ts';

const PROFILE = 'strict_mail';
const SERVICE_PROFILE = 'smtp_guarded';
const VIRTUAL_SERVER = 'vs_guarded';

describe('console: protocol security and system', () => {
  let harness: TConsoleHarness;
  let page: Page;
  let api: TApiClient;

  before(async () => {
    harness = await startConsoleHarness();
    page = harness.page;
    api = harness.api;

    // A virtual server whose service profile has Protocol Security on: the snapshot then
    // names the security profile it runs, so an assignment can be seen taking effect.
    await api.request('POST', '/api/v1/service-profiles', {
      name: SERVICE_PROFILE,
      protocolSecurity: true,
    });
    await api.request('POST', '/api/v1/virtual-servers', {
      name: VIRTUAL_SERVER,
      destinationAddress: '127.0.0.1',
      servicePort: 2526,
      serviceProfile: SERVICE_PROFILE,
    });
  });

  after(async () => {
    await harness?.stop();
  });

  it('should list the system security profile', async () => {
    await page.goto(`${harness.baseUrl}/local-traffic/virtual-servers`);
    // SMTP under Security Profiles; the first SMTP is Local Traffic's service profiles.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'SMTP' }).nth(1).click();

    await page.waitForURL('**/protocol-security/security-profiles/smtp');
    const row = page.getByRole('row').filter({ hasText: 'smtp_security' });
    assert.match(await row.innerText(), /\(system\)\s+Disabled\s+smtp_guarded/);
    assert.equal(await row.getByRole('checkbox').count(), 0, 'the system profile stays');
    assert.match(await page.title(), /Protocol Security » Security Profiles : SMTP/);
    await shoot(page, 'ps-01-security-profile-list');
  });

  it('should create a profile that blocks VRFY and only alarms on greylisting', async () => {
    await page.getByRole('link', { name: 'Create...' }).click();
    await page.waitForURL('**/security-profiles/smtp/new');

    await page.getByLabel('Profile Name').fill(PROFILE);
    await page.getByLabel('Description').fill('inbound mail, strict');
    await page.getByLabel('Remote Logging').check();
    // Block nothing, then block the one violation this site refuses outright. Some
    // blocks are on, so the column's box is half-ticked: the first click ticks all.
    const allBlock = page.getByLabel('Select all Block');
    await allBlock.check();
    await allBlock.uncheck();
    assert.equal(await page.getByLabel('Bad command syntax Block').isChecked(), false);
    await page.getByLabel('Disallowed SMTP method Block').check();
    assert.equal(await page.getByLabel('Greylisted delivery attempt Block').isChecked(), false);
    assert.equal(await page.getByLabel('Greylisted delivery attempt Alarm').isChecked(), true);
    await page.getByLabel('Disallowed Methods', { exact: true }).fill('VRFY\nEXPN\n');
    await page.getByLabel('Hold Time (seconds)').fill('60');
    await page.getByText('A retry earlier than this is refused again.').waitFor();
    await page.getByText('Default: 3110400 (36 days)').waitFor();
    // At the bottom, the sticky buttons sit where they belong in the full-page picture.
    await page.mouse.wheel(0, 10_000);
    await page.getByRole('button', { name: 'Finished' }).scrollIntoViewIfNeeded();
    await shoot(page, 'ps-02-security-profile-create');

    await page.getByRole('button', { name: 'Finished' }).click();
    await page.waitForURL('**/protocol-security/security-profiles/smtp');
    const row = page.getByRole('row').filter({ hasText: PROFILE });
    assert.match(await row.innerText(), /inbound mail, strict\s+Enabled\s+None/);

    const profile = await findProfile(api, PROFILE);
    assert.deepEqual(profile.actions.disallowed_method, { alarm: true, block: true });
    assert.deepEqual(profile.actions.greylisted, { alarm: true, block: false });
    assert.deepEqual(profile.actions.rfc_syntax, { alarm: true, block: false });
    assert.deepEqual(profile.settings.methods.disallowed, ['VRFY', 'EXPN']);
    assert.equal(profile.settings.greylisting.holdSeconds, 60);
    assert.equal(profile.remoteLogging, true);
  });

  it('should show refused settings beside their fields', async () => {
    await page.getByRole('link', { name: PROFILE }).click();
    await page.waitForURL(/\/security-profiles\/smtp\/\d+$/);

    const hold = page.getByLabel('Hold Time (seconds)');
    await hold.fill('-5');
    await page.getByRole('button', { name: 'Update' }).click();
    const holdRow = page.getByRole('row').filter({ has: hold });
    await holdRow.getByRole('alert').waitFor();
    assert.match(await holdRow.getByRole('alert').innerText(), />=\s*0/);
    assert.equal(await hold.getAttribute('aria-invalid'), 'true');
    assert.equal(await hold.evaluate((el) => el.matches(':focus')), true);
    await shoot(page, 'ps-03-security-profile-invalid-setting', { fullPage: false });

    // A bad entry in a list is named by its line.
    await hold.fill('120');
    const networks = page.getByLabel('Exempt Networks');
    await networks.fill('192.0.2.0/24\nnot a network');
    await page.getByRole('button', { name: 'Update' }).click();
    const networksRow = page.getByRole('row').filter({ has: networks });
    await networksRow.getByRole('alert').waitFor();
    assert.match(await networksRow.getByRole('alert').innerText(), /^line 2: /);

    await networks.fill('192.0.2.0/24');
    await page.getByRole('button', { name: 'Update' }).click();
    await page.getByText(`Security profile ${PROFILE} was updated.`).waitFor();
    const profile = await findProfile(api, PROFILE);
    assert.equal(profile.settings.greylisting.holdSeconds, 120);
    assert.deepEqual(profile.settings.greylisting.exemptNetworks, ['192.0.2.0/24']);
  });

  it('should assign the profile to a service profile on Profiles Assignment', async () => {
    await openFromNav(page, 'Profiles Assignment');
    await page.waitForURL('**/protocol-security/profiles-assignment');
    const protocols = page.getByRole('navigation', { name: 'Protocols' });

    await protocols.getByRole('link', { name: 'HTTP' }).click();
    await page.getByText('it has no HTTP service profiles to assign').waitFor();
    await shoot(page, 'ps-04-profiles-assignment-http');
    await protocols.getByRole('link', { name: 'SMTP' }).click();

    const row = page.getByRole('row').filter({ hasText: SERVICE_PROFILE });
    assert.match(await row.innerText(), new RegExp(`${VIRTUAL_SERVER}\\s+Enabled`));
    await page.getByLabel(`Security profile for ${SERVICE_PROFILE}`).selectOption(PROFILE);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved 1 assignment.').waitFor();
    await shoot(page, 'ps-05-profiles-assignment-smtp');

    const assignments: TProfileAssignments = await api.request(
      'GET',
      '/api/v1/profile-assignments',
    );
    const smtp = assignments.protocols.find((p) => p.protocol === 'SMTP');
    const assigned = smtp?.rows.find((r) => r.serviceProfile === SERVICE_PROFILE);
    assert.equal(assigned?.securityProfile, PROFILE);

    const snapshot = await readSnapshot(harness.baseUrl);
    const server = snapshot.virtualServers.find((vs) => vs.name === VIRTUAL_SERVER);
    assert.equal(server?.securityProfile, PROFILE);
    const compiled = snapshot.securityProfiles.find((p) => p.name === PROFILE);
    assert.equal(compiled?.actions.disallowed_method.block, true);
    assert.equal(compiled?.actions.greylisted.block, false);
    assert.equal(compiled?.settings.greylisting.holdSeconds, 120);
  });

  it('should keep Anti-Virus Protection after a reload', async () => {
    await openFromNav(page, 'Anti-Virus Protection');
    const address = page.getByLabel('Server IP Address');
    assert.equal(await page.getByLabel('Server Port Number').inputValue(), '1344');

    await page.getByLabel('Server Host Name').fill('icap.example.net');
    await address.fill('127.0.0.300');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('row').filter({ has: address }).getByRole('alert').waitFor();
    assert.equal(await address.getAttribute('aria-invalid'), 'true');

    await address.fill('127.0.0.1');
    await page.getByLabel('Server Port Number').fill('11344');
    await page.getByLabel('Guarantee Enforcement').uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Anti-Virus Protection was saved.').waitFor();

    await page.reload();
    await waitForValue(page, 'Server IP Address', '127.0.0.1');
    assert.equal(await page.getByLabel('Server Host Name').inputValue(), 'icap.example.net');
    assert.equal(await page.getByLabel('Server Port Number').inputValue(), '11344');
    assert.equal(await page.getByLabel('Guarantee Enforcement').isChecked(), false);
    await shoot(page, 'ps-06-anti-virus');
  });

  it('should edit an internal parameter and reset it to its default', async () => {
    await page.getByRole('link', { name: 'Advanced Configuration' }).last().click();
    await page.waitForURL('**/protocol-security/options/advanced');
    const value = page.getByLabel('icap_uri', { exact: true });

    await value.fill('scan me');
    await page.getByRole('button', { name: 'Update icap_uri' }).click();
    const refusal = page.getByRole('row').filter({ has: value }).getByRole('alert');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /ICAP service name/);

    await value.fill('virus/scan');
    await page.getByRole('button', { name: 'Update icap_uri' }).click();
    await page.getByText('icap_uri is now virus/scan.').waitFor();
    assert.equal((await readSnapshot(harness.baseUrl)).internalParameters.icap_uri, 'virus/scan');
    await shoot(page, 'ps-07-advanced-configuration');

    await page.getByRole('button', { name: 'Reset icap_uri to default' }).click();
    await page.getByText('icap_uri is now avscan.').waitFor();
    await waitForValue(page, 'icap_uri', 'avscan');
    assert.equal((await readSnapshot(harness.baseUrl)).internalParameters.icap_uri, 'avscan');
  });

  it('should count recorded violations and traffic on Statistics', async () => {
    await ingest(harness.baseUrl, '/violations', buildViolationBatch(new Date()));
    await ingest(harness.baseUrl, '/traffic', buildTrafficBatch(new Date()));

    await openFromNav(page, 'Statistics');
    const byProtocol = page.getByRole('table', { name: 'Violations by protocol' });
    await byProtocol.getByText('Disallowed SMTP method').waitFor();
    // The violation's code sits beside its label, with no space in the text.
    const counts = await byProtocol.innerText();
    assert.match(counts, /SMTP\s+Disallowed SMTP method\s*disallowed_method\s+2/);
    assert.match(counts, /Greylisted delivery attempt\s*greylisted\s+1/);
    assert.match(counts, /All SMTP violations\s+4/);

    const traffic = page.getByRole('table', { name: 'Traffic by security profile' });
    const row = traffic.getByRole('row').filter({ hasText: PROFILE });
    const sums = /strict_mail\s+vs_guarded\s+12\s+9\s+48\.0 KiB\s+15\s+4\s+2/;
    assert.match(await row.innerText(), sums);

    await page.getByLabel('Time Range', { exact: true }).selectOption('hour');
    await page.waitForURL('**/statistics?range=hour');
    await byProtocol.getByText('All SMTP violations').waitFor();
    assert.match(await byProtocol.innerText(), /All SMTP violations\s+4/);
    await shoot(page, 'ps-08-statistics');
  });

  it('should count over a custom range kept in the URL', async () => {
    await page.getByLabel('Time Range', { exact: true }).selectOption('custom');
    await page.getByLabel('From', { exact: true }).fill('2020-01-01T00:00');
    await page.getByLabel('To', { exact: true }).fill('2020-01-02T00:00');
    await page.getByRole('button', { name: 'Apply' }).click();

    await page.waitForURL(/statistics\?from=2020-01-0.*&to=2020-01-0/);
    await page.getByText('No violations in this time range.').waitFor();
    await page.getByText('No traffic in this time range.').waitFor();
    await shoot(page, 'ps-08b-statistics-custom-range');

    await page.goBack();
    await page.waitForURL('**/statistics?range=hour');
    const byProtocol = page.getByRole('table', { name: 'Violations by protocol' });
    await byProtocol.getByText('SPF fail').waitFor();
  });

  it('should follow a count to the filtered list and open a violation', async () => {
    await page.getByRole('link', { name: '2 Disallowed SMTP method violations' }).click();
    await page.waitForURL(/\/statistics\/violations\?.*violation=disallowed_method/);
    assert.match(page.url(), /from=.*&to=/);

    const list = page.getByRole('table', { name: 'Violations' });
    await list.getByText(SUPPORT_IDS.vrfy).waitFor();
    assert.equal(await list.locator('tbody tr').count(), 2);
    const violationFilter = page.getByLabel('Violation', { exact: true });
    assert.equal(await violationFilter.inputValue(), 'disallowed_method');
    await shoot(page, 'ps-09-violation-list');

    await list.getByRole('link', { name: SUPPORT_IDS.vrfy }).click();
    await page.waitForURL(`**/statistics/violations/${SUPPORT_IDS.vrfy}`);
    await page.getByRole('table', { name: 'Session' }).waitFor();
    const detail = await page.locator('#content').innerText();
    for (const expected of [
      'VRFY root',
      '550 5.7.1 VRFY is not allowed here',
      'mx.sender.example',
      'alice@sender.example',
      'bob@protected.example',
      'carol@protected.example',
      '198.51.100.7',
      '40001',
      VIRTUAL_SERVER,
      SERVICE_PROFILE,
      PROFILE,
      'Alarm and Block',
      'EHLO mx.sender.example',
    ]) {
      assert.ok(detail.includes(expected), `the detail shows ${expected}`);
    }
    assert.match(await page.title(), new RegExp(`Violations » ${SUPPORT_IDS.vrfy}`));
    await shoot(page, 'ps-10-violation-detail');

    await page.getByRole('link', { name: 'Back to list' }).click();
    await page.waitForURL(/violation=disallowed_method/);
    await list.getByText(SUPPORT_IDS.vrfy).waitFor();
  });

  it('should find a violation by its Support ID, or say none has it', async () => {
    await openFromNav(page, 'Statistics');
    const search = page.getByRole('search', { name: 'Support ID' });

    await search.getByLabel('Support ID').fill('AAAAA-BBBBB');
    await search.getByRole('button', { name: 'Find' }).click();
    await search.getByText('No violation has Support ID AAAAA-BBBBB.').waitFor();
    await shoot(page, 'ps-11-support-id-not-found');

    await search.getByLabel('Support ID').fill(SUPPORT_IDS.spf.toLowerCase());
    await search.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(`**/statistics/violations/${SUPPORT_IDS.spf}`);
    await page.getByText('SPF fail').first().waitFor();
  });

  it('should show a refused filter beside its field on the violation list', async () => {
    const list = `${harness.baseUrl}/protocol-security/statistics/violations`;
    await page.goto(`${list}?clientAddress=nowhere`);

    const field = page.getByLabel('Client Address');
    await page.getByRole('form', { name: 'Violation filters' }).getByRole('alert').waitFor();
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    await field.fill('198.51.100.0/24');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/clientAddress=198\.51\.100\.0%2F24/);
    const table = page.getByRole('table', { name: 'Violations' });
    await table.getByText(SUPPORT_IDS.vrfy).waitFor();
    assert.equal(await table.locator('tbody tr').count(), 3, 'three clients in 198.51.100.0/24');
  });

  it('should keep the DNS resolvers after a reload', async () => {
    await openFromNav(page, 'DNS');
    const servers = page.getByLabel('DNS Servers');

    await servers.fill('127.0.0.53\nnot-an-address');
    await page.getByRole('button', { name: 'Update' }).click();
    const refusal = page.getByRole('row').filter({ has: servers }).getByRole('alert');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /^line 2: /);

    await servers.fill('127.0.0.53\n[::1]:5353');
    await page.getByLabel('Query Timeout (ms)').fill('1500');
    await page.getByRole('button', { name: 'Update' }).click();
    await page.getByText('DNS settings were updated.').waitFor();

    await page.reload();
    await waitForValue(page, 'Query Timeout (ms)', '1500');
    assert.equal(await page.getByLabel('DNS Servers').inputValue(), '127.0.0.53\n[::1]:5353');
    await shoot(page, 'ps-12-dns');
  });

  it('should keep the remote logging server after a reload', async () => {
    await openFromNav(page, 'Logging');
    await page.getByLabel('Remote Logging').check();
    await page.getByRole('button', { name: 'Update' }).click();
    const host = page.getByLabel('Server Host');
    await page.getByRole('row').filter({ has: host }).getByRole('alert').waitFor();
    assert.equal(await host.getAttribute('aria-invalid'), 'true');

    await host.fill('syslog.example.net');
    await page.getByLabel('Server Port').fill('1514');
    await page.getByLabel('TCP').check();
    await page.getByRole('button', { name: 'Update' }).click();
    await page.getByText('Remote logging was updated.').waitFor();

    await page.reload();
    await waitForValue(page, 'Server Host', 'syslog.example.net');
    assert.equal(await page.getByLabel('Server Port').inputValue(), '1514');
    assert.equal(await page.getByLabel('TCP').isChecked(), true);
    assert.equal(await page.getByLabel('Remote Logging').isChecked(), true);
    const snapshot = await readSnapshot(harness.baseUrl);
    assert.deepEqual(snapshot.remoteLogging, {
      enabled: true,
      host: 'syslog.example.net',
      port: 1514,
      transport: 'TCP',
    });
    await shoot(page, 'ps-13-logging');

    assert.deepEqual(harness.pageErrors, []);
  });

  it('should show what each running worker sent to the syslog server and lost', async () => {
    const delivery = page.getByRole('table', { name: 'Syslog delivery per worker' });
    await delivery.getByText('No running worker is sending to a syslog server.').waitFor();

    const remoteLogging = { destination: 'TCP 192.0.2.5:1514', sent: 12_345, dropped: 7, queued: 2 };
    const report: TWorkerReport = {
      workerId: 'e2e-syslog-worker',
      hostname: 'e2e',
      startedAt: new Date().toISOString(),
      appliedVersion: null,
      listeners: [],
      members: [],
      remoteLogging,
    };
    const response = await postInternal(harness.baseUrl, '/workers/report', report, report.workerId);
    assert.equal(response.status, 204, await response.text());

    const row = delivery.getByRole('row').filter({ hasText: 'e2e-syslog-worker' });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    assert.deepEqual(cells, ['e2e-syslog-worker', 'TCP 192.0.2.5:1514', '12,345', '7', '2']);
    const dropped = row.getByRole('cell').nth(3);
    assert.match((await dropped.getAttribute('class')) ?? '', /is-warning/);
    await shoot(page, 'ps-14-logging-delivery');
  });
});

async function findProfile(api: TApiClient, name: string): Promise<TSecurityProfile> {
  const page = await api.request('GET', '/api/v1/security-profiles?perPage=500');
  const profile = page.items.find((p: TSecurityProfile) => p.name === name);
  assert.ok(profile, `security profile ${name} exists`);

  return profile;
}

/** Waits for a field to show `expected`, as it does once a reloaded screen has its data. */
async function waitForValue(page: Page, label: string, expected: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });

  await field.waitFor();
  await waitForInputValue(field, expected);
  assert.equal(await field.inputValue(), expected, `${label} shows ${expected}`);
}

async function ingest(baseUrl: string, route: string, batch: unknown): Promise<void> {
  const response = await postInternal(baseUrl, route, batch);

  assert.equal(response.status, 200, await response.text());
}
