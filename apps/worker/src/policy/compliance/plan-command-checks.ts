// The command-line checks in the order they run (the first blocking finding wins), and
// the ones a profile runs: those whose violation it alarms on or blocks.
import type { TSecurityProfileSettings, TViolation } from '@portcullis/contracts';
import { checkMethod, type TViolationFound } from '@portcullis/policy';
import type { TProfilePolicy } from '../../protection/profile-policy.ts';
import { checkCommandSyntax } from './check-command-syntax.ts';
import type { TCommandFacts } from './command-facts.ts';
import { findOutOfSequence } from './find-out-of-sequence.ts';
import { findPipelining } from './find-pipelining.ts';
import { listKnownVerbs } from './is-known-command.ts';

/** What the command checks look up, resolved once per virtual server and profile. */
export interface TCommandCheckContext {
  settings: TSecurityProfileSettings;
  knownVerbs: ReadonlySet<string>;
  disallowedVerbs: ReadonlySet<string>;
  allowedVerbs: ReadonlySet<string>;
}

export type TCommandCheck = (
  facts: TCommandFacts,
  context: TCommandCheckContext,
) => TViolationFound | null;

const COMMAND_CHECKS: Array<[TViolation, TCommandCheck]> = [
  ['rfc_unauthorized_pipelining', findPipelining],
  ['rfc_line_length', findLongLine],
  ['rfc_bare_line_ending', findBareLineEnding],
  ['disallowed_method', findDisallowedMethod],
  ['rfc_unknown_command', findUnknownCommand],
  ['rfc_sequence', findOutOfSequence],
  ['rfc_syntax', checkCommandSyntax],
];

export function planCommandChecks(profile: TProfilePolicy): TCommandCheck[] {
  return COMMAND_CHECKS.filter(([violation]) => profile.decisions[violation] !== 'skip').map(
    ([, check]) => check,
  );
}

export function buildCommandCheckContext(
  profile: TProfilePolicy,
  isStartTlsOffered: boolean,
): TCommandCheckContext {
  const { methods } = profile.settings;
  const upper = (names: string[]) => new Set(names.map((name) => name.toUpperCase()));

  return {
    settings: profile.settings,
    knownVerbs: listKnownVerbs(methods, isStartTlsOffered),
    disallowedVerbs: upper(methods.disallowed),
    allowedVerbs: upper(methods.allowed),
  };
}

// The lists are looked up here; @portcullis/policy words the finding.
function findDisallowedMethod(facts: TCommandFacts, context: TCommandCheckContext) {
  const isListed = context.disallowedVerbs.has(facts.verb);
  const isOffList = context.allowedVerbs.size > 0 && !context.allowedVerbs.has(facts.verb);
  if (!isListed && !isOffList) return null;

  return checkMethod(facts.verb, context.settings.methods);
}

// RFC 5321 4.5.3.1.4: 512 octets a command line, CRLF included, unless the profile says.
function findLongLine(facts: TCommandFacts, context: TCommandCheckContext): TViolationFound | null {
  const limit = context.settings.compliance.maxCommandLineOctets;
  if (facts.octets <= limit) return null;

  const detail = `command line of ${facts.octets} octets, limit ${limit}`;

  return { violation: 'rfc_line_length', detail };
}

// RFC 5321 2.3.8: only CRLF ends a line; a CR or LF alone is neither a line end nor text.
function findBareLineEnding(facts: TCommandFacts): TViolationFound | null {
  if (facts.isBareLf) return bareLineEnding('command line ended by a bare LF');

  return facts.text.includes('\r') ? bareLineEnding('bare CR inside a command line') : null;
}

function bareLineEnding(detail: string): TViolationFound {
  return { violation: 'rfc_bare_line_ending', detail };
}

function findUnknownCommand(facts: TCommandFacts, context: TCommandCheckContext) {
  if (context.knownVerbs.has(facts.verb)) return null;

  const detail = `${facts.verb || '(empty line)'} is not a command here`;

  return { violation: 'rfc_unknown_command' as const, detail };
}
