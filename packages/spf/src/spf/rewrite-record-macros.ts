// Expands, ahead of the engine, the macros whose meaning it gets wrong (see expand-macros.ts),
// leaving the rest of the record to it. Expansions are spliced back as macro-string text.
import { expandMacro, type MacroContext } from './expand-macros.ts';
import { pickValidatedDomain } from './find-validated-names.ts';
import { parseMacroString } from './parse-macro-string.ts';

/** One macro-expand or escape, read left to right so that "%%{d}" stays an escape. */
const MACRO_TOKEN = /%(?:[%_-]|\{[^}]*\})/g;

/**
 * A spliced value must not change how the engine splits terms or finds CIDR lengths (a "/0"
 * from a hostile name would widen a match), so unescaped values must be plain host names.
 */
const PLAIN_VALUE = /^[a-z0-9_.-]*$/i;

export async function rewriteRecordMacros(
  record: string,
  context: MacroContext,
  findValidatedNames: () => Promise<string[]>,
): Promise<string> {
  const needsValidatedDomain = /%\{p/i.test(record);
  const names = needsValidatedDomain ? await findValidatedNames() : [];
  const validatedDomain = pickValidatedDomain(names, context.domain);

  return record.replace(MACRO_TOKEN, (source) => {
    const [token] = readTokens(source);
    if (token?.kind !== 'macro') return source;

    const letter = token.letter.toLowerCase();
    const isUpper = token.letter !== letter;
    if (!isUpper && letter !== 'd' && letter !== 'p') return source;

    const value = expandMacro(token, { ...context, validatedDomain });
    if (!isUpper && !PLAIN_VALUE.test(value)) return source;

    return value.replace(/%/g, '%%');
  });
}

function readTokens(source: string) {
  const parse = parseMacroString(source);

  return 'tokens' in parse ? parse.tokens : [];
}
