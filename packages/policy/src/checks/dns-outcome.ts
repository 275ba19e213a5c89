// How the DNS-based checks read a lookup error: "no such record" is an answer; anything else
// (timeout, SERVFAIL, REFUSED, a broken reply) means we could not find out.
import { isVoidAnswer } from '@portcullis/spf';

export type TLookup<T> = { records: T } | { isVoid: true } | { failure: string };

export async function lookup<T>(query: () => Promise<T>): Promise<TLookup<T>> {
  try {
    return { records: await query() };
  } catch (error) {
    if (isVoidAnswer(error)) return { isVoid: true };

    return { failure: (error as { code?: string }).code ?? (error as Error).message };
  }
}
