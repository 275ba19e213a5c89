// Serves one OpenSPF scenario's `zonedata` the way pyspf's test driver (test/testspf.py) reads
// it; /work/shared/conformance/spf/SOURCE.md lists the rules followed here.
import type dnsPacket from 'dns-packet';
import type { DnsHandler, DnsReply } from './loopback-dns-server.ts';

type ZoneEntry = 'TIMEOUT' | { type: string; value: unknown };
export type ScenarioZone = Map<string, ZoneEntry[]>;

const MAX_CNAME_LINKS = 8;
const MAX_TXT_STRING_OCTETS = 255;

/** Builds the zone: lower-case names, `TXT: NONE` dropped, SPF copied to TXT where none is. */
export function buildScenarioZone(zonedata: Record<string, unknown[]>): ScenarioZone {
  const zone: ScenarioZone = new Map();

  for (const [name, rawEntries] of Object.entries(zonedata ?? {})) {
    const entries: ZoneEntry[] = [];
    const spfCopies: ZoneEntry[] = [];
    let hasTxt = false;

    for (const raw of rawEntries ?? []) {
      if (raw === 'TIMEOUT') {
        entries.push('TIMEOUT');
        continue;
      }

      const [type, value] = Object.entries(raw as Record<string, unknown>)[0] ?? ['', undefined];
      if (type === 'TXT') hasTxt = true;
      if (type === 'SPF') spfCopies.push({ type: 'TXT', value });
      if (value !== 'NONE') entries.push({ type, value });
    }

    // The driver appends the copies after every other entry, TIMEOUT markers included.
    if (!hasTxt) entries.push(...spfCopies);
    zone.set(stripTrailingDot(name).toLowerCase(), entries);
  }

  return zone;
}

export function createScenarioHandler(zone: ScenarioZone): DnsHandler {
  return (question) => answerFrom(zone, question.name, question.type, 0);
}

function answerFrom(
  zone: ScenarioZone,
  name: string,
  type: string,
  links: number,
): DnsReply | 'silent' {
  const owner = stripTrailingDot(name).toLowerCase();
  const entries = zone.get(owner);
  if (!entries) return owner.startsWith('error.') ? 'silent' : { rcode: 'NXDOMAIN' };

  const scan = scanEntries(entries, type);
  if (scan === 'silent') return 'silent';
  if (scan.records.length > 0 || !scan.alias) {
    return { answers: scan.records.map((entry) => toAnswer(name, entry)) };
  }

  // What a recursive server does with an alias: the CNAME, then the answer for its target;
  // a loop or an overlong chain is a SERVFAIL.
  if (links >= MAX_CNAME_LINKS) return { rcode: 'SERVFAIL' };

  const target = answerFrom(zone, scan.alias, type, links + 1);
  if (target === 'silent') return 'silent';

  const alias: dnsPacket.Answer = { type: 'CNAME', name, ttl: 60, data: scan.alias };

  return { rcode: target.rcode, answers: [alias, ...(target.answers ?? [])] };
}

interface Scan {
  records: Array<{ type: string; value: unknown }>;
  alias?: string;
}

/**
 * Reads a name's entries in order. A TIMEOUT marker times out every type that has no record
 * listed before it; a value of TIMEOUT times out its own type.
 */
function scanEntries(entries: ZoneEntry[], type: string): Scan | 'silent' {
  const scan: Scan = { records: [] };

  for (const entry of entries) {
    if (entry === 'TIMEOUT') {
      if (scan.records.length === 0) return 'silent';
      break;
    }

    if (entry.type === type && entry.value === 'TIMEOUT') return 'silent';
    if (entry.type === type) scan.records.push(entry);
    if (entry.type === 'CNAME' && scan.alias === undefined) scan.alias = String(entry.value);
  }

  return scan;
}

function toAnswer(name: string, entry: { type: string; value: unknown }): dnsPacket.Answer {
  const { type, value } = entry;

  if (type === 'TXT') return { type: 'TXT', name, ttl: 60, data: toCharacterStrings(value) };
  if (type === 'MX') {
    const [priority, exchange] = value as [number, string];

    return { type: 'MX', name, ttl: 60, data: { preference: Number(priority), exchange } };
  }
  if (type === 'A' || type === 'AAAA' || type === 'PTR' || type === 'CNAME') {
    return { type, name, ttl: 60, data: stripTrailingDot(String(value)) };
  }

  throw new Error(`zone entry of unsupported type ${type}`);
}

/**
 * A string is one record of one or more character-strings (split at 255 octets); a list is one
 * record of several; an empty list is one empty character-string. Characters up to U+00FF are
 * sent as single octets, so the suites' "\x80"-style escapes arrive as those raw bytes.
 */
function toCharacterStrings(value: unknown): Buffer[] {
  const parts = Array.isArray(value) ? value.map(String) : [String(value)];
  const encoded = parts.map((part) => Buffer.from(part, isLatin1(part) ? 'latin1' : 'utf8'));
  if (encoded.length === 0) return [Buffer.alloc(0)];

  return encoded.flatMap(splitCharacterString);
}

function splitCharacterString(octets: Buffer): Buffer[] {
  if (octets.length <= MAX_TXT_STRING_OCTETS) return [octets];

  const pieces: Buffer[] = [];
  for (let start = 0; start < octets.length; start += MAX_TXT_STRING_OCTETS) {
    pieces.push(octets.subarray(start, start + MAX_TXT_STRING_OCTETS));
  }

  return pieces;
}

function isLatin1(text: string): boolean {
  return [...text].every((char) => (char.codePointAt(0) ?? 0) <= 0xff);
}

function stripTrailingDot(name: string): string {
  return name.endsWith('.') ? name.slice(0, -1) : name;
}
