import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, it } from 'node:test';
import { pino } from 'pino';
import {
  ZTrafficBatch,
  ZViolationBatch,
  type TTrafficRecord,
  type TViolationRecord,
} from '@portcullis/contracts';
import { createRecordShipper, type TRecordShipperOptions } from './create-record-shipper.ts';
import { generateSupportId } from './generate-support-id.ts';

const SECRET = 'records-test-secret';
const WORKER_ID = 'worker-under-test';

type TApiMode = 'up' | 'unavailable' | 'lose-answer-once';

/** The API's two ingestion endpoints, deduplicating by batch id as the real one does. */
class RecordsApiDouble {
  mode: TApiMode = 'up';
  rejectIf: (record: TViolationRecord) => boolean = () => false;
  readonly attempts: Array<{ path: string; batchId: string; size: number; status: number }> = [];
  readonly violations: TViolationRecord[] = [];
  readonly traffic: TTrafficRecord[] = [];
  readonly badHeaders: string[] = [];
  private readonly seenBatches = new Set<string>();
  private server: http.Server | null = null;
  port = 0;

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(port = 0) {
    this.server = http.createServer((request, response) => this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;

    return this;
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
    this.server = null;
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse) {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const isAuthorized =
        request.headers.authorization === `Bearer ${SECRET}` &&
        request.headers['x-portcullis-worker'] === WORKER_ID;
      if (!isAuthorized) this.badHeaders.push(JSON.stringify(request.headers));

      const answer = this.ingest(request.url ?? '', body);
      this.attempts.push({ path: request.url ?? '', ...answer.seen, status: answer.status });
      if (answer.status === 0) {
        request.socket.destroy();
        return;
      }

      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
  }

  private ingest(url: string, text: string) {
    const parsed = JSON.parse(text) as { batchId: string; records: unknown[] };
    const seen = { batchId: parsed.batchId, size: parsed.records.length };
    const refuse = (message: string) => {
      const body = { error: { code: 'VALIDATION_FAILED', message } };

      return { seen, status: 400, body };
    };

    if (this.mode === 'unavailable') {
      return { seen, status: 503, body: { error: { code: 'INTERNAL' } } };
    }

    const isViolations = url === '/internal/v1/violations';
    const schema = isViolations ? ZViolationBatch : ZTrafficBatch;
    const batch = schema.safeParse(parsed);
    if (!batch.success) return refuse('batch does not match the contract');
    if (isViolations && (parsed.records as TViolationRecord[]).some(this.rejectIf)) {
      return refuse('records.0.clientAddress: not an IP address');
    }

    const key = `${url}:${parsed.batchId}`;
    const isDuplicate = this.seenBatches.has(key);
    if (!isDuplicate) {
      this.seenBatches.add(key);
      if (isViolations) this.violations.push(...(parsed.records as TViolationRecord[]));
      else this.traffic.push(...(parsed.records as TTrafficRecord[]));
    }

    // Stored, but the answer never reaches the worker: it must resend the same batch id.
    if (this.mode === 'lose-answer-once') {
      this.mode = 'up';
      return { seen, status: 0, body: null };
    }

    const accepted = isDuplicate ? 0 : parsed.records.length;

    return { seen, status: 200, body: { accepted, duplicate: isDuplicate } };
  }
}

function makeViolation(index: number, changes: Partial<TViolationRecord> = {}): TViolationRecord {
  return {
    supportId: generateSupportId(),
    time: new Date(Date.UTC(2030, 0, 1, 12, 0, index)).toISOString(),
    protocol: 'SMTP',
    virtualServer: 'vs-mail',
    serviceProfile: 'smtp',
    securityProfile: 'strict',
    clientAddress: '192.0.2.10',
    clientPort: 40_000 + index,
    helo: 'client.example',
    mailFrom: `sender${index}@example.com`,
    rcptTo: ['alice@protected.example'],
    command: `RCPT TO:<user${index}@protected.example>`,
    violation: 'relay_denied',
    action: 'ALARM_BLOCK',
    reply: '550 5.7.1 Relay access denied (Support ID: K7Q2M-9XD4F)',
    details: { note: 'x'.repeat(200) },
    ...changes,
  };
}

function createLogCapture() {
  const lines: Array<{ level: number; code?: string; msg: string }> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });

  return { lines, logger: pino({ level: 'debug' }, stream) };
}

