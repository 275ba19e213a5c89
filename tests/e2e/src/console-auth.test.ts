// Sign-in, users, API tokens, the audit log and what each role is shown, driven in
// Chromium against the real API process (startStack) on a fresh database: the
// administrator signs in through the form, creates an operator and a token, finds
// both in the audit log and signs out; the operator then sees only their part of
// the console, and the API refuses the rest even with the console's own session.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startStack, type TStack } from '@portcullis/testkit';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureConsoleBuild } from './support/console-build.ts';
import {
  CHROMIUM_ARGS,
  openFromNav,
  shoot,
  signInPage,
  type TCredentials,
} from './support/console-harness.ts';

const OPERATOR: TCredentials = { username: 'opal', password: 'opal-first-password' };
const OPERATOR_NEW_PASSWORD = 'opal-second-password';
// What the page reads from GET /api/v1/auth/session.
type TPageSession = { csrfToken: string; user: { role: string } };
const GUEST: TCredentials = { username: 'gus', password: 'gus-guest-password' };
const POOL = 'auth_pool';

describe('console: sign-in, users, tokens, audit log and roles', () => {
  let stack: TStack;
  let browser: Browser;
  let page: Page;
  let baseUrl = '';
  // The first administrator, made by the API on its empty database at start.
  let admin: TCredentials;
  const pageErrors: string[] = [];

  before(async () => {
    ensureConsoleBuild();
    stack = await startStack({ workers: 0 });
    baseUrl = stack.apiUrl;
    admin = stack.admin;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('should send a visitor to the sign-in page, keeping the page they wanted', async () => {
    await page.goto(`${baseUrl}/system/users`);

    await page.waitForURL('**/sign-in?returnTo=%2Fsystem%2Fusers');
    await page.getByRole('heading', { name: 'Sign In' }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0);
    await shoot(page, 'auth-01-sign-in');
  });

  it('should refuse a wrong password with a clear error', async () => {
    await fillSignIn(page, { username: admin.username, password: 'not-the-password' });

    const error = page.getByRole('alert');
    await error.getByText('The username or password is not correct.').waitFor();
    assert.match(page.url(), /\/sign-in\?returnTo=/);
    assert.equal(await page.getByLabel('Password').inputValue(), '');
    await shoot(page, 'auth-02-wrong-password');
  });

  it('should sign the administrator in and return to the page they wanted', async () => {
    await fillSignIn(page, admin);

    await page.waitForURL('**/system/users');
    const row = page.getByRole('table', { name: 'Users' }).getByRole('row', { name: /admin/ });
    assert.match(await row.innerText(), /admin\s+Administrator\s+Enabled/);
    await page.getByRole('button', { name: 'admin Administrator' }).waitFor();
  });

  it('should create an operator on the Users screen', async () => {
    await page.getByRole('link', { name: 'Create...' }).click();
    await page.waitForURL('**/system/users/new');
    await page.getByLabel('Username').fill(OPERATOR.username);
    await page.getByLabel('Password').fill(OPERATOR.password);
    await page.getByLabel('Role').selectOption('OPERATOR');
    await shoot(page, 'auth-03-user-create');
    await page.getByRole('button', { name: 'Finished' }).click();

    await page.waitForURL('**/system/users');
    const row = page.getByRole('table', { name: 'Users' }).getByRole('row', { name: /opal/ });
    assert.match(await row.innerText(), /opal\s+Operator\s+Enabled/);
    await shoot(page, 'auth-04-user-list');
  });

  it('should delete a user after a confirmation', async () => {
    const created = await writeAsPage('POST', '/api/v1/users', { ...GUEST, role: 'GUEST' });
    const doomed = await writeAsPage('POST', '/api/v1/users', {
      username: 'temp',
      password: 'temp-user-password',
      role: 'GUEST',
    });
    assert.deepEqual([created, doomed], [201, 201]);
    await page.reload();
    await page.getByRole('link', { name: 'temp' }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();

    await page.waitForURL('**/system/users');
    const users = page.getByRole('table', { name: 'Users' });
    await users.getByRole('link', { name: 'gus' }).waitFor();
    assert.equal(await users.getByRole('link', { name: 'temp' }).count(), 0);
  });

  it('should refuse to demote the last administrator, beside the Role field', async () => {
    await page.getByRole('link', { name: 'admin', exact: true }).click();
    await page.waitForURL('**/system/users/admin');
    // The administrator cannot delete themself: the screen offers no Delete.
    assert.equal(await page.getByRole('button', { name: 'Delete' }).count(), 0);
    await page.getByLabel('Role').selectOption('GUEST');
    await page.getByRole('button', { name: 'Update' }).click();

    const role = page.getByLabel('Role');
    await page.locator('.property-row--invalid').getByRole('alert').waitFor();
    assert.equal(await role.getAttribute('aria-invalid'), 'true');
    await shoot(page, 'auth-05-last-administrator');
    await page.getByLabel('Role').selectOption('ADMINISTRATOR');
  });

  it('should create an API token shown once, which then works as a bearer token', async () => {
    await openUserMenuItem(page, 'admin Administrator', 'API Tokens');
    await page.waitForURL('**/account/tokens');
    await page.getByLabel('Name').fill('nightly-export');
    await page.getByLabel('Role').selectOption('GUEST');
    await page.getByLabel('Expires After (days)').fill('7');
    await page.getByRole('button', { name: 'Create Token' }).click();

    const secret = page.getByLabel('New API token');
    await secret.waitFor();
    const token = await secret.inputValue();
    assert.match(token, /^pct_/);
    await page.getByText('it will not be shown again').waitFor();
    await page.getByRole('button', { name: 'Copy' }).waitFor();
    await shoot(page, 'auth-06-token-created');

    const withToken = await fetch(`${baseUrl}/api/v1/config/version`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(withToken.status, 200);
    // A Guest token reads but does not write.
    const write = await fetch(`${baseUrl}/api/v1/pools`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'by_guest_token' }),
    });
    assert.equal(write.status, 403);

    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.reload();
    const tokens = page.getByRole('table', { name: 'API tokens' });
    const row = tokens.getByRole('row', { name: /nightly-export/ });
    assert.match(await row.innerText(), /Active\s+nightly-export\s+Guest/);
    assert.ok(!(await page.content()).includes(token), 'the token is not shown again');
  });

  it('should revoke the token after a confirmation, and the API refuses it', async () => {
    const token = await createTokenWithFetch();
    await page.reload();
    await page.getByRole('button', { name: 'Revoke spare' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();

    await page.getByText('Token spare was revoked.').waitFor();
    const tokens = page.getByRole('table', { name: 'API tokens' });
    assert.match(await tokens.getByRole('row', { name: /spare/ }).innerText(), /Revoked/);
    const refused = await fetch(`${baseUrl}/api/v1/config/version`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(refused.status, 401);
    await shoot(page, 'auth-07-token-list');
  });

  it("should show the operator's creation in the Audit Log, with its details", async () => {
    // An object the operator will find read-only under Local Traffic.
    assert.equal(await writeAsPage('POST', '/api/v1/pools', { name: POOL }), 201);
    await openFromNav(page, 'Audit Log');
    await page.waitForURL('**/system/audit-log');
    await page.getByLabel('Object Type').selectOption('user');
    await page.getByLabel('Action').selectOption('create');
    await page.getByRole('button', { name: 'Apply' }).click();

    const row = page.getByRole('table', { name: 'Audit log' }).getByRole('row', { name: /opal/ });
    assert.match(await row.innerText(), /admin\s+\S+\s+create\s+user\s+opal/);
    await row.getByRole('button').click();
    const changes = page.getByRole('table', { name: 'Changed fields' });
    await changes.getByText('OPERATOR').waitFor();
    const detail = await page.getByRole('region', { name: 'Audit entry details' }).innerText();
    assert.ok(!detail.includes(OPERATOR.password), 'no password in the audit log');
    await shoot(page, 'auth-08-audit-log');
  });

  it('should page through the audit log and show a change field by field', async () => {
    // 55 changes of the DNS timeout, made by a script: more than one page of 50.
    for (let step = 0; step < 55; step += 1) {
      await stack.client.request('PUT', '/api/v1/system/dns', {
        resolvers: [],
        timeoutMs: 1000 + step,
      });
    }
    await page.goto(`${baseUrl}/system/audit-log?objectType=dns`);

    const rows = page.getByRole('table', { name: 'Audit log' }).locator('tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 50);
    assert.match(await rows.first().innerText(), /admin \(token testkit\)\s+\S+\s+update\s+dns/);
    await rows.first().getByRole('button').click();
    const changes = page.getByRole('table', { name: 'Changed fields' }).locator('tbody tr');
    await changes.first().waitFor();
    assert.deepEqual(await changes.allInnerTexts(), ['timeoutMs\t1053\t1054']);
    await shoot(page, 'auth-09-audit-diff', { fullPage: false });

    await page.getByRole('button', { name: 'Older ›' }).click();
    await page.waitForURL(/cursor=/);
    await rows.nth(5).waitFor({ state: 'detached' });
    assert.equal(await rows.count(), 5);
    assert.equal(await page.getByRole('button', { name: 'Older ›' }).isDisabled(), true);
    await page.getByRole('button', { name: '« Newest' }).click();
    await rows.nth(49).waitFor();
  });

  it('should sign out, after which the console asks for sign-in again', async () => {
    await openUserMenuItem(page, 'admin Administrator', 'Sign Out');

    await page.waitForURL('**/sign-in');
    await page.goto(`${baseUrl}/local-traffic/pools`);
    await page.waitForURL('**/sign-in?returnTo=%2Flocal-traffic%2Fpools');
  });

  it('should show the operator only what their role may use', async () => {
    await fillSignIn(page, OPERATOR);
    await page.waitForURL('**/local-traffic/pools');
    await page.getByRole('link', { name: POOL }).waitFor();

    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const hidden of ['Users', 'Audit Log', 'DNS', 'Logging']) {
      assert.equal(await nav.getByRole('link', { name: hidden }).count(), 0, `${hidden} hidden`);
    }
    assert.equal(await nav.getByRole('button', { name: 'System' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Create...' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Delete...' }).count(), 0);
    assert.equal(await page.getByRole('checkbox').count(), 0);
    await page.getByRole('button', { name: 'opal Operator' }).waitFor();
    await shoot(page, 'auth-10-operator-pools');

    await page.getByRole('link', { name: POOL }).click();
    await page.getByText('Read only: your role (Operator)').waitFor();
    assert.equal(await page.getByLabel('Description').isDisabled(), true);
    assert.equal(await page.getByRole('button', { name: 'Update' }).count(), 0);

    await page.goto(`${baseUrl}/system/users`);
    await page.getByText('Your role (Operator) may not open this screen.').waitFor();
  });

  it('should let the operator edit a security profile', async () => {
    await page.goto(`${baseUrl}/protocol-security/security-profiles/smtp`);
    await page.getByRole('link', { name: 'Create...' }).waitFor();
    await page.getByRole('link', { name: 'smtp_security' }).click();
    await page.getByLabel('Description').fill('edited by the operator');
    await page.getByRole('button', { name: 'Update' }).click();

    await page.getByText('Security profile smtp_security was updated.').waitFor();
    await shoot(page, 'auth-11-operator-security-profile', { fullPage: false });
  });

  it("should get 403 for an admin-only call made with the console's own session", async () => {
    const answers = await page.evaluate(async () => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as TPageSession;
      const users = await fetch('/api/v1/users');
      const pool = await fetch('/api/v1/pools', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ name: 'by_operator' }),
      });

      return { role: session.user.role, users: users.status, pool: pool.status };
    });

    assert.deepEqual(answers, { role: 'OPERATOR', users: 403, pool: 403 });
  });

  it('should let the operator change their own password, errors beside the fields', async () => {
    // A second browser signed in as the operator: the change ends that session.
    const other = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const otherPage = await other.newPage();
    await signInPage(otherPage, baseUrl, OPERATOR);
    await otherPage.goto(`${baseUrl}/protocol-security/statistics`);
    await otherPage.getByRole('button', { name: 'opal Operator' }).waitFor();

    await openUserMenuItem(page, 'opal Operator', 'Change Password');
    await page.waitForURL('**/account/password');
    await page.getByLabel('Current Password').fill('not-my-password');
    await page.getByLabel('New Password', { exact: true }).fill(OPERATOR_NEW_PASSWORD);
    await page.getByLabel('Confirm New Password').fill('something-else-entirely');
    await page.getByRole('button', { name: 'Change Password' }).click();
    await page.getByText('The two new passwords differ.').waitFor();

    await page.getByLabel('Confirm New Password').fill(OPERATOR_NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change Password' }).click();
    const current = page.getByLabel('Current Password');
    await page.locator('.property-row--invalid').getByRole('alert').waitFor();
    assert.equal(await current.getAttribute('aria-invalid'), 'true');
    await shoot(page, 'auth-12-change-password-error');

    await current.fill(OPERATOR.password);
    await page.getByRole('button', { name: 'Change Password' }).click();
    await page.getByText('Your password was changed.').waitFor();

    const oldPassword = await signInStatus(OPERATOR);
    const newPassword = await signInStatus({ ...OPERATOR, password: OPERATOR_NEW_PASSWORD });
    assert.deepEqual([oldPassword, newPassword], [401, 200]);

    // The other browser's next request (the header's live sync state polls) is refused,
    // and it goes to sign in again, to come back to the same screen.
    await otherPage.waitForURL('**/sign-in?returnTo=%2Fprotocol-security%2Fstatistics');
    await otherPage.getByRole('heading', { name: 'Sign In' }).waitFor();
    await other.close();
  });

  it('should show a guest every screen read-only, with no button to change it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const guestPage = await context.newPage();
    guestPage.on('pageerror', (error) => pageErrors.push(error.message));
    await signInPage(guestPage, baseUrl, GUEST);

    await guestPage.goto(`${baseUrl}/protocol-security/security-profiles/smtp`);
    await guestPage.getByRole('link', { name: 'smtp_security' }).click();
    await guestPage.getByText('Read only: your role (Guest)').waitFor();
    assert.equal(await guestPage.getByLabel('Description').isDisabled(), true);
    assert.equal(await guestPage.getByRole('button', { name: 'Update' }).count(), 0);
    await shoot(guestPage, 'auth-13-guest-security-profile', { fullPage: false });

    await openFromNav(guestPage, 'Profiles Assignment');
    await guestPage.getByText('Read only: your role (Guest)').waitFor();
    assert.equal(await guestPage.getByRole('button', { name: 'Save' }).count(), 0);
    await openFromNav(guestPage, 'Virtual Servers');
    await guestPage.getByText('No records to display.').waitFor();
    assert.equal(await guestPage.getByRole('link', { name: 'Create...' }).count(), 0);
    await context.close();
    assert.deepEqual(pageErrors, []);
  });

  it('should say how long to wait after too many failed sign-ins', async () => {
    await openUserMenuItem(page, 'opal Operator', 'Sign Out');
    await page.waitForURL('**/sign-in');
    const mallory = { username: 'mallory', password: 'guessing-password' };
    for (let attempt = 0; attempt < 5; attempt += 1) {
      assert.equal(await signInStatus(mallory), 401);
    }
    await fillSignIn(page, mallory);

    await page.getByText(/Too many attempts\. Try again in \d+ s\./).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Log In' }).isDisabled(), true);
    await shoot(page, 'auth-14-too-many-attempts');
    assert.deepEqual(pageErrors, []);
  });

  async function createTokenWithFetch(): Promise<string> {
    // The page's own session makes it, as the form would.
    return page.evaluate(async () => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as TPageSession;
      const response = await fetch('/api/v1/tokens', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ name: 'spare', role: 'GUEST', expiresInDays: 1 }),
      });

      return ((await response.json()) as { token: string }).token;
    });
  }

  /** A write with the page's session cookie and CSRF token; answers the status. */
  async function writeAsPage(method: string, path: string, body: unknown): Promise<number> {
    return page.evaluate(async ([method, path, body]) => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as TPageSession;
      const response = await fetch(path as string, {
        method: method as string,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(body),
      });

      return response.status;
    }, [method, path, body] as const);
  }

  async function signInStatus(user: TCredentials): Promise<number> {
    const response = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(user),
    });

    return response.status;
  }
});

async function fillSignIn(page: Page, user: TCredentials): Promise<void> {
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Log In' }).click();
}

async function openUserMenuItem(page: Page, menu: string, item: string): Promise<void> {
  await page.getByRole('button', { name: menu }).click();
  await page.getByRole('menuitem', { name: item }).click();
}
