import { VIOLATION_NAMES, type TViolationActionTaken } from '@portcullis/contracts';
import type { PrismaClient } from '@portcullis/db';
import {
  dailyShape,
  HOUR_MS,
  MINUTE_MS,
  SECURITY_PROFILES,
  type TDataSetSize,
  type TVirtualServer,
  VIRTUAL_SERVERS,
} from './data-set.ts';
import { createRandom, createZipfPicker, pickOne, type TRandom } from './random.ts';

type TColumns = {
  supportId: string[];
  time: string[];
  virtualServer: string[];
  serviceProfile: string[];
  securityProfile: string[];
  clientAddress: string[];
  clientPort: number[];
  helo: Array<string | null>;
  mailFrom: Array<string | null>;
  rcptTo: string[];
  command: string[];
  violation: string[];
  action: string[];
  reply: string[];
  details: Array<string | null>;
};

const ROWS_PER_STATEMENT = 20_000;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ACTIONS: TViolationActionTaken[] = ['ALARM_BLOCK', 'ALARM_BLOCK', 'ALARM_BLOCK', 'ALARM'];
const WORKERS = ['mx-a-1201', 'mx-b-1187'];
// A handful of attacks: one client hammering one violation for a few hours.
const BURSTS = 8;
const BURST_HOURS = 3;
const BURST_SHARE = 0.5;

function encode(value: number, digits: number): string {
  let text = '';
  for (let n = value; text.length < digits; n = Math.floor(n / 32)) text = CROCKFORD[n % 32] + text;

  return text;
}

/**
 * Unique, random-looking Support IDs: the second half is a bijection of the row
 * number (an odd multiplier modulo 2^25), the first half is noise.
 */
function supportIdOf(row: number, random: TRandom): string {
  const low = (row * 16_777_259 + 12_345) % 33_554_432;

  return `${encode(Math.floor(random() * 33_554_432), 5)}-${encode(low, 5)}`;
}

/** Client k as an address: most are IPv4 spread over many networks, one in ten IPv6. */
function clientAddressOf(k: number): string {
  if (k % 10 === 9) return `2001:db8:${(k % 4096).toString(16)}::${(k * 7 % 65_535).toString(16)}`;

  const n = Math.imul(k + 1, 2_654_435_761) >>> 0;

  return `${1 + ((n >>> 24) % 222)}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${(n & 255) || 1}`;
}

function emptyColumns(): TColumns {
  return {
    supportId: [], time: [], virtualServer: [], serviceProfile: [], securityProfile: [],
    clientAddress: [], clientPort: [], helo: [], mailFrom: [], rcptTo: [], command: [],
    violation: [], action: [], reply: [], details: [],
  };
}

async function insertViolations(prisma: PrismaClient, c: TColumns): Promise<void> {
  // rcptTo travels as one space-separated string a row: unnest takes no ragged arrays.
  await prisma.$executeRaw`
    INSERT INTO "Violation" ("supportId", "time", "protocol", "virtualServer",
      "serviceProfile", "securityProfile", "clientAddress", "clientPort", "helo",
      "mailFrom", "rcptTo", "command", "violation", "action", "reply", "details",
      "workerId")
    SELECT s, t, 'SMTP', vs, svc, sp, ca::inet, cp, h, mf, string_to_array(r, ' '),
      cmd, v, a, rep, d::jsonb, w
    FROM unnest(${c.supportId}::text[], ${c.time}::timestamp(3)[],
      ${c.virtualServer}::text[], ${c.serviceProfile}::text[], ${c.securityProfile}::text[],
      ${c.clientAddress}::text[], ${c.clientPort}::int[], ${c.helo}::text[],
      ${c.mailFrom}::text[], ${c.rcptTo}::text[], ${c.command}::text[],
      ${c.violation}::text[], ${c.action}::text[], ${c.reply}::text[], ${c.details}::text[],
      ${c.supportId.map((_, i) => WORKERS[i % 2] as string)}::text[])
      AS u(s, t, vs, svc, sp, ca, cp, h, mf, r, cmd, v, a, rep, d, w)`;
}

/** How many violations each minute gets: the daily shape, scaled to the total. */
function violationsPerMinute(size: TDataSetSize): Int32Array {
  const minutes = size.days * 24 * 60;
  const first = size.end.getTime() - minutes * MINUTE_MS;
  const weights = Array.from({ length: minutes }, (_, m) => dailyShape(first + m * MINUTE_MS));
  const scale = size.violations / weights.reduce((sum, weight) => sum + weight, 0);
  const counts = new Int32Array(minutes);
  let carried = 0;
  let given = 0;
  for (let m = 0; m < minutes; m += 1) {
    carried += (weights[m] ?? 0) * scale;
    counts[m] = Math.round(carried) - given;
    given += counts[m] ?? 0;
  }

  return counts;
}

type TBurst = { fromMinute: number; toMinute: number; client: number; violation: string };

