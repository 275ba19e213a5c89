// The whole SMTP security workflow as an administrator clicks it, against the real
// API and worker processes: a pool made through (+), a security profile with VRFY
// blocked, a service profile with Protocol Security on, the assignment, a virtual
// server; then a real SMTP session through it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findFreePort, startCaptureBackend, startStack, type TCaptureBackend, type TStack } from '@portcullis/testkit';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureConsoleBuild } from './support/console-build.ts';
import {
  CHROMIUM_ARGS,
  openFromNav,
  shoot,
  signInPage,
  waitForInputValue,
} from './support/console-harness.ts';
import { openSmtpDialogue } from './support/smtp-dialogue.ts';

const SECURITY_PROFILE = 'vrfy_block';
const SERVICE_PROFILE = 'smtp_guarded';
// Checks that need DNS or a second delivery attempt stay off, so one session shows
// the flow on this offline machine; their own tests cover them.
const CHECKS_OFF = [
  'Greylisted delivery attempt',
  'SPF fail',
  'SPF softfail',
  'SPF temporary error',
  'SPF permanent error',
  'Sender domain has no MX or A record',
];

describe('console: the SMTP security workflow end to end', () => {
  let stack: TStack;
  let browser: Browser;
  let page: Page;
  let members: TCaptureBackend[];
  let smtpPort: number;

  before(async () => {
    ensureConsoleBuild();
    stack = await startStack();
    members = [await startCaptureBackend(), await startCaptureBackend()];
    smtpPort = await findFreePort();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.setDefaultTimeout(15_000);
    await signInPage(page, stack.apiUrl, stack.admin);
    await page.goto(`${stack.apiUrl}/local-traffic/virtual-servers`);
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
    for (const member of members ?? []) await member.stop();
  });

  it('should create a security profile with VRFY blocked', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SMTP' }).nth(1).click();
    await page.waitForURL('**/protocol-security/security-profiles/smtp');
    await page.getByRole('link', { name: 'Create...' }).click();
    await page.getByLabel('Profile Name').fill(SECURITY_PROFILE);
    await page.getByLabel('Disallowed SMTP method Alarm').check();
    await page.getByLabel('Disallowed SMTP method Block').check();
    for (const violation of CHECKS_OFF) {
      await page.getByLabel(`${violation} Alarm`).uncheck();
      await page.getByLabel(`${violation} Block`).uncheck();
    }
    await shoot(page, 'wf-01-security-profile');
    await page.getByRole('button', { name: 'Finished' }).click();
    await page.waitForURL('**/protocol-security/security-profiles/smtp');
    await page.getByRole('row').filter({ hasText: SECURITY_PROFILE }).waitFor();
  });

  it('should create a service profile with Protocol Security on', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SMTP' }).first().click();
    await page.waitForURL('**/local-traffic/profiles/services/smtp');
    await page.getByRole('link', { name: 'Create...' }).click();
    await page.getByLabel('Name', { exact: true }).fill(SERVICE_PROFILE);
    await page.getByLabel('Custom Protocol Security').check();
    await page.getByLabel('Protocol Security', { exact: true }).check();
    await page.getByRole('button', { name: 'Finished' }).click();
    await page.getByRole('row').filter({ hasText: SERVICE_PROFILE }).waitFor();
  });

  it('should assign the security profile on Profiles Assignment', async () => {
    await openFromNav(page, 'Profiles Assignment');
    await page.getByRole('navigation', { name: 'Protocols' }).getByRole('link', { name: 'SMTP' }).click();
    await page.getByLabel(`Security profile for ${SERVICE_PROFILE}`).selectOption(SECURITY_PROFILE);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved 1 assignment.').waitFor();
    await shoot(page, 'wf-02-assignment');
  });

  it('should create a virtual server whose pool of two members is made through (+)', async () => {
    await openFromNav(page, 'Virtual Servers');
    await page.getByRole('link', { name: 'Create...' }).click();
    await page.getByLabel('Name', { exact: true }).fill('vs_inbound');
    await page.getByLabel('Destination Address').fill('127.0.0.1');
    await page.getByLabel('Service Port', { exact: true }).fill(String(smtpPort));
    await page.getByLabel('SMTP Profile').selectOption(SERVICE_PROFILE);
    await page.getByRole('button', { name: 'Create a new pool' }).click();

    await page.waitForURL('**/local-traffic/pools/new?returnTo=*');
    await page.getByLabel('Name', { exact: true }).fill('mail_members');
    for (const [index, member] of members.entries()) {
      await page.getByLabel('Node Name').fill(`mail${index + 1}`);
      await page.getByLabel('Address').fill(member.host);
      await page.getByLabel('Service Port', { exact: true }).fill(String(member.port));
      await page.getByRole('button', { name: 'Add' }).click();
      await page.getByRole('table', { name: 'Pool members' }).getByText(String(member.port)).waitFor();
    }
    await shoot(page, 'wf-03-pool-from-plus');
    await page.getByRole('button', { name: 'Finished' }).click();

    await page.waitForURL('**/local-traffic/virtual-servers/new?*pool=mail_members*');
    await page.getByLabel('SMTP Profile').waitFor();
    await waitForInputValue(page.getByLabel('Name', { exact: true }), 'vs_inbound');
    assert.equal(await page.getByLabel('Default Pool').inputValue(), 'mail_members');
    await page.getByRole('button', { name: 'Finished' }).click();
    await page.waitForURL('**/local-traffic/virtual-servers');

    const row = page.getByRole('row').filter({ hasText: 'vs_inbound' });
    await row.getByRole('img', { name: /listening/ }).waitFor();
    await shoot(page, 'wf-04-virtual-server-listening');
  });

  it('should refuse VRFY with a Support ID and deliver the message', async () => {
    await stack.waitForWorkersInSync();
    const smtp = await openSmtpDialogue(smtpPort);
    assert.equal(smtp.greeting.code, 220);
    assert.equal((await smtp.command('EHLO client.example')).code, 250);

    const vrfy = await smtp.command('VRFY postmaster');
    assert.equal(vrfy.code, 502, vrfy.text);
    const supportId = /Support ID:? ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(vrfy.text)?.[1];
    assert.ok(supportId, `the refusal carries a Support ID: ${vrfy.text}`);

    assert.equal((await smtp.command('MAIL FROM:<alice@sender.example>')).code, 250);
    assert.equal((await smtp.command('RCPT TO:<bob@protected.example>')).code, 250);
    assert.equal((await smtp.command('DATA')).code, 354);
    const body = 'Subject: workflow\r\n\r\nThrough the gateway.\r\n';
    const accepted = await smtp.sendData(body);
    assert.equal(accepted.code, 250, accepted.text);
    await smtp.command('QUIT');
    smtp.close();

    const received = members.flatMap((member) => member.messages);
    assert.equal(received.length, 1);
    assert.ok(received[0]!.data.toString().endsWith(body), 'the message arrives unchanged');

    await waitForViolation(stack, supportId!);
    await page.goto(`${stack.apiUrl}/protocol-security/statistics`);
    const search = page.getByRole('search', { name: 'Support ID' });
    await search.getByLabel('Support ID').fill(supportId!);
    await search.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(`**/statistics/violations/${supportId}`);
    await page.getByText('Disallowed SMTP method').first().waitFor();
    await shoot(page, 'wf-05-violation-by-support-id');
  });
});

// The worker ships records in batches; wait until the API has this one.
async function waitForViolation(stack: TStack, supportId: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // The stack's client is signed in as its administrator; it throws until the record is in.
    const path = `/api/v1/violations/${supportId}`;
    const record = await stack.client.request('GET', path).catch(() => null);
    if (record) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`violation ${supportId} did not reach the API within ${timeoutMs} ms`);
}
