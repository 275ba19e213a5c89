// The Protocol Security dashboard in Chromium against the real API on a fresh
// database: empty at first, then filled live by traffic and violations sent through
// the internal routes as a worker sends them; its links, its ranges and its failure.
// Each state is saved to test-artifacts/console/dash-*.png for a person to look at.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TTrafficBatch } from '@portcullis/contracts';
import type { Page, Response } from 'playwright-core';
import {
  openFromNav,
  postInternal,
  shoot,
  startConsoleHarness,
  type TConsoleHarness,
} from './support/console-harness.ts';
import {
  buildOlderViolations,
  buildTrafficHistory,
  sumTraffic,
  type TTrafficTotals,
} from './support/dashboard-records.ts';
import { buildTrafficBatch, buildViolationBatch } from './support/violation-records.ts';

// A class name only the chart library's code carries.
const CHART_LIBRARY_MARK = 'recharts-wrapper';
// The dashboard refetches every 10 s; a change shows within one round and a retry.
const LIVE_UPDATE_MS = 15_000;
const HOUR_MINUTES = 60;
const DASHBOARD = '/protocol-security/statistics/dashboard';
const DASHBOARD_API = /\/api\/v1\/dashboard\?/;
const DAY_MINUTES = 24 * HOUR_MINUTES;

function count(value: number): string {
  return value.toLocaleString('en-US');
}

