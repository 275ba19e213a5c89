// The DNS access of one check_host() evaluation, handed to the engine as its resolver. It keeps
// the RFC 7208 section 4.6.4 limits, turns DNS failures into temperror (section 5), and gives
// the engine only the SPF record, checked and with some macros already expanded.
import type { SpfEngineResolver } from 'mailauth/lib/spf/spf-verify.js';
import type { DnsResolver } from '../dns/create-dns-resolver.ts';
import { isVoidAnswer } from '../dns/dns-error.ts';
import { isDnsRecordType } from '../dns/dns-records.ts';
import type { MacroContext } from './expand-macros.ts';
import { prepareLookupName } from './prepare-lookup-name.ts';
import { rewriteRecordMacros } from './rewrite-record-macros.ts';
import { selectSpfRecord } from './select-spf-record.ts';
import { SpfAbort } from './spf-abort.ts';

/** Section 4.6.4: terms that query DNS (include, a, mx, ptr, exists, redirect). */
export const MAX_DNS_TERMS = 10;
/** Section 4.6.4: lookups that find no name or no records ("void lookups"). */
export const MAX_VOID_LOOKUPS = 2;
/** Section 4.6.4: address lookups for the names of one mx term. */
export const MAX_ADDRESS_LOOKUPS_PER_TERM = 10;

export interface FetchedRecord {
  domain: string;
  /** As published, before any rewriting. */
  record: string;
}

export interface SpfLookupOptions {
  resolver: DnsResolver;
  context: Omit<MacroContext, 'domain' | 'validatedDomain'>;
  findValidatedNames: () => Promise<string[]>;
}

export interface SpfLookup {
  resolve: SpfEngineResolver;
  createSubResolver: () => SpfEngineResolver;
  /** The next record fetch starts a redirect chain link; its redirect= is left to the caller. */
  expectChainHead(): void;
  /** What the last chain-head fetch found, if it found a record. */
  getChainHead(): FetchedRecord | undefined;
}

type VoidHandler = (error: unknown) => unknown[];

export function createSpfLookup(options: SpfLookupOptions): SpfLookup {
  const { resolver, context, findValidatedNames } = options;
  const counts = { terms: 0, voids: 0, isFirstFetch: true };
  const chain: { isHeadExpected: boolean; head?: FetchedRecord } = { isHeadExpected: false };

  const countVoid: VoidHandler = () => {
    counts.voids += 1;
    if (counts.voids > MAX_VOID_LOOKUPS) {
      throw new SpfAbort('permerror', `more than ${MAX_VOID_LOOKUPS} void DNS lookups`);
    }

    return [];
  };

  const adoptRecord = async (domain: string, rows: string[][], isChainHead: boolean) => {
    const record = selectSpfRecord(rows, domain);
    if (record === undefined) return [];
    if (isChainHead) chain.head = { domain, record };

    const rewritten = await rewriteRecordMacros(record, { ...context, domain }, findValidatedNames);

    return [[isChainHead ? withoutRedirect(rewritten) : rewritten]];
  };

  const resolve: SpfEngineResolver = async (name, type) => {
    // The first fetch is the record of <domain> itself, which no limit counts.
    const isTerm = !counts.isFirstFetch;
    counts.isFirstFetch = false;
    if (isTerm) countTerm(counts);

    const isChainHead = type === 'TXT' && chain.isHeadExpected;
    if (isChainHead) chain.isHeadExpected = false;

    const rows = await query(resolver, name, type, isTerm ? countVoid : () => []);
    if (type !== 'TXT') return rows;

    const domain = name.endsWith('.') ? name.slice(0, -1) : name;

    return adoptRecord(domain, rows as string[][], isChainHead);
  };

  return {
    resolve,
    createSubResolver: () => createAddressResolver(resolver),
    expectChainHead: () => {
      chain.isHeadExpected = true;
      chain.head = undefined;
    },
    getChainHead: () => chain.head,
  };
}

function countTerm(counts: { terms: number }): void {
  counts.terms += 1;
  if (counts.terms > MAX_DNS_TERMS) {
    throw new SpfAbort('permerror', `more than ${MAX_DNS_TERMS} DNS-querying terms`);
  }
}

/** Address lookups of one mx or ptr term: no void counting, but a cap per term. */
function createAddressResolver(resolver: DnsResolver): SpfEngineResolver {
  let lookups = 0;

  return async (name, type) => {
    lookups += 1;
    if (lookups > MAX_ADDRESS_LOOKUPS_PER_TERM) {
      throw new SpfAbort('permerror', `more than ${MAX_ADDRESS_LOOKUPS_PER_TERM} address lookups`);
    }

    return query(resolver, name, type, () => []);
  };
}

/**
 * Section 5: a server failure or timeout ends the evaluation with temperror. Anything else
 * (NXDOMAIN, no records, a name that cannot exist) is an empty answer.
 */
async function query(resolver: DnsResolver, name: string, type: string, onVoid: VoidHandler) {
  const target = prepareLookupName(name);
  if (target === undefined) return onVoid(undefined);
  if (!isDnsRecordType(type)) throw new SpfAbort('temperror', `cannot query ${type} records`);

  try {
    return (await resolver.resolve(target, type)) as unknown[];
  } catch (error) {
    if (isVoidAnswer(error)) return onVoid(error);

    const code = (error as { code?: string }).code ?? 'error';

    throw new SpfAbort('temperror', `DNS ${code} for ${type} ${target}`);
  }
}

function withoutRedirect(record: string): string {
  return record
    .split(' ')
    .filter((term) => !/^redirect=/i.test(term))
    .join(' ');
}
