// Keeps DNS answers for a short while, so a sender's MX and SPF records are not fetched
// again for every message it sends (FACTS.md-style measurements: a lookup costs the worker
// more CPU than the rest of a message's checks). Only final answers are kept: records,
// and "no such name" or "no such record". A timeout or SERVFAIL is asked again each time.
// Identical lookups in flight at once share one query.
import { isVoidAnswer, type DnsResolver } from '@portcullis/spf';
import { createExpiringCache } from './create-expiring-cache.ts';

// A record changed in DNS is seen by the checks within this long. Short next to usual
// TTLs (minutes to hours): the resolver does not report them, so none can be honoured.
export const DNS_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

type TAnswer = { records: unknown } | { error: unknown };

export function createCachingResolver(resolver: DnsResolver): DnsResolver {
  const answers = createExpiringCache<TAnswer>(DNS_CACHE_TTL_MS, MAX_ENTRIES);
  const pending = new Map<string, Promise<unknown>>();

  const ask = (type: string, name: string): Promise<unknown> => {
    const key = `${type} ${name.toLowerCase()}`;
    const known = answers.get(key);
    if (known && 'records' in known) return Promise.resolve(copy(known.records));
    if (known) return Promise.reject(known.error);

    const inFlight = pending.get(key);
    if (inFlight) return inFlight.then(copy);

    const query = resolver.resolve(name, type as 'TXT').then(
      (records) => {
        answers.set(key, { records });
        return records;
      },
      (error: unknown) => {
        if (isVoidAnswer(error)) answers.set(key, { error });
        throw error;
      },
    );
    const settle = () => pending.delete(key);
    pending.set(key, query);
    query.then(settle, settle);

    return query.then(copy);
  };

  return {
    resolve: ((name: string, type: string) => ask(type, name)) as DnsResolver['resolve'],
    resolveTxt: (name) => ask('TXT', name) as ReturnType<DnsResolver['resolveTxt']>,
    resolveMx: (name) => ask('MX', name) as ReturnType<DnsResolver['resolveMx']>,
    resolve4: (name) => ask('A', name) as ReturnType<DnsResolver['resolve4']>,
    resolve6: (name) => ask('AAAA', name) as ReturnType<DnsResolver['resolve6']>,
    resolvePtr: (name) => ask('PTR', name) as ReturnType<DnsResolver['resolvePtr']>,
    resolveCname: (name) => ask('CNAME', name) as ReturnType<DnsResolver['resolveCname']>,
    getServers: () => resolver.getServers(),
  };
}

// Every caller gets records of its own: the SPF engine is free to sort or change them.
function copy<T>(records: T): T {
  if (!Array.isArray(records)) return records;

  return records.map((item: unknown) => {
    if (Array.isArray(item)) return [...item];

    return typeof item === 'object' && item !== null ? { ...item } : item;
  }) as T;
}