describe('console: statistics dashboard', () => {
  let harness: TConsoleHarness;
  let page: Page;
  const scripts: string[] = [];
  const now = new Date();
  const traffic: TTrafficBatch[] = [buildTrafficBatch(now), buildTrafficHistory(now)];

  before(async () => {
    harness = await startConsoleHarness();
    page = harness.page;
    page.on('response', (response: Response) => {
      if (response.url().endsWith('.js')) scripts.push(response.url());
    });
  });

  after(async () => {
    await harness?.stop();
  });

  it('should keep the chart library out of the first page', async () => {
    await page.goto(`${harness.baseUrl}/local-traffic/virtual-servers`);
    await page.getByRole('link', { name: 'Create...' }).waitFor();

    assert.ok(scripts.length > 0, 'the first page loaded scripts');
    for (const url of scripts) {
      const body = await (await fetch(url)).text();
      assert.equal(body.includes(CHART_LIBRARY_MARK), false, `${url} holds no chart code`);
    }
  });

  it('should say plainly that there is no traffic yet', async () => {
    const loadedBefore = scripts.length;
    await openFromNav(page, 'Statistics');
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.waitForURL('**/protocol-security/statistics/dashboard');

    await page.getByText('No traffic yet in the last hour').waitFor();
    assert.match(await page.title(), /Protocol Security » Statistics : Dashboard/);
    assert.equal(await page.locator('#content').getByRole('img').count(), 0, 'no empty charts');
    const loadedNow = scripts.slice(loadedBefore);
    const bodies = await Promise.all(loadedNow.map(async (url) => (await fetch(url)).text()));
    assert.ok(bodies.some((body) => body.includes(CHART_LIBRARY_MARK)), 'charts came now');
    await shoot(page, 'dash-01-empty');
  });

  it('should show traffic and violations as they arrive, without a reload', async () => {
    await ingest(harness.baseUrl, '/violations', buildViolationBatch(now));
    await ingest(harness.baseUrl, '/violations', buildOlderViolations(now));
    for (const batch of traffic) await ingest(harness.baseUrl, '/traffic', batch);

    const hour = sumTraffic(traffic, now, 55);
    await waitForTile(page, 'Messages', count(hour.messages), LIVE_UPDATE_MS);
    await expectTiles(page, hour, 4);

    const top = page.getByRole('table', { name: 'Top violations' });
    const rows = top.locator('tbody tr');
    await expectTopViolation(page, /^Disallowed SMTP method\s*disallowed_method\s+SMTP\s+2$/);
    assert.equal(await rows.count(), 3);

    const clients = page.getByRole('table', { name: 'Top clients' });
    assert.equal(await clients.locator('tbody tr').count(), 4);
    await clients.getByRole('link', { name: '203.0.113.5' }).waitFor();

    const servers = page.getByRole('table', { name: 'Traffic by virtual server' });
    const guarded = servers.getByRole('row').filter({ hasText: 'vs_guarded' });
    assert.match(await guarded.innerText(), /\s4$/, 'four violations on vs_guarded');
    assert.equal(await servers.locator('tbody tr').count(), 3);

    await expectChartSummaries(page, 'per minute', hour);
    await shoot(page, 'dash-02-hour');

    // Pointing at the chart names the interval and its count.
    const chart = page.getByRole('img', { name: /^Messages per minute/ });
    const box = await chart.boundingBox();
    assert.ok(box, 'the chart is on screen');
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
    const tooltip = page.locator('.recharts-tooltip-wrapper').filter({ hasText: 'Messages' });
    await tooltip.waitFor();
    assert.match(await tooltip.innerText(), /\d\d:\d\d – \d\d:\d\d\s+Messages\s*:\s*\d+/);
    await shoot(page, 'dash-02b-tooltip', { fullPage: false });
  });

  it('should follow a top violation to the list for the same range', async () => {
    const top = page.getByRole('table', { name: 'Top violations' });
    await top.getByRole('link', { name: 'Disallowed SMTP method' }).click();

    await page.waitForURL(/\/statistics\/violations\?.*violation=disallowed_method/);
    const url = new URL(page.url());
    assert.ok(url.searchParams.get('from') && url.searchParams.get('to'), 'the range goes along');
    const list = page.getByRole('table', { name: 'Violations' });
    await list.getByText('K7Q2M-9XD4F').waitFor();
    assert.equal(await list.locator('tbody tr').count(), 2);
    const filter = page.getByLabel('Violation', { exact: true });
    assert.equal(await filter.inputValue(), 'disallowed_method');
    await shoot(page, 'dash-03-violation-list');

    await page.goBack();
    await page.waitForURL('**/statistics/dashboard');
    const clients = page.getByRole('table', { name: 'Top clients' });
    await clients.getByRole('link', { name: '203.0.113.5' }).click();
    await page.waitForURL(/\/statistics\/violations\?.*clientAddress=203\.0\.113\.5/);
    await list.getByText('M4V9Z-6QC1B').waitFor();
    assert.equal(await list.locator('tbody tr').count(), 1);
    await page.goBack();
    await page.waitForURL('**/statistics/dashboard');
  });

  it('should switch to the last day and week, with the intervals each allows', async () => {
    const range = page.getByLabel('Time Range', { exact: true });
    const interval = page.getByLabel('Interval', { exact: true });
    await range.waitFor();
    assert.equal(await interval.isDisabled(), true, 'an hour comes only in minutes');

    await range.selectOption('day');
    await page.waitForURL('**/statistics/dashboard?range=day');
    const day = sumTraffic(traffic, now, 23 * HOUR_MINUTES);
    await waitForTile(page, 'Messages', count(day.messages));
    await expectTiles(page, day, 9);
    assert.equal(await interval.inputValue(), '15m');
    assert.deepEqual(await optionValues(interval), ['15m', '1h']);
    await expectTopViolation(page, /^Greylisted delivery attempt\s*greylisted\s+SMTP\s+6$/);
    await expectChartSummaries(page, 'per 15 minutes', day);

    await interval.selectOption('1h');
    await page.waitForURL('**/statistics/dashboard?range=day&bucket=1h');
    await expectChartSummaries(page, 'per hour', day);
    await shoot(page, 'dash-04-day');

    await range.selectOption('week');
    await page.waitForURL('**/statistics/dashboard?range=week');
    const week = sumTraffic(traffic, now, 6.5 * DAY_MINUTES);
    await waitForTile(page, 'Messages', count(week.messages));
    await expectTiles(page, week, 12);
    assert.deepEqual(await optionValues(interval), ['1h', '6h']);
    const second = page.getByRole('table', { name: 'Top violations' }).locator('tbody tr').nth(1);
    assert.match(await second.innerText(), /^Too many messages from one client.*\s3$/);
    await shoot(page, 'dash-05-week');

    // A hand-edited URL with an interval the range does not allow gets the default.
    await page.goto(`${harness.baseUrl}${DASHBOARD}?range=week&bucket=1m`);
    await waitForTile(page, 'Messages', count(week.messages));
    assert.equal(await interval.inputValue(), '1h');
    await expectChartSummaries(page, 'per hour', week);
  });

  it('should say when the API fails, and recover when asked', async () => {
    const refusal = { code: 'DATABASE_UNAVAILABLE', message: 'The database is down.' };
    await page.route(DASHBOARD_API, (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: refusal }),
      }),
    );
    await page.goto(`${harness.baseUrl}${DASHBOARD}?range=day`);

    const banner = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
    await banner.waitFor();
    assert.match(await banner.innerText(), /The database is down\.\s*\(DATABASE_UNAVAILABLE\)/);
    await page.getByLabel('Time Range', { exact: true }).waitFor();
    await shoot(page, 'dash-06-error');

    await page.unroute(DASHBOARD_API);
    await banner.getByRole('button', { name: 'Try again' }).click();
    const day = sumTraffic(traffic, now, 23 * HOUR_MINUTES);
    await waitForTile(page, 'Messages', count(day.messages));
    assert.equal(await banner.count(), 0);

    assert.deepEqual(harness.pageErrors, []);
  });
});

