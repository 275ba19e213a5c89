import os from 'node:os';
import type net from 'node:net';
import type { TSnapshot, TWorkerReport } from '@portcullis/contracts';
import type { TCounterStore } from '@portcullis/policy';
import { AntivirusScanner } from '../antivirus/antivirus-scanner.ts';
import { HealthMonitor } from '../health/health-monitor.ts';
import { ListenerSet } from '../listeners/listener-set.ts';
import { planBindings } from '../listeners/plan-bindings.ts';
import type { TLogger } from '../logging/create-logger.ts';
import type { TRecordSink } from '../records/record-sink.ts';
import type { TRemoteLogSender } from '../remote-logging/remote-log-sender.ts';
import { PoolRuntime } from '../relay/pools/pool-runtime.ts';
import { nextConnectionId } from '../smtp/connection-ids.ts';
import { VirtualServerService } from '../smtp/virtual-server-service.ts';

// Idle member connections are closed with QUIT after this long unused.
const IDLE_BACKEND_MS = 10_000;
const IDLE_SWEEP_MS = 1_000;
const STOP_GRACE_MS = 50;

export interface TWorkerRuntimeOptions {
  workerId: string;
  hostname: string;
  logger: TLogger;
  // The checks' shared counters and where violations and traffic go.
  store: TCounterStore;
  records: TRecordSink;
  // Follows System › Logging and the profiles' Remote Logging flags.
  remoteLog?: Pick<TRemoteLogSender, 'apply' | 'stats'>;
  // Where messages held for their virus scan spill to disk; the system's temporary
  // directory by default.
  holdDir?: string;
}

/**
 * Everything the worker serves from one snapshot: pools with their members and
 * monitors, one SMTP service per virtual server, the listeners. apply() moves all
 * of it to a new snapshot in place, one snapshot at a time.
 */
export class WorkerRuntime {
  appliedVersion: number | null = null;
  private snapshot: TSnapshot | null = null;
  private readonly options: TWorkerRuntimeOptions;
  private readonly startedAt = new Date().toISOString();
  private readonly pools = new Map<string, PoolRuntime>();
  private readonly monitors = new Map<string, HealthMonitor>();
  private readonly services = new Map<string, VirtualServerService>();
  private readonly retired = new Set<VirtualServerService>();
  private readonly fingerprints = new Map<string, string>();
  private readonly listeners: ListenerSet;
  // One ICAP client for the whole worker, following the snapshot's anti-virus settings.
  private readonly antivirus: AntivirusScanner;
  private readonly sweeper: NodeJS.Timeout;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(options: TWorkerRuntimeOptions) {
    this.options = options;
    const logger = options.logger.child({ component: 'antivirus' });
    this.antivirus = new AntivirusScanner({ logger, holdDir: options.holdDir ?? os.tmpdir() });
    this.listeners = new ListenerSet((socket, name) => this.dispatch(socket, name), options.logger);
    this.sweeper = setInterval(() => this.sweepIdle(), IDLE_SWEEP_MS);
    this.sweeper.unref();
  }

  /**
   * Applies a validated snapshot; snapshots are applied strictly one after another.
   * Resolves false when the snapshot is not newer than the applied one (ignored).
   */
  apply(snapshot: TSnapshot): Promise<boolean> {
    const next = this.tail.then(() => this.applyNow(snapshot));
    this.tail = next.catch(() => undefined);

    return next;
  }

  report(): TWorkerReport {
    const snapshot = this.snapshot;
    const listeners = (snapshot?.virtualServers ?? []).map((vs) => {
      const status = vs.enabled
        ? this.listeners.statusOf(vs.name)
        : { status: 'disabled' as const, reason: null };

      return { virtualServer: vs.name, ...status };
    });
    const members = [...this.pools.values()].flatMap((pool) =>
      pool.members.map((member) => ({
        pool: pool.name,
        address: member.address,
        port: member.port,
        status: member.status(),
        reason: member.reason,
      })),
    );

    return {
      workerId: this.options.workerId,
      hostname: os.hostname(),
      startedAt: this.startedAt,
      appliedVersion: this.appliedVersion,
      listeners,
      members,
      remoteLogging: this.options.remoteLog?.stats() ?? null,
    };
  }

