// domain-spec = macro-string domain-end; domain-end = ( "." toplabel [ "." ] ) / macro-expand
// (RFC 7208 section 7.1). Checked on the record text, before any expansion: RFC 7208 section 4.6
// says a syntax error anywhere in the record is a permerror.
import { parseMacroString, type MacroToken } from './parse-macro-string.ts';

/** toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum ) */
const TOPLABEL = /^(?:[a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])$/i;

/** Returns a description of the first syntax error, or undefined when the spec is valid. */
export function checkDomainSpec(spec: string): string | undefined {
  if (spec === '') return 'empty domain-spec';

  const parse = parseMacroString(spec);
  if ('problem' in parse) return parse.problem;

  const last = parse.tokens.at(-1) as MacroToken;
  if (last.kind === 'macro' || last.kind === 'escape') return undefined;

  const tail = last.text.endsWith('.') ? last.text.slice(0, -1) : last.text;
  const dot = tail.lastIndexOf('.');
  const toplabel = tail.slice(dot + 1);
  if (dot < 0 || !TOPLABEL.test(toplabel)) return `"${spec}" does not end in a valid top label`;

  return undefined;
}

export function isTopLabel(label: string): boolean {
  return TOPLABEL.test(label);
}
