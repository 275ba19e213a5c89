// Tokenizes an SPF macro-string (RFC 7208 section 7.1) into literals and macro-expands, so that
// the record check and our own expansion read the same grammar.

export interface MacroExpand {
  kind: 'macro';
  /** The macro as written, e.g. `%{ir.}`. */
  source: string;
  /** As written: an upper-case letter asks for URL escaping (RFC 7208 section 7.3). */
  letter: string;
  digits?: number;
  isReversed: boolean;
  delimiters: string;
}

export type MacroToken =
  | { kind: 'literal'; text: string }
  /** `%%`, `%_` and `%-`: a percent sign, a space, an URL-encoded space. */
  | { kind: 'escape'; text: string }
  | MacroExpand;

export type MacroParse = { tokens: MacroToken[] } | { problem: string };

const MACRO_PATTERN = /^%\{([a-zA-Z])(\d*)([rR]?)([.\-+,/_=]*)\}/;
const ESCAPES: Record<string, string> = { '%%': '%', '%_': ' ', '%-': '%20' };
const MACRO_LETTERS = 'slodiphcrtv';

/** RFC 7208 section 7.3: these letters are allowed only in the explanation text. */
export const EXPLANATION_ONLY_LETTERS = 'crt';

/**
 * macro-literal is %x21-24 / %x26-7E; an explain-string also allows SP between macro-strings.
 */
export function parseMacroString(text: string, isExplanation = false): MacroParse {
  const tokens: MacroToken[] = [];
  let rest = text;

  while (rest.length > 0) {
    const escape = ESCAPES[rest.slice(0, 2)];
    if (escape !== undefined) {
      tokens.push({ kind: 'escape', text: escape });
      rest = rest.slice(2);
      continue;
    }

    if (rest.startsWith('%')) {
      const macro = readMacro(rest, isExplanation);
      if ('problem' in macro) return macro;

      tokens.push(macro.token);
      rest = rest.slice(macro.token.source.length);
      continue;
    }

    const code = rest.charCodeAt(0);
    const isLiteral = (code >= 0x21 && code <= 0x7e) || (isExplanation && code === 0x20);
    if (!isLiteral) return { problem: `invalid character 0x${code.toString(16)} in "${text}"` };

    tokens.push({ kind: 'literal', text: rest.charAt(0) });
    rest = rest.slice(1);
  }

  return { tokens: mergeLiterals(tokens) };
}

function readMacro(
  rest: string,
  isExplanation: boolean,
): { token: MacroExpand } | { problem: string } {
  const match = MACRO_PATTERN.exec(rest);
  if (!match) return { problem: `invalid macro at "${rest.slice(0, 12)}"` };

  const [source, letter = '', digitText = '', reverse = '', delimiters = ''] = match;
  const lower = letter.toLowerCase();
  if (!MACRO_LETTERS.includes(lower)) return { problem: `unknown macro letter "${letter}"` };
  if (!isExplanation && EXPLANATION_ONLY_LETTERS.includes(lower)) {
    return { problem: `macro letter "${letter}" is allowed only in exp text` };
  }

  // RFC 7208 section 7.3: "If a DIGIT is specified, the value MUST be nonzero."
  const digits = digitText === '' ? undefined : Number(digitText);
  if (digits === 0) return { problem: `zero digit transformer in "${source}"` };

  return {
    token: { kind: 'macro', source, letter, digits, isReversed: reverse !== '', delimiters },
  };
}

function mergeLiterals(tokens: MacroToken[]): MacroToken[] {
  const merged: MacroToken[] = [];

  for (const token of tokens) {
    const previous = merged.at(-1);
    if (token.kind === 'literal' && previous?.kind === 'literal') previous.text += token.text;
    else merged.push({ ...token });
  }

  return merged;
}