async function ingest(baseUrl: string, route: string, batch: unknown): Promise<void> {
  const response = await postInternal(baseUrl, route, batch);

  assert.equal(response.status, 200, await response.text());
}

/** A totals tile's figure, by the tile's label. */
function tile(page: Page, label: string) {
  const term = page.locator('dt', { hasText: new RegExp(`^${label}$`, 'i') });

  return page.locator('.dash-tile').filter({ has: term }).locator('dd');
}

async function waitForTile(page: Page, label: string, expected: string, timeoutMs = 10_000) {
  const value = tile(page, label).filter({ hasText: new RegExp(`^${expected}$`) });

  await value.waitFor({ timeout: timeoutMs });
}

async function expectTiles(page: Page, totals: TTrafficTotals, violations: number) {
  for (const [label, value] of [
    ['Connections', totals.connections],
    ['Messages', totals.messages],
    ['Recipients', totals.recipients],
    ['Alarmed', totals.alarmed],
    ['Blocked', totals.blocked],
    ['Violations', violations],
  ] as const) {
    assert.equal(await tile(page, label).innerText(), count(value), `${label} tile`);
  }
  const bytes = tile(page, 'Bytes').locator('span');
  assert.equal(await bytes.getAttribute('title'), `${count(totals.bytes)} bytes`);
}

async function expectTopViolation(page: Page, expected: RegExp) {
  const first = page.getByRole('table', { name: 'Top violations' }).locator('tbody tr').first();

  assert.match(await first.innerText(), expected);
}

/** The charts' text alternatives name the interval and add up to the totals. */
async function expectChartSummaries(page: Page, per: string, totals: TTrafficTotals) {
  const messages = page.getByRole('img', { name: new RegExp(`^Messages ${per} from`) });
  await messages.waitFor();
  const summary = (await messages.getAttribute('aria-label')) ?? '';
  assert.match(summary, new RegExp(`: ${count(totals.messages)} messages in all, at most`));

  const violations = page.getByRole('img', { name: new RegExp(`^Violations ${per} from`) });
  const text = (await violations.getAttribute('aria-label')) ?? '';
  assert.match(text, new RegExp(`${count(totals.alarmed)} alarmed in all`));
  assert.match(text, new RegExp(`${count(totals.blocked)} blocked in all`));

  const table = page.getByRole('table', { name: new RegExp(`^Messages ${per}`) });
  assert.ok((await table.locator('tbody tr').count()) > 0, 'the chart has a table');
}

async function optionValues(select: ReturnType<Page['getByLabel']>): Promise<string[]> {
  return select.locator('option').evaluateAll((options) =>
    options.map((option) => option.getAttribute('value') ?? ''),
  );
}
