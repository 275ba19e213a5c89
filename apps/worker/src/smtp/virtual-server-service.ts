import type net from 'node:net';
import type { TSnapshot, TSnapshotSecurityProfile } from '@portcullis/contracts';
import type { TCounterStore } from '@portcullis/policy';
import { SMTPServer } from 'smtp-server';
import type { AntivirusScanner } from '../antivirus/antivirus-scanner.ts';
import { planChecks, type TCheckPlan } from '../policy/plan-checks.ts';
import { REPLY_TABLE } from '../policy/reply-table.ts';
import { buildProfilePolicy, type TProfilePolicy } from '../protection/profile-policy.ts';
import { attachSessionPolicy, createSessionPolicy } from '../protection/session-policy.ts';
import type { TRecordSink } from '../records/record-sink.ts';
import { ConnectionInspector } from './inspection/connection-inspector.ts';
import type { TInspectedConnection } from './inspection/connection-internals.ts';
import { createSessionHandlers, type TSessionHandlerOptions } from './session-handlers.ts';
import { lazyChildLogger } from './session-state.ts';
import { buildSmtpOptions } from './smtp-options.ts';

export interface TVirtualServerServiceOptions
  extends Pick<TSessionHandlerOptions, 'virtualServer' | 'getPool' | 'hostname' | 'logger'> {
  securityProfile: TSnapshotSecurityProfile | null;
  dns: TSnapshot['dns'];
  store: TCounterStore;
  records: TRecordSink;
  antivirus: AntivirusScanner;
}

// Traffic of virtual servers without Protocol Security is counted under this name.
const NO_SECURITY_PROFILE = '(none)';

/**
 * The SMTP service of one virtual server: an smtp-server instance that never
 * listens itself (the listeners hand it connections) with the session handlers,
 * and, with Protocol Security on, the security profile resolved for it and an
 * inspector on every connection. A changed virtual server (or profile) gets a new
 * service; sessions in flight finish on the old one.
 */
export class VirtualServerService {
  readonly name: string;
  private readonly server: SMTPServer;

  constructor(options: TVirtualServerServiceOptions) {
    const { virtualServer, securityProfile, hostname, logger } = options;
    const policy = securityProfile ? buildProfilePolicy({ ...options, securityProfile }) : null;
    const traffic = policy?.traffic ?? {
      securityProfile: NO_SECURITY_PROFILE,
      virtualServer: virtualServer.name,
    };
    const plan = policy ? planChecks(policy, Boolean(virtualServer.tls)) : null;
    const inspect = policy && plan ? inspectWith(policy, plan, options) : null;

    this.name = virtualServer.name;
    this.server = new SMTPServer({
      ...buildSmtpOptions(virtualServer, policy, hostname, inspect),
      ...createSessionHandlers({ ...options, policy, traffic }),
    });
    // Socket errors of clients; smtp-server has already closed the session.
    this.server.on('error', (error: Error) => logger.debug({ err: error }, 'session error'));
  }

  accept(socket: net.Socket, id: string): void {
    this.server.connect(socket, { id });
  }

  get sessionCount(): number {
    return this.server.connections.size;
  }

  /** Ends every session with 421 (RFC 5321 3.8); smtp-server then closes them. */
  shutdown(): void {
    const { code, enhanced, text } = REPLY_TABLE.worker_stopping;
    for (const connection of this.server.connections) connection.send(code, `${enhanced} ${text}`);
  }
}

// Each connection of a protected virtual server gets its session policy and inspector
// as it opens, before the greeting, so that bytes sent too early are seen.
function inspectWith(
  policy: TProfilePolicy,
  plan: TCheckPlan,
  options: TVirtualServerServiceOptions,
) {
  return (connection: TInspectedConnection) => {
    const client = { address: connection.remoteAddress, port: connection.remotePort };
    const logger = lazyChildLogger(options.logger, { cid: connection.session.id });
    const sessionPolicy = createSessionPolicy(policy, plan, connection.session, client, logger);
    attachSessionPolicy(connection.session, sessionPolicy);

    return new ConnectionInspector(connection, sessionPolicy);
  };
}
