// The explanation of a "fail" (RFC 7208 section 6.2): the exp= of the record that produced it,
// never one of an included record, looked up after evaluation and outside the lookup limits.
import type { DnsResolver } from '../dns/create-dns-resolver.ts';
import type { FetchedRecord } from './create-spf-lookup.ts';
import { expandMacroString, type MacroContext } from './expand-macros.ts';
import { pickValidatedDomain } from './find-validated-names.ts';
import { findModifier } from './find-modifier.ts';
import { prepareLookupName } from './prepare-lookup-name.ts';

export interface ExplanationRequest {
  resolver: DnsResolver;
  record: FetchedRecord;
  context: Omit<MacroContext, 'domain' | 'validatedDomain'>;
  findValidatedNames: () => Promise<string[]>;
}

/** Any DNS error, no record, several records or a syntax error: no explanation (6.2). */
export async function getExplanation(request: ExplanationRequest): Promise<string | undefined> {
  const { resolver, record, findValidatedNames } = request;
  const spec = findModifier(record.record, 'exp');
  if (spec === undefined) return undefined;

  // %{p} costs PTR and address lookups; make them only when the text asks for it.
  const contextFor = async (text: string): Promise<MacroContext> => {
    const names = /%\{p/i.test(text) ? await findValidatedNames() : [];
    const validatedDomain = pickValidatedDomain(names, record.domain);

    return { ...request.context, domain: record.domain, validatedDomain };
  };

  const target = prepareLookupName(expandMacroString(spec, await contextFor(spec)) ?? '');
  if (target === undefined) return undefined;

  let rows: string[][];
  try {
    rows = await resolver.resolveTxt(target);
  } catch {
    return undefined;
  }
  if (rows.length !== 1) return undefined;

  const text = (rows[0] ?? []).join('');

  return expandMacroString(text, await contextFor(text), true);
}
