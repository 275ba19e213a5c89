// Protocol compliance on the raw bytes a client sends, before smtp-server parses them:
// the greeting (talking first), every command line (length, line ending, pipelining,
// method, syntax, order), and what follows DATA before its 354. One per connection of a
// protected virtual server; it sits on smtp-server's parser (a new one after STARTTLS).
// The message itself is inspected on its way to the member (create-message-inspector.ts).
// The hot path allocates little: one object per connection and per parser, none per chunk.
import { readVerb, type TCommandFacts } from '../../policy/compliance/command-facts.ts';
import { refusalError } from '../../policy/reply-table.ts';
import type { TPolicyReply } from '../../policy/verdicts.ts';
import { enforceFinding } from '../../protection/enforce-finding.ts';
import { isOn } from '../../protection/profile-policy.ts';
import type { TSessionPolicy } from '../../protection/session-policy.ts';
import type { TInspectedConnection, TInspectedParser } from './connection-internals.ts';
import { inspectCommand } from './inspect-command.ts';
import { createCommandScan, scanCommandBytes, type TCommandScan } from './scan-command-bytes.ts';

// What an early talker may have sent before the greeting that is still kept for later.
const MAX_HELD_OCTETS = 16 * 1024;
// Protocol refusals in one session before it is closed (Postfix's hard error limit).
const MAX_PROTOCOL_REFUSALS = 20;
// Commands after which a new transaction begins, as far as the order checks go.
const TRANSACTION_ENDS = new Set(['DATA', 'RSET', 'HELO', 'EHLO', 'STARTTLS']);

type TCallback = (() => void) | undefined;

/** One parser's input as the inspector follows it. */
class Attachment {
  readonly parser: TInspectedParser;
  readonly scan: TCommandScan = createCommandScan();
  // Chunks written to the parser and not yet handed to its _write, with the replies sent
  // by the time each arrived (two arrays in step: no object per chunk).
  readonly arrivals: Buffer[] = [];
  readonly arrivalReplies: number[] = [];
  // Arrival of the chunk the parser is working on.
  current: number;
  isContentChecked = false;
  private readonly write: TInspectedParser['write'];

  constructor(parser: TInspectedParser, repliesSent: number) {
    this.parser = parser;
    this.write = parser.write;
    this.current = repliesSent;
  }

  /** Hands a chunk to the parser, noting when it arrived. */
  deliver(chunk: Buffer, repliesAtArrival: number, rest: unknown[]): boolean {
    this.arrivals.push(chunk);
    this.arrivalReplies.push(repliesAtArrival);

    return this.write.call(this.parser, chunk, ...rest);
  }
}

export class ConnectionInspector {
  private readonly connection: TInspectedConnection;
  private readonly policy: TSessionPolicy;
  private readonly facts: TCommandFacts = {
    text: '',
    verb: '',
    octets: 0,
    isBareLf: false,
    isPipelined: false,
    previousVerb: null,
    isPipeliningOffered: false,
    hasGreeted: false,
    hasTriedMail: false,
    hasTriedRcpt: false,
  };
  private attachment: Attachment | null = null;
  private isGreeted = false;
  private held: Buffer[] = [];
  private heldOctets = 0;
  private repliesSent = 0;
  // After a 554 in place of the greeting: every command but QUIT gets 503 (RFC 5321 3.1).
  private isRefusingAll = false;
  private previousVerb: string | null = null;
  private hasTriedMail = false;
  private hasTriedRcpt = false;

  constructor(connection: TInspectedConnection, policy: TSessionPolicy) {
    this.connection = connection;
    this.policy = policy;
  }

