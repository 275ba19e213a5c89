// Protocol compliance on the raw bytes a client sends, before smtp-server parses them:
// the greeting (talking first), every command line (length, line ending, pipelining,
// method, syntax, order), and what follows DATA before its 354. One per connection of a
// protected virtual server; it sits on smtp-server's parser (a new one after STARTTLS).
// The message itself is inspected on its way to the member (create-message-inspector.ts).
// The hot path allocates little: one object per connection and per parser, none per chunk.
//
// A command line longer than the parser takes (16 KiB, or the profile's own limit if
// larger) would make smtp-server drop the connection with its own 421 and no record. The
// parser gets only the line's first part instead; the rest is discarded up to its LF, and
// the cut line is refused as rfc_line_length (RFC 5321 4.5.3.1.4: 500 "Line too long"),
// recorded as the profile says, while the session goes on.
import { BLOCK_REPLIES } from '@portcullis/policy';
import { readVerb, type TCommandFacts } from '../../policy/compliance/command-facts.ts';
import { refusalError } from '../../policy/reply-table.ts';
import type { TPolicyReply } from '../../policy/verdicts.ts';
import { enforceFinding, toPolicyReply } from '../../protection/enforce-finding.ts';
import { isOn } from '../../protection/profile-policy.ts';
import type { TSessionPolicy } from '../../protection/session-policy.ts';
import type { TInspectedConnection, TInspectedParser } from './connection-internals.ts';
import { hideCredentials } from './hide-credentials.ts';
import { inspectCommand } from './inspect-command.ts';
import { readableLine } from './readable-line.ts';
import { createCommandScan, scanCommandBytes, type TCommandScan } from './scan-command-bytes.ts';

// What an early talker may send before the greeting before its socket is paused; what it
// sent is all kept and read after the greeting.
const MAX_HELD_OCTETS = 16 * 1024;
// Protocol refusals in one session before it is closed (Postfix's hard error limit).
const MAX_PROTOCOL_REFUSALS = 20;
// Commands after which a new transaction begins, as far as the order checks go.
const TRANSACTION_ENDS = new Set(['DATA', 'RSET', 'HELO', 'EHLO', 'STARTTLS']);
// smtp-server's SMTPStream default, should a parser not say its own.
const PARSER_MAX_COMMAND_LENGTH = 16 * 1024;
const LF = 0x0a;
// Ends a cut line for the parser.
const CRLF = Buffer.from('\r\n');
// A line past the parser's limit when the profile does not block rfc_line_length: the
// gateway cannot run it either way (RFC 5321 4.5.3.1.4 and RFC 3463 5.5.2).
const GATEWAY_LINE_TOO_LONG = toPolicyReply(BLOCK_REPLIES.rfc_line_length, null, true);

