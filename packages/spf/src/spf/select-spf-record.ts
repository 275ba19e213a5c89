// Picks the SPF record out of a name's TXT records (RFC 7208 sections 3.3 and 4.5) and rejects
// it when it breaks the grammar.
import { checkSpfRecord } from './check-spf-record.ts';
import { SpfAbort } from './spf-abort.ts';

/** "exactly v=spf1", ended by a space or the end of the record; ABNF strings ignore case. */
const VERSION = /^v=spf1(?: |$)/i;

/** The record, undefined when there is none; throws a permerror for two or a broken one. */
export function selectSpfRecord(rows: string[][], domain: string): string | undefined {
  // Section 3.3: the strings of one TXT record are joined with nothing between them.
  const records = rows.map((strings) => strings.join('')).filter((text) => VERSION.test(text));
  if (records.length > 1) throw new SpfAbort('permerror', `more than one SPF record at ${domain}`);

  const [record] = records;
  if (record === undefined) return undefined;

  const problem = checkSpfRecord(record);
  if (problem) throw new SpfAbort('permerror', `invalid SPF record at ${domain}: ${problem}`);

  return record;
}
