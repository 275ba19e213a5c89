// Remote logging as System › Logging sets it: violations of profiles with Remote Logging on
// go to the syslog server, one RFC 5424 message each. Follows every snapshot; a change of
// server replaces the transport, and the old one gets a moment to send what it holds.
import net from 'node:net';
import type { TRemoteLoggingStats, TSnapshot, TViolationRecord } from '@portcullis/contracts';
import type { TLogger } from '../logging/create-logger.ts';
import type { TFrameQueueLimits } from './frame-queue.ts';
import { resolveLogHost } from './resolve-log-host.ts';
import { formatSyslogMessage } from './syslog-format.ts';
import type { TSyslogTransport, TTransportOptions } from './syslog-transport.ts';
import { createTcpTransport } from './tcp-transport.ts';
import { createUdpTransport } from './udp-transport.ts';
import { violationMessage, type TOrigin } from './violation-message.ts';

export interface TRemoteLogSenderOptions {
  // The gateway's name, as in its greeting.
  hostname: string;
  logger: TLogger;
  queue?: Partial<TFrameQueueLimits>;
  retryBaseMs?: number;
  retryMaxMs?: number;
}

export interface TRemoteLogSender {
  /** Takes System › Logging and the profiles' Remote Logging flags from a new snapshot. */
  apply(snapshot: TSnapshot): void;
  /** Sends the violation when its profile logs remotely. Never throws, never waits. */
  log(record: TViolationRecord): void;
  /** Sends what is queued within the deadline, then closes. */
  stop(deadlineMs?: number): Promise<void>;
  /** Counts since the destination was set, for the worker's report; null when off. */
  stats(): TRemoteLoggingStats | null;
}

const RETIRE_DEADLINE_MS = 2_000;

export function createRemoteLogSender(options: TRemoteLogSenderOptions): TRemoteLogSender {
  const { logger } = options;
  const origin: TOrigin = { hostname: options.hostname, procId: String(process.pid) };
  let profiles = new Set<string>();
  let transport: TSyslogTransport | null = null;
  let destination = '';
  let targetKey = JSON.stringify(null);
  // Transports of an older configuration, sending what they still hold.
  const retiring = new Set<Promise<void>>();

  const retire = (old: TSyslogTransport | null, deadlineMs: number) => {
    if (!old) return;

    const closing = old.close(deadlineMs).catch((error: unknown) => {
      logger.error({ err: error }, 'remote log transport fault');
    });
    retiring.add(closing);
    void closing.finally(() => retiring.delete(closing));
  };

  return {
    apply(snapshot) {
      const names = snapshot.securityProfiles.filter((profile) => profile.remoteLogging);
      profiles = new Set(names.map((profile) => profile.name));

      const target = targetOf(snapshot);
      const key = JSON.stringify(target);
      if (key === targetKey) return;

      targetKey = key;
      retire(transport, RETIRE_DEADLINE_MS);
      transport = null;
      if (!target) {
        logger.info('remote logging off');
        return;
      }

      const transportOptions: TTransportOptions = {
        host: target.host,
        port: target.port,
        resolve: () => resolveLogHost(target.host, target.dns),
        logger: logger.child({ syslog: `${target.transport}:${target.host}:${target.port}` }),
        ...(options.queue ? { queue: options.queue } : {}),
        ...(options.retryBaseMs ? { retryBaseMs: options.retryBaseMs } : {}),
        ...(options.retryMaxMs ? { retryMaxMs: options.retryMaxMs } : {}),
      };
      transport = target.transport === 'TCP'
        ? createTcpTransport(transportOptions)
        : createUdpTransport(transportOptions);
      destination = `${target.transport} ${formatHostPort(target.host, target.port)}`;
    },
    log(record) {
      if (!transport || !profiles.has(record.securityProfile)) return;

      try {
        const message = violationMessage(record, origin);
        transport.send(formatSyslogMessage(message, transport.maxMessageBytes));
      } catch (error) {
        logger.error({ err: error, supportId: record.supportId }, 'remote log fault');
      }
    },
    async stop(deadlineMs = RETIRE_DEADLINE_MS) {
      retire(transport, deadlineMs);
      transport = null;
      await Promise.all([...retiring]);
    },
    stats: () => (transport ? { destination, ...transport.stats() } : null),
  };
}

function formatHostPort(host: string, port: number): string {
  return net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}

// Where to send, or null when remote logging is off or has no host. The DNS settings count
// only for a host name: a change of resolvers then means another lookup.
function targetOf(snapshot: TSnapshot) {
  const { enabled, host, port, transport } = snapshot.remoteLogging;
  const name = host?.trim() ?? '';
  if (!enabled || name === '') return null;

  const dns = net.isIP(name) ? { resolvers: [], timeoutMs: 0 } : snapshot.dns;

  return { host: name, port, transport, dns };
}
