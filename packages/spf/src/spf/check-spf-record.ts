// Checks a whole SPF record against the collected ABNF of RFC 7208 section 12 before anything
// in it is evaluated: RFC 7208 section 4.6 makes a syntax error anywhere a permerror, and
// section 6 allows "redirect" and "exp" at most once each. The engine only finds some of these
// errors, and only when evaluation reaches the broken term.
import net from 'node:net';
import { checkDomainSpec } from './check-domain-spec.ts';
import { parseMacroString } from './parse-macro-string.ts';

const VERSION = /^v=spf1(?: |$)/i;
const MODIFIER = /^([a-z][a-z0-9\-_.]*)=(.*)$/is;
const DIRECTIVE = /^([+\-?~]?)([a-z0-9]+)(.*)$/is;

/** ip4-cidr-length and ip6-cidr-length forbid leading zeros; the ranges are checked below. */
const DUAL_CIDR = /(?:\/(0|[1-9]\d?))?(?:\/\/(0|[1-9]\d{0,2}))?$/;
/** qnum: a decimal octet without leading zeros. */
const QNUM = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IP4_NETWORK = new RegExp(`^(${QNUM}(?:\\.${QNUM}){3})(?:/(0|[1-9]\\d?))?$`);
const IP6_NETWORK = /^([0-9a-f:.]+)(?:\/(0|[1-9]\d{0,2}))?$/i;

/** Returns a description of the first syntax error, or undefined when the record is valid. */
export function checkSpfRecord(record: string): string | undefined {
  if (!VERSION.test(record)) return 'record does not start with "v=spf1"';

  const terms = record.split(' ').slice(1).filter((term) => term !== '');
  const seen = new Map<string, number>();

  for (const term of terms) {
    const modifier = MODIFIER.exec(term);
    const problem = modifier
      ? checkModifier((modifier[1] ?? '').toLowerCase(), modifier[2] ?? '', seen)
      : checkDirective(term);
    if (problem) return problem;
  }

  return undefined;
}

function checkModifier(name: string, value: string, seen: Map<string, number>) {
  const count = (seen.get(name) ?? 0) + 1;
  seen.set(name, count);

  if (name === 'redirect' || name === 'exp') {
    if (count > 1) return `"${name}" appears more than once`;

    return checkDomainSpec(value);
  }

  // Unknown modifiers are ignored (section 6), never expanded into a name, so the letters
  // reserved for explanations do no harm there; a term holds no space either way.
  const parse = parseMacroString(value, true);

  return 'problem' in parse ? parse.problem : undefined;
}

function checkDirective(term: string): string | undefined {
  const directive = DIRECTIVE.exec(term);
  if (!directive) return `invalid term "${term}"`;

  const mechanism = (directive[2] ?? '').toLowerCase();
  const argument = directive[3] ?? '';

  switch (mechanism) {
    case 'all':
      return argument === '' ? undefined : `invalid term "${term}"`;
    case 'include':
    case 'exists':
      return checkTarget(term, argument);
    case 'ptr':
      return argument === '' ? undefined : checkTarget(term, argument);
    case 'a':
    case 'mx':
      return checkHostMechanism(term, argument);
    case 'ip4':
      return checkIpNetwork(term, argument, 4);
    case 'ip6':
      return checkIpNetwork(term, argument, 6);
    default:
      return `unknown mechanism "${mechanism}"`;
  }
}

/** a / mx = name [ ":" domain-spec ] [ dual-cidr-length ] */
function checkHostMechanism(term: string, argument: string): string | undefined {
  const cidr = DUAL_CIDR.exec(argument);
  const cidrText = cidr?.[0] ?? '';
  const target = argument.slice(0, argument.length - cidrText.length);

  const problem = checkCidr(term, cidr?.[1], 32) ?? checkCidr(term, cidr?.[2], 128);
  if (problem) return problem;
  if (target === '') return undefined;

  return checkTarget(term, target);
}

/** ":" domain-spec */
function checkTarget(term: string, argument: string): string | undefined {
  if (!argument.startsWith(':')) return `invalid term "${term}"`;

  return checkDomainSpec(argument.slice(1));
}

/** ip4 = "ip4" ":" ip4-network [ ip4-cidr-length ], and the same for ip6. */
function checkIpNetwork(term: string, argument: string, family: 4 | 6): string | undefined {
  const network = (family === 4 ? IP4_NETWORK : IP6_NETWORK).exec(argument.slice(1));
  const isValid = argument.startsWith(':') && network && net.isIP(network[1] ?? '') === family;
  if (!isValid) return `invalid ip${family} network in "${term}"`;

  return checkCidr(term, network[2], family === 4 ? 32 : 128);
}

function checkCidr(term: string, length: string | undefined, max: number): string | undefined {
  if (length === undefined) return undefined;

  return Number(length) <= max ? undefined : `CIDR length out of range in "${term}"`;
}
