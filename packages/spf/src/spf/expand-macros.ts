// Expands SPF macros as RFC 7208 sections 7.2 and 7.3 define them. The engine has its own
// expansion; ours serves where it differs from the RFC: %{d} inside included records (the
// current domain, not the sender's), %{p} (the validated client name, not the sender domain),
// upper-case letters (URL-escaped), and the exp= text with %{c}, %{r} and %{t}.
import net from 'node:net';
import { toCanonicalIp, toNibbles } from './ip-address.ts';
import { parseMacroString, type MacroExpand, type MacroToken } from './parse-macro-string.ts';

export interface MacroContext {
  /** <sender>: the MAIL FROM mailbox, or postmaster@<HELO> for the null sender. */
  sender: string;
  /** <domain>: the domain whose record is being evaluated. */
  domain: string;
  /** <ip>, already unmapped from IPv4-mapped IPv6. */
  ip: string;
  helo: string;
  receiver: string;
  /** %{p}: a validated name of the client (RFC 7208 section 5.5), or "unknown". */
  validatedDomain?: string;
}

const UNRESERVED_EXTRA = /[!'()*]/g;

export function expandMacroString(
  text: string,
  context: MacroContext,
  isExplanation = false,
): string | undefined {
  const parse = parseMacroString(text, isExplanation);
  if ('problem' in parse) return undefined;

  return parse.tokens.map((token) => expandToken(token, context)).join('');
}

export function expandToken(token: MacroToken, context: MacroContext): string {
  if (token.kind !== 'macro') return token.text;

  return expandMacro(token, context);
}

export function expandMacro(macro: MacroExpand, context: MacroContext): string {
  const value = letterValue(macro.letter.toLowerCase(), context);
  const delimiters = macro.delimiters === '' ? '.' : macro.delimiters;
  const parts = value.split(new RegExp(`[${escapeForClass(delimiters)}]`));

  if (macro.isReversed) parts.reverse();
  const kept = macro.digits === undefined ? parts : parts.slice(-macro.digits);
  const expanded = kept.join('.');

  // RFC 7208 section 7.3: upper-case letters are URL-escaped outside RFC 3986's unreserved set.
  const isUpper = macro.letter !== macro.letter.toLowerCase();

  return isUpper ? urlEscape(expanded) : expanded;
}

function letterValue(letter: string, context: MacroContext): string {
  const at = context.sender.lastIndexOf('@');

  switch (letter) {
    case 's':
      return context.sender;
    case 'l':
      return context.sender.slice(0, at);
    case 'o':
      return context.sender.slice(at + 1);
    case 'd':
      return context.domain;
    case 'i':
      return net.isIPv6(context.ip) ? toNibbles(context.ip).join('.') : context.ip;
    case 'p':
      return context.validatedDomain ?? 'unknown';
    case 'v':
      return net.isIPv6(context.ip) ? 'ip6' : 'in-addr';
    case 'h':
      return context.helo;
    case 'c':
      return toCanonicalIp(context.ip);
    case 'r':
      return context.receiver;
    default:
      return String(Math.floor(Date.now() / 1000));
  }
}

function urlEscape(text: string): string {
  return encodeURIComponent(text).replace(
    UNRESERVED_EXTRA,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function escapeForClass(characters: string): string {
  return characters.replace(/[\\\]\-^]/g, '\\$&');
}
