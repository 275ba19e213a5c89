import type { PrismaClient } from '@portcullis/db';
import {
  dailyShape,
  MINUTE_MS,
  SECURITY_PROFILES,
  type TDataSetSize,
  VIRTUAL_SERVERS,
} from './data-set.ts';
import { createRandom } from './random.ts';

type TColumns = {
  minute: string[];
  securityProfile: string[];
  virtualServer: string[];
  connections: number[];
  messages: number[];
  bytes: string[];
  recipients: number[];
  alarmed: number[];
  blocked: number[];
};

const ROWS_PER_STATEMENT = 60_000;
// Messages a minute on the busiest group at midday.
const PEAK_MESSAGES_PER_MINUTE = 400;
const PROFILE_SHARE = [0.6, 0.3, 0.1];
const MEAN_MESSAGE_BYTES = 30_000;

function emptyColumns(): TColumns {
  return {
    minute: [],
    securityProfile: [],
    virtualServer: [],
    connections: [],
    messages: [],
    bytes: [],
    recipients: [],
    alarmed: [],
    blocked: [],
  };
}

async function insertMinutes(prisma: PrismaClient, c: TColumns): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO "TrafficMinute" ("minute", "securityProfile", "virtualServer",
      "connections", "messages", "bytes", "recipients", "alarmed", "blocked")
    SELECT * FROM unnest(${c.minute}::timestamp(3)[], ${c.securityProfile}::text[],
      ${c.virtualServer}::text[], ${c.connections}::int[], ${c.messages}::int[],
      ${c.bytes}::bigint[], ${c.recipients}::int[], ${c.alarmed}::int[], ${c.blocked}::int[])`;
}

/**
 * A per-minute counter row for every security profile and virtual server over the
 * whole period, following the daily shape with some noise. Returns the row count.
 */
export async function seedTraffic(prisma: PrismaClient, size: TDataSetSize): Promise<number> {
  const random = createRandom(7);
  const first = size.end.getTime() - size.days * 24 * 60 * MINUTE_MS;
  let columns = emptyColumns();
  let rows = 0;

  for (let time = first; time < size.end.getTime(); time += MINUTE_MS) {
    const minute = new Date(time).toISOString();
    for (const [p, profile] of SECURITY_PROFILES.entries()) {
      for (const server of VIRTUAL_SERVERS) {
        const rate = PEAK_MESSAGES_PER_MINUTE * server.weight * (PROFILE_SHARE[p] ?? 0);
        const messages = Math.round(rate * dailyShape(time) * (0.7 + 0.6 * random()));
        columns.minute.push(minute);
        columns.securityProfile.push(profile);
        columns.virtualServer.push(server.name);
        columns.connections.push(Math.round(messages * 0.8));
        columns.messages.push(messages);
        columns.bytes.push(String(Math.round(messages * MEAN_MESSAGE_BYTES * (0.5 + random()))));
        columns.recipients.push(Math.round(messages * 1.4));
        columns.alarmed.push(Math.round(messages * 0.03 * random()));
        columns.blocked.push(Math.round(messages * 0.05 * random()));
        rows += 1;
      }
    }
    if (columns.minute.length >= ROWS_PER_STATEMENT) {
      await insertMinutes(prisma, columns);
      columns = emptyColumns();
    }
  }
  if (columns.minute.length > 0) await insertMinutes(prisma, columns);

  return rows;
}