function planBursts(size: TDataSetSize, random: TRandom): TBurst[] {
  const minutes = size.days * 24 * 60;

  return Array.from({ length: BURSTS }, () => {
    const fromMinute = Math.floor(random() * (minutes - BURST_HOURS * 60));

    return {
      fromMinute,
      toMinute: fromMinute + (BURST_HOURS * HOUR_MS) / MINUTE_MS,
      client: Math.floor(random() * size.clients),
      violation: pickOne(['directory_harvest', 'rate_limit_client', 'rfc_syntax'], random),
    };
  });
}

/**
 * One million-ish violation rows in time order, skewed as real ones are: a few
 * violations and clients take most of the rows (Zipf), a few attacks add bursts
 * from one client, and every row is as wide as a real record. Returns the Support
 * IDs of a sample of rows, for look-ups.
 */
export async function seedViolations(prisma: PrismaClient, size: TDataSetSize): Promise<string[]> {
  const random = createRandom(11);
  const pickViolation = createZipfPicker(VIOLATION_NAMES.length, 1.2, random);
  const pickClient = createZipfPicker(size.clients, 1.0, random);
  const order = [...VIOLATION_NAMES].sort(() => random() - 0.5);
  const counts = violationsPerMinute(size);
  const bursts = planBursts(size, random);
  const first = size.end.getTime() - counts.length * MINUTE_MS;
  const sample: string[] = [];
  let columns = emptyColumns();
  let row = 0;

  for (let m = 0; m < counts.length; m += 1) {
    const burst = bursts.find((b) => m >= b.fromMinute && m < b.toMinute);
    for (let i = 0; i < (counts[m] ?? 0); i += 1) {
      const isBurst = burst !== undefined && random() < BURST_SHARE;
      const supportId = supportIdOf(row, random);
      const server = pickServer(random);
      const violation = isBurst ? burst.violation : (order[pickViolation()] as string);
      const client = isBurst ? burst.client : pickClient();
      const minute = first + m * MINUTE_MS;
      pushViolation(columns, { row, supportId, minute, server, violation, client }, random);
      if (row % 20_000 === 0) sample.push(supportId);
      row += 1;
    }
    if (columns.supportId.length >= ROWS_PER_STATEMENT) {
      await insertViolations(prisma, columns);
      columns = emptyColumns();
    }
  }
  if (columns.supportId.length > 0) await insertViolations(prisma, columns);

  return sample;
}

type TDrawn = {
  row: number;
  supportId: string;
  minute: number;
  server: TVirtualServer;
  violation: string;
  client: number;
};

/** Appends one violation as wide as a real record; the rest of it is drawn here. */
function pushViolation(columns: TColumns, drawn: TDrawn, random: TRandom): void {
  const { row, supportId, server, client } = drawn;
  const action = pickOne(ACTIONS, random);
  const domain = `example-${client % 997}.net`;
  const recipients = Array.from(
    { length: 1 + Math.floor(random() * 3) },
    (_, r) => `rcpt${(row + r) % 20_000}@protected.example`,
  );

  columns.supportId.push(supportId);
  columns.time.push(new Date(drawn.minute + Math.floor(random() * MINUTE_MS)).toISOString());
  columns.virtualServer.push(server.name);
  columns.serviceProfile.push(server.serviceProfile);
  columns.securityProfile.push(pickProfile(random));
  columns.clientAddress.push(clientAddressOf(client));
  columns.clientPort.push(1024 + Math.floor(random() * 64_000));
  columns.helo.push(random() < 0.95 ? `mail${client % 50}.${domain}` : null);
  columns.mailFrom.push(random() < 0.9 ? `user${row % 5000}@${domain}` : null);
  columns.rcptTo.push(recipients.join(' '));
  columns.command.push(`RCPT TO:<${recipients[0]}>`);
  columns.violation.push(drawn.violation);
  columns.action.push(action);
  columns.reply.push(`550 5.7.1 Refused by policy (Support ID ${supportId})`);
  columns.details.push(random() < 0.3 ? transcriptOf(domain) : null);
}

function pickServer(random: TRandom): TVirtualServer {
  let target = random();
  for (const server of VIRTUAL_SERVERS) {
    target -= server.weight;
    if (target < 0) return server;
  }

  return VIRTUAL_SERVERS[0] as TVirtualServer;
}

function pickProfile(random: TRandom): string {
  const draw = random();

  return SECURITY_PROFILES[draw < 0.6 ? 0 : draw < 0.9 ? 1 : 2];
}

function transcriptOf(domain: string): string {
  return JSON.stringify({
    transcript: [
      `S: 220 mx.protected.example ESMTP`,
      `C: EHLO mail.${domain}`,
      `S: 250-mx.protected.example`,
      `C: MAIL FROM:<sender@${domain}>`,
      `S: 250 2.1.0 Ok`,
    ],
  });
}