async function waitFor(isDone: () => boolean, what: string, timeoutMs = 5_000) {
  const started = Date.now();
  while (!isDone()) {
    if (Date.now() - started > timeoutMs) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(overrides: Partial<TRecordShipperOptions> = {}) {
  const api = await new RecordsApiDouble().start();
  const spoolDir = await fs.mkdtemp(path.join(os.tmpdir(), 'portcullis-spool-'));
  const capture = createLogCapture();
  const shippers: Array<ReturnType<typeof createRecordShipper>> = [];
  const newShipper = (more: Partial<TRecordShipperOptions> = {}) => {
    const shipper = createRecordShipper({
      spoolDir,
      apiUrl: api.url,
      workerSecret: SECRET,
      workerId: WORKER_ID,
      logger: capture.logger,
      batchSize: 3,
      flushIntervalMs: 20,
      retryBaseMs: 20,
      retryMaxMs: 100,
      requestTimeoutMs: 1_000,
      ...overrides,
      ...more,
    });
    shippers.push(shipper);

    return shipper;
  };
  cleanups.push(async () => {
    for (const shipper of shippers) await shipper.stop({ deadlineMs: 100 });
    await api.stop();
    await fs.rm(spoolDir, { recursive: true, force: true });
  });

  return { api, spoolDir, logs: capture.lines, newShipper };
}

async function spooledFiles(spoolDir: string) {
  const names = await fs.readdir(path.join(spoolDir, 'violations'));

  return names.filter((name) => name.endsWith('.ndjson'));
}

describe('record shipper', () => {
  it('should deliver violations in batches with the worker credentials', async () => {
    const { api, spoolDir, newShipper } = await setUp();
    const shipper = newShipper();
    await shipper.start();
    const records = Array.from({ length: 7 }, (_, index) => makeViolation(index));

    for (const record of records) shipper.recordViolation(record);
    await waitFor(() => api.violations.length === 7, 'seven violations');

    const ids = (list: TViolationRecord[]) => list.map((record) => record.supportId);
    assert.deepEqual(ids(api.violations), ids(records));
    assert.ok(api.attempts.every((attempt) => attempt.size <= 3), 'batches of at most batchSize');
    assert.ok(api.attempts.every((attempt) => /^[0-9a-f.]{8,64}$/.test(attempt.batchId)));
    assert.deepEqual(api.badHeaders, []);
    await waitFor(() => shipper.stats().pendingRecords === 0, 'an empty spool');
    assert.deepEqual(await spooledFiles(spoolDir), []);
    assert.equal(shipper.stats().deliveredRecords, 7);
  });

  it('should keep records on disk while the API is down, and deliver them later', async () => {
    const { api, spoolDir, newShipper } = await setUp();
    api.mode = 'unavailable';
    const shipper = newShipper();
    await shipper.start();

    for (let index = 0; index < 5; index += 1) shipper.recordViolation(makeViolation(index));
    await waitFor(() => api.attempts.length >= 3, 'a few failed attempts');

    const retriedIds = new Set(api.attempts.map((attempt) => attempt.batchId));
    assert.equal(api.violations.length, 0);
    assert.equal(shipper.stats().pendingRecords, 5);
    const files = await spooledFiles(spoolDir);
    assert.ok(files.length >= 1, 'the records are on disk');
    // Client addresses, envelopes and transcripts: readable by the worker's user alone.
    const violationsDir = path.join(spoolDir, 'violations');
    assert.equal((await fs.stat(violationsDir)).mode & 0o777, 0o700);
    for (const name of files) {
      assert.equal((await fs.stat(path.join(violationsDir, name))).mode & 0o777, 0o600, name);
    }

    api.mode = 'up';
    await waitFor(() => api.violations.length === 5, 'the spooled violations');

    const deliveredIds = api.attempts.filter((attempt) => attempt.status === 200);
    for (const batchId of retriedIds) {
      assert.ok(deliveredIds.some((attempt) => attempt.batchId === batchId), 'same id retried');
    }
    assert.equal(new Set(api.violations.map((record) => record.supportId)).size, 5);
  });

  it('should retry while nothing listens and deliver once the API listens again', async () => {
    const { api, newShipper } = await setUp();
    const port = api.port;
    await api.stop();
    const shipper = newShipper();
    await shipper.start();

    for (let index = 0; index < 4; index += 1) shipper.recordViolation(makeViolation(index));
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(shipper.stats().pendingRecords, 4);
    await api.start(port);

    await waitFor(() => api.violations.length === 4, 'the violations after the outage');
  });

  it('should resume the spool after a restart and deliver each record once', async () => {
    const { api, spoolDir, newShipper } = await setUp();
    api.mode = 'unavailable';
    const first = newShipper();
    await first.start();
    const records = Array.from({ length: 5 }, (_, index) => makeViolation(index));
    for (const record of records) first.recordViolation(record);
    await waitFor(() => api.attempts.length >= 1, 'a failed attempt');
    await first.stop({ deadlineMs: 50 });
    assert.equal((await spooledFiles(spoolDir)).length > 0, true);

    api.mode = 'up';
    const second = newShipper();
    await second.start();
    await waitFor(() => second.stats().pendingRecords === 0, 'the resumed spool to drain');

    const delivered = api.violations.map((record) => record.supportId).sort();
    assert.deepEqual(delivered, records.map((record) => record.supportId).sort());
  });

  it('should resend the same batch id when the answer was lost, so it counts once', async () => {
    const { api, newShipper } = await setUp({ batchSize: 10 });
    api.mode = 'lose-answer-once';
    const shipper = newShipper();
    await shipper.start();

    for (let index = 0; index < 3; index += 1) shipper.recordViolation(makeViolation(index));
    const isDelivered = () => shipper.stats().pendingRecords === 0 && api.attempts.length >= 2;
    await waitFor(isDelivered, 'delivery');

    assert.equal(api.attempts[0]?.batchId, api.attempts[1]?.batchId);
    assert.equal(api.violations.length, 3, 'stored once');
  });

  it('should isolate a record the API refuses and deliver the rest', async () => {
    const { api, logs, newShipper } = await setUp({ batchSize: 8, flushIntervalMs: 50 });
    api.rejectIf = (record) => record.command === 'BAD';
    const shipper = newShipper();
    await shipper.start();

    const records = Array.from({ length: 8 }, (_, index) =>
      makeViolation(index, index === 5 ? { command: 'BAD' } : {}),
    );
    for (const record of records) shipper.recordViolation(record);
    await waitFor(() => shipper.stats().pendingRecords === 0, 'the queue to move on');

    assert.equal(api.violations.length, 7);
    assert.ok(!api.violations.some((record) => record.command === 'BAD'));
    assert.equal(shipper.stats().rejectedRecords, 1);
    assert.ok(logs.some((line) => line.code === 'RECORD_REJECTED' && line.level === 50));
  });

  it('should drop the oldest records when the spool is full, and say so', async () => {
    const maxSpoolBytes = 16 * 1024;
    const { api, logs, newShipper } = await setUp({ maxSpoolBytes, batchSize: 2 });
    api.mode = 'unavailable';
    const shipper = newShipper();
    await shipper.start();

    const records = Array.from({ length: 40 }, (_, index) => makeViolation(index));
    for (const record of records) shipper.recordViolation(record);
    await waitFor(() => shipper.stats().droppedRecords > 0, 'records to be dropped');
    await new Promise((resolve) => setTimeout(resolve, 50));

    const { droppedRecords, spoolBytes, pendingRecords } = shipper.stats();
    assert.ok(spoolBytes <= (maxSpoolBytes * 7) / 8, `${spoolBytes} bytes spooled`);
    assert.equal(droppedRecords + pendingRecords, 40);
    assert.ok(logs.some((line) => line.code === 'SPOOL_FULL' && line.level === 50));

    api.mode = 'up';
    await waitFor(() => shipper.stats().pendingRecords === 0, 'the rest to be delivered');
    const delivered = new Set(api.violations.map((record) => record.supportId));
    assert.equal(delivered.has(records[39]!.supportId), true, 'the newest is kept');
    assert.equal(delivered.has(records[0]!.supportId), false, 'the oldest was dropped');
  });

  it('should add traffic up per minute, send complete minutes, the rest on stop', async () => {
    let now = Date.UTC(2030, 0, 1, 12, 0, 10);
    const { api, newShipper } = await setUp({ now: () => now });
    const shipper = newShipper();
    await shipper.start();
    const key = { securityProfile: 'strict', virtualServer: 'vs-mail' };

    shipper.addTraffic(key, { connections: 1, messages: 1, bytes: 2_000, recipients: 1 });
    shipper.addTraffic(key, { messages: 1, bytes: 3_000, recipients: 2, alarmed: 1 });
    shipper.addTraffic({ ...key, virtualServer: 'vs-other' }, { connections: 1, blocked: 1 });
    now += 60_000;
    shipper.addTraffic(key, { messages: 4 });
    await waitFor(() => api.traffic.length === 2, 'the first minute');

    const first = api.traffic.find((record) => record.virtualServer === 'vs-mail');
    assert.deepEqual(first, {
      minute: '2030-01-01T12:00:00.000Z',
      securityProfile: 'strict',
      virtualServer: 'vs-mail',
      connections: 1,
      messages: 2,
      bytes: 5_000,
      recipients: 3,
      alarmed: 1,
      blocked: 0,
    });

    await shipper.stop({ deadlineMs: 2_000 });
    assert.equal(api.traffic.length, 3);
    assert.equal(api.traffic[2]?.minute, '2030-01-01T12:01:00.000Z');
    assert.equal(api.traffic[2]?.messages, 4);
  });

  it('should refuse a record that does not match the contract without spooling it', async () => {
    const { logs, newShipper } = await setUp();
    const shipper = newShipper();
    await shipper.start();

    shipper.recordViolation(makeViolation(1, { supportId: 'not-an-id' }));

    assert.equal(shipper.stats().invalidRecords, 1);
    assert.ok(logs.some((line) => line.code === 'RECORD_INVALID'));
  });

  it('should let only one live shipper use a spool directory', async () => {
    const { newShipper } = await setUp();
    await newShipper().start();

    await assert.rejects(newShipper().start(), { code: 'SPOOL_LOCKED' });
  });

  it('should skip a line torn by a crash and deliver the rest of the open file', async () => {
    const { api, spoolDir, logs, newShipper } = await setUp();
    const good = makeViolation(1);
    await fs.mkdir(path.join(spoolDir, 'violations'), { recursive: true });
    const torn = JSON.stringify(makeViolation(2)).slice(0, 60);
    const openFile = path.join(spoolDir, 'violations', 'open.ndjson');
    await fs.writeFile(openFile, `${JSON.stringify(good)}\n${torn}`);
    const shipper = newShipper();
    await shipper.start();
    const later = makeViolation(3);

    shipper.recordViolation(later);
    await waitFor(() => api.violations.length === 2, 'both whole records');

    const delivered = api.violations.map((record) => record.supportId);
    assert.deepEqual(delivered, [good.supportId, later.supportId]);
    assert.ok(logs.some((line) => line.code === 'SPOOL_CORRUPT_LINE'));
  });
});
