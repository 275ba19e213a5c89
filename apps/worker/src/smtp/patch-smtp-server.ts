/**
 * Three deliberate changes to smtp-server, all installed here.
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
 * All replace methods on prototypes, so they rely on smtp-server internals
 * (checked against 3.21.6). assertPatchable() fails fast if they moved.
 */
import { SMTPConnection } from 'smtp-server/lib/smtp-connection.js';
import { SMTPStream } from 'smtp-server/lib/smtp-stream.js';
import { WorkerError } from '../errors/worker-error.ts';
import { fastFeedDataStream } from './fast-feed-data-stream.ts';

// The library's own pause when a server sets no greetingDelayMs.
const LIBRARY_GREETING_DELAY_MS = 100;
const ENHANCED_CODE = /^[245]\.\d{1,3}\.\d{1,3}(?: |$)/;

type TSend = (code: number, data?: string | string[] | null, context?: string | false) => void;

interface TConnectionInternals {
  _server: {
    options: { maxClients?: number; greetingDelayMs?: number };
    connections: Set<unknown>;
  };
  _setListeners(callback: () => void): void;
  connectionReady(): void;
  send: TSend;
  name: string;
}

let isPatched = false;

export function patchSmtpServer(): void {
  if (isPatched) return;

  const proto = SMTPConnection.prototype as unknown as TConnectionInternals & { init(): void };
  assertPatchable(proto, ['init', '_setListeners', 'connectionReady', 'send']);
  assertPatchable(SMTPStream.prototype, ['_feedDataStream', '_countDataBytes', '_endDataMode']);
  const originalSend = proto.send;

  // Same steps as the library's init, with the configured pause.
  proto.init = function init(this: TConnectionInternals) {
    this._setListeners(() => {
      const { maxClients, greetingDelayMs } = this._server.options;
      if (maxClients && this._server.connections.size > maxClients) {
        const text = `${this.name} Too many connected clients, try again in a moment`;
        return this.send(421, text, false);
      }

      const delayMs = greetingDelayMs ?? LIBRARY_GREETING_DELAY_MS;
      if (delayMs <= 0) return this.connectionReady();

      setTimeout(() => this.connectionReady(), delayMs).unref();
    });
  };

  proto.send = function send(this: TConnectionInternals, code, data, context) {
    const lines = typeof data === 'string' && data.includes('\n') ? data.split('\n') : data;
    const first = Array.isArray(lines) ? lines[0] : lines;
    const hasOwnCode = typeof first === 'string' && ENHANCED_CODE.test(first);

    originalSend.call(this, code, lines, hasOwnCode ? false : context);
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