  /** Stops listening, ends sessions with 421, says QUIT to idle member connections. */
  async stop(): Promise<void> {
    await this.tail;
    clearInterval(this.sweeper);
    this.listeners.stopAccepting();
    for (const monitor of this.monitors.values()) monitor.stop();
    for (const service of [...this.services.values(), ...this.retired]) service.shutdown();
    for (const pool of this.pools.values()) pool.retire();

    // Give the 421s a moment to leave, then cut whoever is still connected.
    await new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS));
    this.listeners.dropSessions();
    this.antivirus.close();
  }

  private async applyNow(snapshot: TSnapshot): Promise<boolean> {
    if (this.appliedVersion !== null && snapshot.version <= this.appliedVersion) return false;

    this.options.remoteLog?.apply(snapshot);
    this.applyPools(snapshot);
    this.antivirus.update(snapshot);
    this.applyServices(snapshot);
    await this.listeners.apply(planBindings(snapshot.virtualServers));

    this.snapshot = snapshot;
    this.appliedVersion = snapshot.version;
    this.options.logger.info({ version: snapshot.version }, 'snapshot applied');

    return true;
  }

  private applyPools(snapshot: TSnapshot): void {
    const names = new Set(snapshot.pools.map((pool) => pool.name));
    for (const [name, pool] of this.pools) {
      if (names.has(name)) continue;

      this.monitors.get(name)?.stop();
      this.monitors.delete(name);
      pool.retire();
      this.pools.delete(name);
    }

    for (const config of snapshot.pools) {
      const pool = this.pools.get(config.name);
      if (pool) pool.update(config);
      else this.pools.set(config.name, new PoolRuntime(config));

      const runtime = this.pools.get(config.name) as PoolRuntime;
      const monitor =
        this.monitors.get(config.name) ??
        new HealthMonitor(runtime, this.options.hostname, this.options.logger);
      this.monitors.set(config.name, monitor);
      monitor.sync();
    }
  }

  private applyServices(snapshot: TSnapshot): void {
    const profiles = new Map(snapshot.securityProfiles.map((profile) => [profile.name, profile]));
    const active = new Set<string>();

    for (const vs of snapshot.virtualServers) {
      if (!vs.enabled) continue;

      const securityProfile = profiles.get(vs.securityProfile ?? '') ?? null;
      // The DNS resolvers matter only to a profile's checks.
      const fingerprint = JSON.stringify([vs, securityProfile, securityProfile && snapshot.dns]);
      active.add(vs.name);
      if (this.fingerprints.get(vs.name) === fingerprint) continue;

      this.retire(vs.name);
      this.fingerprints.set(vs.name, fingerprint);
      this.services.set(
        vs.name,
        new VirtualServerService({
          virtualServer: vs,
          securityProfile,
          dns: snapshot.dns,
          store: this.options.store,
          records: this.options.records,
          antivirus: this.antivirus,
          getPool: (name) => this.pools.get(name) ?? null,
          hostname: this.options.hostname,
          logger: this.options.logger.child({ vs: vs.name }),
        }),
      );
    }

    for (const name of [...this.services.keys()]) {
      if (!active.has(name)) this.retire(name);
    }
  }

  // The old service keeps serving its sessions in flight until they end.
  private retire(name: string): void {
    const service = this.services.get(name);
    this.services.delete(name);
    this.fingerprints.delete(name);
    if (!service || service.sessionCount === 0) return;

    this.retired.add(service);
  }

  private dispatch(socket: net.Socket, name: string): void {
    const service = this.services.get(name);
    // No peer address: the client reset the connection before it was accepted, and there
    // is nobody to serve (nor an address for the checks to judge).
    if (!service || !socket.remoteAddress) {
      socket.destroy();
      return;
    }

    service.accept(socket, nextConnectionId());
  }

  private sweepIdle(): void {
    const cutoff = Date.now() - IDLE_BACKEND_MS;
    for (const pool of this.pools.values()) pool.closeIdle(cutoff);
    for (const service of this.retired) {
      if (service.sessionCount === 0) this.retired.delete(service);
    }
  }
}