  /** Takes over a parser's input; after STARTTLS the new one replaces the old. */
  attach(parser: TInspectedParser): void {
    const retired = this.attachment;
    if (retired) this.reportDiscarded(retired);

    const attachment = new Attachment(parser, this.repliesSent);
    const internalWrite = parser._write;
    const oncommand = parser.oncommand;
    this.attachment = attachment;

    parser.write = (chunk: Buffer, ...rest: unknown[]) => {
      if (this.isGreeted) return attachment.deliver(chunk, this.repliesSent, rest);

      // Held until the greeting is out; read then, as if sent after it.
      this.heldOctets += chunk.length;
      if (this.heldOctets <= MAX_HELD_OCTETS) this.held.push(chunk);

      return true;
    };
    parser._write = (chunk, encoding, callback) => {
      this.onParserInput(attachment, chunk);
      internalWrite.call(parser, chunk, encoding, callback);
    };
    parser.oncommand = (line, callback) => {
      this.onCommand(attachment, line, callback, oncommand);
    };
  }

  /** Every reply smtp-server sends passes here (patched send). */
  onReply(code: number, data: unknown, enhancedCode: string): void {
    this.repliesSent += 1;
    const first = Array.isArray(data) ? data[0] : data;
    const text = typeof first === 'string' ? first : '';
    const head = enhancedCode ? `${code} ${enhancedCode}` : String(code);
    this.policy.transcript.add('S', text ? `${head} ${text}` : head);
  }

  /** In place of smtp-server's greeting: an early talker may get 554 instead. */
  greet(sendGreeting: () => void): void {
    const reply = this.held.length > 0 ? this.judgeEarlyTalk() : null;
    if (reply) {
      this.connection.send(reply.code, reply.text, false);
      this.isRefusingAll = true;
    } else {
      sendGreeting();
    }

    this.isGreeted = true;
    const held = this.held;
    this.held = [];
    // Whatever came early is read now, as if it had come after the greeting.
    for (const chunk of held) this.attachment?.deliver(chunk, 0, []);
  }

  private judgeEarlyTalk(): TPolicyReply | null {
    if (!isOn(this.policy.profile, 'rfc_early_talker')) return null;

    const first = Buffer.concat(this.held).toString('latin1').split(/\r?\n/, 1)[0] ?? '';
    const detail = `${this.heldOctets} octets sent before the greeting`;
    const finding = { violation: 'rfc_early_talker' as const, detail };

    return enforceFinding(this.policy, finding, { command: first }, { isBeforeHelo: true });
  }

  // _write sees chunks in order, when the parser gets to them, and again the rest of a
  // chunk when the parser switches mode: a chunk it was given is the arrival it recorded.
  private onParserInput(attachment: Attachment, chunk: Buffer): void {
    if (attachment.arrivals[0] === chunk) {
      attachment.arrivals.shift();
      attachment.current = attachment.arrivalReplies.shift() ?? this.repliesSent;
    }

    if (attachment.parser._dataMode) return this.onMessageBytes(attachment, chunk);

    attachment.isContentChecked = false;
    scanCommandBytes(attachment.scan, chunk, attachment.current);
  }

  // What was taken for command lines after DATA is message content: forget those lines.
  // Content that arrived before the 354 was sent was pipelined behind DATA.
  private onMessageBytes(attachment: Attachment, chunk: Buffer): void {
    attachment.scan.lines.length = 0;
    attachment.scan.partial = null;
    this.previousVerb = '<DATA>';
    if (attachment.isContentChecked || chunk.length === 0) return;

    attachment.isContentChecked = true;
    if (attachment.current >= this.repliesSent) return;
    if (!isOn(this.policy.profile, 'rfc_unauthorized_pipelining')) return;

    const detail = 'message content sent before the 354 reply to DATA';
    const finding = { violation: 'rfc_unauthorized_pipelining' as const, detail };
    const reply = enforceFinding(this.policy, finding, { command: '(message data)' });
    // The message is refused once it is drained (see create-message-inspector.ts).
    if (reply) this.policy.transaction.dataRefusal = reply;
  }

