// check_host() (RFC 7208 section 4) on mailauth's engine. The engine evaluates one record with
// its includes; we walk the redirect chain (section 6.1) ourselves so that we know which
// record's exp= explains a "fail" (section 6.2).
import {
  spfVerify,
  type SpfEngineError,
  type SpfVerifyOptions,
  type SpfVerifyOutcome,
} from 'mailauth/lib/spf/spf-verify.js';
import type { DnsResolver } from '../dns/create-dns-resolver.ts';
import { createSpfLookup, type FetchedRecord } from './create-spf-lookup.ts';
import { expandMacroString, type MacroContext } from './expand-macros.ts';
import { findValidatedNames, pickValidatedDomain } from './find-validated-names.ts';
import { findModifier, hasAllMechanism } from './find-modifier.ts';
import { getExplanation } from './get-explanation.ts';
import { readSpfResult } from './spf-abort.ts';
import type { SpfResultCode } from './spf-result.ts';

export interface CheckHostRequest {
  resolver: DnsResolver;
  domain: string;
  context: Omit<MacroContext, 'domain' | 'validatedDomain'>;
}

export interface CheckHostVerdict {
  result: SpfResultCode;
  mechanism?: string;
  problem?: string;
  explanation?: string;
}

const RESULT_BY_QUALIFIER: Record<string, SpfResultCode> = {
  '+': 'pass',
  '-': 'fail',
  '~': 'softfail',
  '?': 'neutral',
};

export async function evaluateCheckHost(request: CheckHostRequest): Promise<CheckHostVerdict> {
  const { resolver, context } = request;
  const findNames = once(() => findValidatedNames(resolver, context.ip));
  const lookup = createSpfLookup({ resolver, context, findValidatedNames: findNames });
  const options: SpfVerifyOptions = {
    sender: context.sender,
    ip: context.ip,
    helo: context.helo,
    mta: context.receiver,
    resolver: lookup.resolve,
    createSubResolver: lookup.createSubResolver,
  };

  for (let target = request.domain, isRedirect = false; ; isRedirect = true) {
    lookup.expectChainHead();
    const outcome = await runEngine(target, options);

    if (outcome === false) return { result: 'temperror', problem: 'the engine refused the input' };
    if ('error' in outcome) return fromEngineError(outcome, isRedirect);

    const head = lookup.getChainHead();
    if (outcome.type) {
      const result = RESULT_BY_QUALIFIER[outcome.qualifier] ?? 'neutral';
      const mechanism = outcome.val ? `${outcome.type}:${outcome.val}` : outcome.type;
      const explanation =
        result === 'fail' && head
          ? await getExplanation({ resolver, record: head, context, findValidatedNames: findNames })
          : undefined;

      return { result, mechanism, explanation };
    }

    // Section 4.7: nothing matched and there is no redirect to follow.
    const redirect = head && !hasAllMechanism(head.record) && findModifier(head.record, 'redirect');
    if (!head || !redirect) return { result: 'neutral', mechanism: 'default' };

    target = await expandRedirect(redirect, head, context, findNames);
  }
}

/** Section 6.1: the target is the redirect's domain-spec expanded with <domain> = the head's. */
async function expandRedirect(
  spec: string,
  head: FetchedRecord,
  context: CheckHostRequest['context'],
  findNames: () => Promise<string[]>,
): Promise<string> {
  const names = /%\{p/i.test(spec) ? await findNames() : [];
  const validatedDomain = pickValidatedDomain(names, head.domain);
  const expanded = expandMacroString(spec, { ...context, domain: head.domain, validatedDomain });

  // The engine strips a trailing dot from its own targets; an empty name reads as no record.
  return (expanded ?? '').replace(/\.$/, '');
}

async function runEngine(domain: string, options: SpfVerifyOptions): Promise<SpfVerifyOutcome> {
  try {
    return await spfVerify(domain, options);
  } catch (error) {
    const result = readSpfResult(error);
    const text = result?.text ?? (error as Error).message;

    // Anything the engine did not classify is not the sender's fault: report it as temporary.
    return { error: result?.error ?? 'temperror', text };
  }
}

/** Section 6.1: a redirect to a domain without an SPF record is a permerror, not "none". */
function fromEngineError(outcome: SpfEngineError, isRedirect: boolean): CheckHostVerdict {
  const result = outcome.error === 'none' && isRedirect ? 'permerror' : outcome.error;

  return { result, problem: outcome.text };
}

function once<T>(produce: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;

  return () => {
    promise ??= produce();

    return promise;
  };
}