type TWrite = TInspectedParser['_write'];

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
  // The longest command line the parser takes, without its line ending.
  readonly maxLineOctets: number;
  // Discarding the rest of a line cut at maxLineOctets, up to its LF.
  isSkippingLine = false;
  // The next command the parser runs is a cut line.
  isCutLine = false;
  private readonly write: TInspectedParser['write'];

  constructor(parser: TInspectedParser, repliesSent: number) {
    this.parser = parser;
    this.write = parser.write;
    this.current = repliesSent;
    this.maxLineOctets = parser._maxCommandLength ?? PARSER_MAX_COMMAND_LENGTH;
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
  // The socket is paused until the greeting: the client sent more than is held unread.
  private isHoldingBack = false;
  // The last command was AUTH or an answer to it (see hide-credentials.ts).
  private isInAuth = false;
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

      // Held until the greeting is out; read then, as if sent after it. Past the bound,
      // false pauses the socket (pipe() waits for 'drain'): nothing is ever dropped.
      this.heldOctets += chunk.length;
      this.held.push(chunk);
      this.isHoldingBack = this.heldOctets > MAX_HELD_OCTETS;

      return !this.isHoldingBack;
    };
    parser._write = (chunk, encoding, callback) => {
      this.onParserInput(attachment, chunk, encoding, callback, internalWrite);
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
    if (this.isHoldingBack) {
      this.isHoldingBack = false;
      this.attachment?.parser.emit('drain');
    }
  }

  private judgeEarlyTalk(): TPolicyReply | null {
    if (!isOn(this.policy.profile, 'rfc_early_talker')) return null;

    const held = Buffer.concat(this.held);
    const lineEnd = held.indexOf(0x0a);
    const firstLine = held.subarray(0, lineEnd < 0 ? held.length : lineEnd);
    const first = readableLine(firstLine).replace(/\r$/, '');
    const detail = `${this.heldOctets} octets sent before the greeting`;
    const finding = { violation: 'rfc_early_talker' as const, detail };

    return enforceFinding(this.policy, finding, { command: first }, { isBeforeHelo: true });
  }

  // _write sees chunks in order, when the parser gets to them, and again the rest of a
  // chunk when the parser switches mode: a chunk it was given is the arrival it recorded.
  private onParserInput(
    attachment: Attachment,
    chunk: Buffer,
    encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
    internalWrite: TWrite,
  ): void {
    if (attachment.arrivals[0] === chunk) {
      attachment.arrivals.shift();
      attachment.current = attachment.arrivalReplies.shift() ?? this.repliesSent;
    }

    const { parser } = attachment;
    if (parser._dataMode) {
      this.onMessageBytes(attachment, chunk);
      return internalWrite.call(parser, chunk, encoding, callback);
    }

    attachment.isContentChecked = false;
    if (attachment.isSkippingLine) {
      return this.skipCutLine(attachment, chunk, encoding, callback, internalWrite);
    }

    const { scan, current, maxLineOctets } = attachment;
    const cut = scanCommandBytes(scan, chunk, current, maxLineOctets);
    if (cut === -1) return internalWrite.call(parser, chunk, encoding, callback);

    // The parser takes the line's first part; what it makes of the bytes before decides
    // whether the rest is a command line (cut) or message content after all (DATA).
    internalWrite.call(parser, chunk.subarray(0, cut), encoding, (error) => {
      if (error) return callback(error);

      const rest = chunk.subarray(cut);
      if (parser._dataMode) return parser._write(rest, encoding, callback);

      attachment.isSkippingLine = true;
      this.skipCutLine(attachment, rest, encoding, callback, internalWrite);
    });
  }

  // Counts and drops the rest of a cut line; at its LF the parser gets a line ending, runs
  // the part it holds as the cut line, and the bytes after the LF go on as usual.
  private skipCutLine(
    attachment: Attachment,
    chunk: Buffer,
    encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
    internalWrite: TWrite,
  ): void {
    const lf = chunk.indexOf(LF);
    if (lf === -1) {
      scanCommandBytes(attachment.scan, chunk, attachment.current);
      return callback();
    }

    const { parser } = attachment;
    scanCommandBytes(attachment.scan, chunk.subarray(0, lf + 1), attachment.current);
    attachment.isSkippingLine = false;
    attachment.isCutLine = true;
    internalWrite.call(parser, CRLF, encoding, (error) => {
      const rest = chunk.subarray(lf + 1);
      if (error || rest.length === 0) return callback(error);

      parser._write(rest, encoding, callback);
    });
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
    const shown = hideCredentials(readableLine(line, text), verb, this.isInAuth);
    this.isInAuth = shown.isInAuth;
    this.policy.currentCommand = shown.text;
    this.policy.transcript.add('C', shown.text);

    // Input ended in the middle of a cut line: the parser hands over what it holds.
    if (attachment.isSkippingLine) return callback?.();

    if (this.isRefusingAll && verb !== 'QUIT') {
      attachment.isCutLine = false;
      // RFC 5321 3.1: after a 554 greeting, 503 to all but QUIT.
      this.connection.send(503, 'Bad sequence of commands, the service was refused', false);
      return this.resume(callback);
    }

    if (attachment.isCutLine) {
      attachment.isCutLine = false;
      this.track(verb);
      return this.refuse(this.judgeCutLine(attachment, scanned?.octets), callback);
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

  // Always refused: the gateway holds only its first part. Recorded when the profile
  // alarms on or blocks rfc_line_length; the block reply carries the Support ID.
  private judgeCutLine(attachment: Attachment, octets: number | undefined) {
    const limit = this.policy.profile.settings.compliance.maxCommandLineOctets;
    const kept = attachment.maxLineOctets;
    const size = octets === undefined ? `over ${kept} octets` : `of ${octets} octets`;
    const detail = `command line ${size}, limit ${limit}; only its first ${kept} octets were read`;
    const finding = { violation: 'rfc_line_length' as const, detail };

    const subject = { command: this.policy.currentCommand };

    return enforceFinding(this.policy, finding, subject) ?? GATEWAY_LINE_TOO_LONG;
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