  private onCommand(
    attachment: Attachment,
    line: Buffer,
    callback: TCallback,
    oncommand: TInspectedParser['oncommand'],
  ): void {
    const scanned = attachment.scan.lines.shift();
    const text = line.toString('latin1');
    const verb = readVerb(text);
    this.policy.currentCommand = text;
    this.policy.transcript.add('C', text);

    if (this.isRefusingAll && verb !== 'QUIT') {
      // RFC 5321 3.1: after a 554 greeting, 503 to all but QUIT.
      this.connection.send(503, 'Bad sequence of commands, the service was refused', false);
      return this.resume(callback);
    }

    const { commands, commandContext } = this.policy.plan;
    if (!this.isRefusingAll && commands.length > 0) {
      const facts = this.factsOf(text, verb, scanned);
      const reply = inspectCommand(this.policy, facts, commands, commandContext);
      this.track(verb);
      if (reply) return this.refuse(reply, callback);
    } else {
      this.track(verb);
    }

    // RFC 5321 3.5.3 and 7.3: an EXPN the profile lets through gets the harmless 252 and
    // no list is ever expanded (smtp-server has no EXPN; its VRFY answers 252 already).
    if (verb === 'EXPN') {
      this.connection.send(252, '2.1.5 Cannot expand the list, but mail to it will be tried');
      return this.resume(callback);
    }

    oncommand.call(attachment.parser, line, callback);
  }

  private factsOf(
    text: string,
    verb: string,
    scanned: { octets: number; isBareLf: boolean; repliesAtArrival: number } | undefined,
  ): TCommandFacts {
    const { connection, facts } = this;
    const hasGreeted = Boolean(connection.hostNameAppearsAs);

    facts.text = text;
    facts.verb = verb;
    facts.octets = scanned?.octets ?? text.length;
    facts.isBareLf = scanned?.isBareLf ?? false;
    facts.isPipelined = scanned !== undefined && scanned.repliesAtArrival < this.repliesSent;
    facts.previousVerb = this.previousVerb;
    facts.isPipeliningOffered = hasGreeted && connection.openingCommand === 'EHLO';
    facts.hasGreeted = hasGreeted;
    facts.hasTriedMail = this.hasTriedMail;
    facts.hasTriedRcpt = this.hasTriedRcpt;

    return facts;
  }

  // What the next command's checks need to know about this one.
  private track(verb: string): void {
    this.previousVerb = verb;
    if (verb === 'MAIL') {
      this.hasTriedMail = true;
      this.hasTriedRcpt = false;
    } else if (verb === 'RCPT') {
      this.hasTriedRcpt = true;
    } else if (TRANSACTION_ENDS.has(verb)) {
      this.hasTriedMail = false;
      this.hasTriedRcpt = false;
    }
  }

  private refuse(reply: TPolicyReply, callback: TCallback): void {
    this.policy.protocolRefusals += 1;
    if (this.policy.protocolRefusals >= MAX_PROTOCOL_REFUSALS) {
      const error = refusalError('too_many_errors');
      this.connection.send(error.responseCode, error.message);
      return callback?.();
    }

    this.connection.send(reply.code, reply.text);
    if (reply.isClosing) return callback?.();

    this.resume(callback);
  }

  // As smtp-server does for a command it refuses itself: read on once the reply is out.
  private resume(callback: TCallback): void {
    setImmediate(() => this.connection._whenWritable(callback ?? (() => undefined)));
  }

  // RFC 3207 4: commands sent behind STARTTLS are dropped unanswered (CVE-2011-0411);
  // smtp-server's retired parser never runs them. The attempt is recorded.
  private reportDiscarded(retired: Attachment): void {
    const count = retired.scan.lines.length + (retired.scan.partial ? 1 : 0);
    if (count === 0 || !isOn(this.policy.profile, 'rfc_unauthorized_pipelining')) return;

    const detail = `${count} command line(s) sent behind STARTTLS were dropped unanswered`;
    const finding = { violation: 'rfc_unauthorized_pipelining' as const, detail };
    enforceFinding(this.policy, finding, { command: 'STARTTLS' }, { isSilent: true });
  }
}
