// A stub resolver of our own over UDP (TCP when truncated), with a bounded time per attempt and
// node:dns-shaped results and errors. SPF needs it because node:dns refuses names that SPF macros
// legitimately produce, and because every lookup must end within the SMTP transaction's budget.
import { DnsError, type DnsErrorCode } from './dns-error.ts';
import { SYSCALL_BY_TYPE, type DnsRecordShapes, type DnsRecordType } from './dns-records.ts';
import { normalizeQueryName } from './normalize-query-name.ts';
import { parseServerAddress, type DnsServerAddress } from './parse-server-address.ts';
import { queryServer } from './query-server.ts';
import { MAX_CNAME_LINKS, readAnswer } from './read-answer.ts';
import { readResolvConf } from './read-resolv-conf.ts';
import { toNodeShape } from './to-node-shape.ts';

export interface DnsResolverOptions {
  /** 'ip', 'ip:port' or '[ipv6]:port'; empty or absent reads /etc/resolv.conf. */
  servers?: string[];
  /** Time allowed for one attempt at one server. Default 3000 ms. */
  timeoutMs?: number;
  /** Rounds over all servers. Default 2. A lookup ends after timeoutMs × tries × servers. */
  tries?: number;
}

export interface DnsResolver {
  resolve<T extends DnsRecordType>(name: string, type: T): Promise<DnsRecordShapes[T]>;
  resolveTxt(name: string): Promise<DnsRecordShapes['TXT']>;
  resolveMx(name: string): Promise<DnsRecordShapes['MX']>;
  resolve4(name: string): Promise<DnsRecordShapes['A']>;
  resolve6(name: string): Promise<DnsRecordShapes['AAAA']>;
  resolvePtr(name: string): Promise<DnsRecordShapes['PTR']>;
  resolveCname(name: string): Promise<DnsRecordShapes['CNAME']>;
  getServers(): string[];
}

const DEFAULT_TIMEOUT_MS = 3000;
const DEFAULT_TRIES = 2;
const FALLBACK_SERVER = '127.0.0.1';

/** Answers that end the lookup at once: asking another server would not change them. */
const FINAL_CODES: ReadonlySet<DnsErrorCode> = new Set(['ENOTFOUND', 'ENODATA', 'EBADNAME']);

/** When every server failed, a server's own verdict says more than a silence does. */
const SILENT_CODES: ReadonlySet<DnsErrorCode> = new Set(['ETIMEOUT', 'ECONNREFUSED', 'ECONNRESET']);

export function createDnsResolver(options: DnsResolverOptions = {}): DnsResolver {
  const serverTexts = options.servers?.length ? options.servers : readResolvConf();
  const servers = (serverTexts.length ? serverTexts : [FALLBACK_SERVER]).map(parseServerAddress);
  const timeoutMs = Math.max(1, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const tries = Math.max(1, Math.floor(options.tries ?? DEFAULT_TRIES));

  const resolve = async <T extends DnsRecordType>(name: string, type: T) => {
    const syscall = SYSCALL_BY_TYPE[type];
    if (!syscall) throw new TypeError(`unsupported record type ${String(type)}`);

    let owner = normalizeQueryName(name, syscall);

    // A server that does not chase CNAMEs leaves us the rest of the chain to ask for.
    for (let links = 0; links <= MAX_CNAME_LINKS; ) {
      const reading = await askServers(servers, { name: owner, type, syscall }, timeoutMs, tries);
      if (reading.kind === 'records') return toNodeShape(type, reading.records);

      links += Math.max(1, reading.links);
      owner = normalizeQueryName(reading.name, syscall);
    }

    throw new DnsError('EBADRESP', syscall, name);
  };

  return {
    resolve,
    resolveTxt: (name) => resolve(name, 'TXT'),
    resolveMx: (name) => resolve(name, 'MX'),
    resolve4: (name) => resolve(name, 'A'),
    resolve6: (name) => resolve(name, 'AAAA'),
    resolvePtr: (name) => resolve(name, 'PTR'),
    resolveCname: (name) => resolve(name, 'CNAME'),
    getServers: () => servers.map(formatServer),
  };
}

interface Question {
  name: string;
  type: DnsRecordType;
  syscall: string;
}

async function askServers(
  servers: DnsServerAddress[],
  question: Question,
  timeoutMs: number,
  tries: number,
) {
  let worstError: DnsError | undefined;

  for (let round = 0; round < tries; round += 1) {
    for (const server of servers) {
      try {
        const packet = await queryServer({ server, timeoutMs, ...question });

        return readAnswer(packet, question.name, question.type, question.syscall);
      } catch (error) {
        if (!(error instanceof DnsError)) throw error;
        if (FINAL_CODES.has(error.code)) throw error;

        const isMoreTelling = !worstError || SILENT_CODES.has(worstError.code);
        if (isMoreTelling) worstError = error;
      }
    }
  }

  throw worstError ?? new DnsError('ETIMEOUT', question.syscall, question.name);
}

function formatServer(server: DnsServerAddress): string {
  const host = server.family === 6 ? `[${server.host}]` : server.host;

  return server.port === 53 ? server.host : `${host}:${server.port}`;
}
