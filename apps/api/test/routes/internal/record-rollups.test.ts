import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build } from '../../helper.ts';
import { ingest, postBatch, trafficRecord, violationRecord } from '../../records.ts';

const context = build();

const PROFILES = ['smtp_security', 'strict'];
const SERVERS = ['vs_mail', 'vs_other', 'vs_third'];
const VIOLATIONS = ['spf_fail', 'rfc_syntax', 'virus_detected'] as const;
const START = Date.parse('2026-03-01T09:30:00.000Z');

// Records over three and a half hours, spread over profiles, servers and minutes.
function trafficBatch(seed: number, size: number) {
  return Array.from({ length: size }, (_, i) =>
    trafficRecord({
      minute: new Date(START + ((seed * 37 + i * 11) % 210) * 60_000 + 1234).toISOString(),
      securityProfile: PROFILES[(seed + i) % 2] as string,
      virtualServer: SERVERS[(seed * 3 + i) % 3] as string,
      connections: (i % 4) + 1,
      messages: (i % 7) + 1,
      bytes: 1000 * (i + seed),
      recipients: (i % 3) + 1,
      alarmed: i % 2,
      blocked: i % 5 === 0 ? 1 : 0,
    }),
  );
}

function violationBatch(seed: number, size: number) {
  return Array.from({ length: size }, (_, i) =>
    violationRecord({
      time: new Date(START + ((seed * 53 + i * 17) % 210) * 60_000 + i).toISOString(),
      violation: VIOLATIONS[(seed + i) % 3],
      virtualServer: SERVERS[i % 3] as string,
      securityProfile: PROFILES[(seed * i) % 2] as string,
      clientAddress: i % 4 === 0 ? '2001:db8::7' : `192.0.2.${(seed + i) % 5}`,
    }),
  );
}

async function rows(query: string) {
  const result = await context.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(query);

  return result.map((row) => JSON.stringify(row, (_key, value) =>
    typeof value === 'bigint' ? Number(value) : value));
}

describe('hourly rollups kept at ingestion', () => {
  it('should hold in each traffic hour the sums of its minutes', async () => {
    const first = trafficBatch(1, 300);
    await ingest(context, 'traffic', first);
    // Batches arriving together, and one sent again, as workers do after a lost answer.
    await Promise.all([2, 3, 4].map((seed) => ingest(context, 'traffic', trafficBatch(seed, 400))));
    const retried = await postBatch(context, 'traffic', trafficBatch(5, 50), 'batch-traffic-5');
    const again = await postBatch(context, 'traffic', trafficBatch(5, 50), 'batch-traffic-5');
    assert.equal(retried.statusCode, 200);
    assert.equal(again.json().duplicate, true);

    const fromMinutes = await rows(`
      SELECT date_trunc('hour', "minute") AS "hour", "securityProfile", "virtualServer",
        sum("connections")::int AS "connections", sum("messages")::int AS "messages",
        sum("bytes")::bigint AS "bytes", sum("recipients")::int AS "recipients",
        sum("alarmed")::int AS "alarmed", sum("blocked")::int AS "blocked"
      FROM "TrafficMinute" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
    const fromHours = await rows(`
      SELECT "hour", "securityProfile", "virtualServer", "connections"::int,
        "messages"::int, "bytes", "recipients"::int, "alarmed"::int, "blocked"::int
      FROM "TrafficHour" ORDER BY 1, 2, 3`);

    assert.equal(fromHours.length, 4 * PROFILES.length * SERVERS.length, 'four hours of six rows');
    assert.deepEqual(fromHours, fromMinutes);
  });

  it('should count in each violation hour the violations stored, once each', async () => {
    const first = violationBatch(1, 200);
    await ingest(context, 'violations', first);
    const together = [2, 3].map((seed) => violationBatch(seed, 300));
    await Promise.all(together.map((batch) => ingest(context, 'violations', batch)));
    // A new batch repeating stored Support IDs: only the new violation counts.
    const repeat = await postBatch(context, 'violations', [
      ...first.slice(0, 20),
      violationRecord({ time: '2026-03-01T10:10:00.000Z' }),
    ]);
    assert.deepEqual(repeat.json(), { accepted: 1, duplicate: false });

    const fromViolations = await rows(`
      SELECT date_trunc('hour', "time") AS "hour", "protocol", "violation", "virtualServer",
        "securityProfile", "serviceProfile", count(*)::int AS "count"
      FROM "Violation" GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`);
    const fromRollup = await rows(`
      SELECT "hour", "protocol", "violation", "virtualServer", "securityProfile",
        "serviceProfile", "count" FROM "ViolationHour" ORDER BY 1, 2, 3, 4, 5, 6`);
    const byClient = await rows(`
      SELECT date_trunc('hour', "time") AS "hour", host("clientAddress") AS "client",
        count(*)::int AS "count" FROM "Violation" GROUP BY 1, 2 ORDER BY 1, 2`);
    const clientRollup = await rows(`
      SELECT "hour", host("clientAddress") AS "client", "count"
      FROM "ViolationClientHour" ORDER BY 1, 2`);

    assert.ok(fromRollup.length > 10);
    assert.deepEqual(fromRollup, fromViolations);
    assert.deepEqual(clientRollup, byClient);
    assert.ok(clientRollup.some((row) => row.includes('2001:db8::7')), 'IPv6 clients counted');
  });
});
