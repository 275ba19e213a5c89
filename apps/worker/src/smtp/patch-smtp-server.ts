/**
 * Deliberate changes to smtp-server, all installed here.
 *
 * 1. Greeting delay. SMTPConnection.init waits a fixed 100 ms before the 220 to
 *    catch clients that talk first, with no option to change it. With bounded
 *    concurrency that caps the gateway at sessions / 0.1 s (FACTS.md: 194 msg/s
 *    stock, 1,615 without the pause). The pause is policy, so it becomes a
 *    per-virtual-server setting: the server option `greetingDelayMs` (the security
 *    profile's compliance.greetingDelayMs, 0 when Protocol Security is off). A
 *    server without the option keeps the library's 100 ms.
 *
 * 2. Mirrored replies. The relay passes a member's reply text on verbatim, with the
 *    member's enhanced status code (RFC 3463) already in it, so send() must not add
 *    its own in front; and a member's multi-line reply (lines joined with "\n")
 *    goes out as a multi-line reply instead of being flattened.
 *
 * 3. Faster DATA scanning. SMTPStream._feedDataStream tests every message byte in
 *    a JavaScript loop; fast-feed-data-stream.ts does the same with indexOf.
 *
 * 4. Inspection. A server with the option `inspectConnection` (Protocol Security on)
 *    gets an inspector per connection that sees the raw bytes before the parser, every
 *    command line before it runs, every reply, and the greeting (see
 *    inspection/connection-inspector.ts). Servers without it run the library's code.
 *
 * 5. SIZE= left to the policy. With the option `isSizeJudgedByPolicy` a SIZE= over the
 *    server's limit is no longer refused by the library before onMailFrom: the security
 *    profile judges it there, with a Support ID, or only alarms on it.
 *
 * All replace methods on prototypes, so they rely on smtp-server internals
 * (checked against 3.21.6). assertPatchable() fails fast if they moved.
 */
import { SMTPConnection } from 'smtp-server/lib/smtp-connection.js';
import { SMTPStream } from 'smtp-server/lib/smtp-stream.js';
import { WorkerError } from '../errors/worker-error.ts';
import { fastFeedDataStream } from './fast-feed-data-stream.ts';
import type { ConnectionInspector } from './inspection/connection-inspector.ts';
import type {
  TInspectedConnection,
  TInspectedParser,
  TSendReply,
} from './inspection/connection-internals.ts';

// The library's own pause when a server sets no greetingDelayMs.
const LIBRARY_GREETING_DELAY_MS = 100;
const ENHANCED_CODE = /^[245]\.\d{1,3}\.\d{1,3}(?: |$)/;
const SIZE_VALUE = /^\d{1,20}$/;

export type TInspectConnection = (connection: TInspectedConnection) => ConnectionInspector;

interface TPatchOptions {
  maxClients?: number;
  greetingDelayMs?: number;
  inspectConnection?: TInspectConnection;
  isSizeJudgedByPolicy?: boolean;
}

interface TParsedAddress {
  address: string;
  args: Record<string, string | boolean> | false;
}

interface TConnectionInternals extends TInspectedConnection {
  _server: { options: TPatchOptions; connections: Set<unknown> };
  _parser: TInspectedParser | false;
  _inspector?: ConnectionInspector;
  _setListeners(callback: () => void): void;
  _createParser(): TInspectedParser;
  _sendGreeting(): void;
  _validateMailParams(parsed: TParsedAddress): unknown;
  _getEnhancedStatusCode(code: number, context: string | false | undefined): string;
  connectionReady(): void;
  name: string;
}

let isPatched = false;

export function patchSmtpServer(): void {
  if (isPatched) return;

  const proto = SMTPConnection.prototype as unknown as TConnectionInternals & { init(): void };
  assertPatchable(proto, [
    'init', '_setListeners', 'connectionReady', 'send', '_createParser', '_sendGreeting',
    '_validateMailParams', '_whenWritable', '_getEnhancedStatusCode',
  ]);
  assertPatchable(SMTPStream.prototype, ['_feedDataStream', '_countDataBytes', '_endDataMode']);
  const originalSend = proto.send;
  const originalCreateParser = proto._createParser;
  const originalSendGreeting = proto._sendGreeting;
  const originalValidateMailParams = proto._validateMailParams;

  // Same steps as the library's init, with the configured pause and the inspector.
  proto.init = function init(this: TConnectionInternals) {
    const { inspectConnection } = this._server.options;
    if (inspectConnection && this._parser) {
      this._inspector = inspectConnection(this);
      this._inspector.attach(this._parser);
    }

    this._setListeners(() => {
      const { maxClients, greetingDelayMs } = this._server.options;
      if (maxClients && this._server.connections.size > maxClients) {
        const text = `${this.name} Too many connected clients, try again in a moment`;
        return this.send(421, text, false);
      }

      // Without a pause, what the inspector has read before the greeting goes out (while
      // the connect checks wait for Redis, say) still counts as talking first.
      const delayMs = greetingDelayMs ?? LIBRARY_GREETING_DELAY_MS;
      if (delayMs > 0) return void setTimeout(() => this.connectionReady(), delayMs).unref();

      this.connectionReady();
    });
  };

  proto.send = function send(this: TConnectionInternals, code, data, context) {
    const lines = typeof data === 'string' && data.includes('\n') ? data.split('\n') : data;
    const first = Array.isArray(lines) ? lines[0] : lines;
    const hasOwnCode = typeof first === 'string' && ENHANCED_CODE.test(first);

    const ownContext = hasOwnCode ? false : context;
    // The inspector's transcript shows the line as sent, with the library's enhanced code.
    const inspector = this._inspector;
    if (inspector) inspector.onReply(code, lines, this._getEnhancedStatusCode(code, ownContext));
    originalSend.call(this, code, lines, ownContext);
  } as TSendReply;

  proto._createParser = function createParser(this: TConnectionInternals) {
    const parser = originalCreateParser.call(this);
    // Only after STARTTLS: the first parser is made before the inspector (see init).
    this._inspector?.attach(parser);

    return parser;
  };

  proto._sendGreeting = function sendGreeting(this: TConnectionInternals) {
    if (!this._inspector) return originalSendGreeting.call(this);

    this._inspector.greet(() => originalSendGreeting.call(this));
  };

  proto._validateMailParams = function validateMailParams(this: TConnectionInternals, parsed) {
    const args = parsed.args;
    const size = args ? args.SIZE : undefined;
    const isWellFormed = typeof size === 'string' && SIZE_VALUE.test(size);
    if (!this._server.options.isSizeJudgedByPolicy || !isWellFormed) {
      return originalValidateMailParams.call(this, parsed);
    }

    // The syntax is still the library's to check; the limit is the policy's.
    const { SIZE: _judgedLater, ...rest } = args as Record<string, string | boolean>;

    return originalValidateMailParams.call(this, { ...parsed, args: rest });
  };

  SMTPStream.prototype._feedDataStream = fastFeedDataStream;
  isPatched = true;
}

function assertPatchable(proto: object, methods: string[]): void {
  const members = proto as Record<string, unknown>;
  const missing = methods.filter((name) => typeof members[name] !== 'function');
  if (missing.length === 0) return;

  const message = `smtp-server lacks ${missing.join(', ')}; see patch-smtp-server.ts`;
  throw new WorkerError('SMTP_LIBRARY_CHANGED', message);
}
