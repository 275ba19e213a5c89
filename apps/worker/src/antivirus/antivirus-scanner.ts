// The worker's way to the ICAP anti-virus server, shared by every virtual server: the
// settings of the snapshot in force, and one client (a keep-alive pool) per server
// address, port, service and tuning. A snapshot that changes them gets a new client at
// the next scan; the old one is closed once the scans on it have finished.
import type { TSnapshot } from '@portcullis/contracts';
import {
  createIcapClient,
  IcapError,
  scanMessage,
  type TIcapClient,
  type TMessageVerdict,
} from '@portcullis/icap';
import type { DnsResolver } from '@portcullis/spf';
import type { TLogger } from '../logging/create-logger.ts';
import { HoldMemoryBudget } from './hold-memory-budget.ts';
import { MessageHold } from './message-hold.ts';
import { readAntivirusSettings, type TAntivirusSettings } from './read-antivirus-settings.ts';
import { createHostResolver, resolveIcapHost } from './resolve-icap-host.ts';

export interface TScanResult {
  verdict: TMessageVerdict;
  // The settings the scan ran with (Guarantee Enforcement decides what an error does).
  settings: TAntivirusSettings;
}

// What all messages waiting for their scan may hold in memory together; past it they wait
// on disk. 32 one-megabyte messages at once is a busy gateway's worth.
export const HOLD_MEMORY_BUDGET_BYTES = 32 * 1024 * 1024;

export interface TAntivirusScannerOptions {
  logger: TLogger;
  holdDir: string;
  holdMemoryBudgetBytes?: number;
}

interface TClientEntry {
  key: string;
  client: TIcapClient;
  scans: number;
  isRetired: boolean;
}

export class AntivirusScanner {
  private settings: TAntivirusSettings | null = null;
  private resolver: { key: string; resolver: DnsResolver } | null = null;
  private current: TClientEntry | null = null;
  private readonly logger: TLogger;
  private readonly holdDir: string;
  private readonly holdBudget: HoldMemoryBudget;

  constructor(options: TAntivirusScannerOptions) {
    this.logger = options.logger;
    this.holdDir = options.holdDir;
    this.holdBudget = new HoldMemoryBudget(options.holdMemoryBudgetBytes ?? HOLD_MEMORY_BUDGET_BYTES);
  }

  /** Whether an ICAP server is configured; without one nothing is scanned. */
  get isConfigured(): boolean {
    return this.settings !== null;
  }

  /** Somewhere to keep a message until its verdict, within the worker's memory budget. */
  createHold(): MessageHold {
    return new MessageHold({ dir: this.holdDir, budget: this.holdBudget });
  }

  update(snapshot: TSnapshot): void {
    const settings = readAntivirusSettings(snapshot);
    this.settings = settings;
    if (!settings) return this.retireCurrent();

    const key = JSON.stringify(settings.dns);
    if (this.resolver?.key === key) return;

    this.resolver = { key, resolver: createHostResolver(settings.dns) };
  }

  /**
   * The whole message, then every MIME part decoded (see @portcullis/icap scanMessage).
   * Never throws: trouble of any kind is an error verdict, never a clean one. Null when
   * no ICAP server is configured.
   */
  async scan(source: Buffer | string): Promise<TScanResult | null> {
    const { settings, resolver } = this;
    if (!settings || !resolver) return null;

    let entry: TClientEntry;
    try {
      entry = await this.clientFor(settings, resolver.resolver);
    } catch (error) {
      return { verdict: errorVerdict(error), settings };
    }

    entry.scans += 1;
    try {
      return { verdict: await scanMessage(entry.client, source), settings };
    } catch (error) {
      return { verdict: errorVerdict(error), settings };
    } finally {
      entry.scans -= 1;
      if (entry.isRetired && entry.scans === 0) void entry.client.close();
    }
  }

  close(): void {
    this.settings = null;
    this.retireCurrent();
  }

  private async clientFor(settings: TAntivirusSettings, resolver: DnsResolver) {
    const address = await resolveIcapHost(settings.host, resolver);
    const { port, service, virusHeaderNames, timeoutMs, previewBytes } = settings;
    const key = JSON.stringify([address, port, service, virusHeaderNames, timeoutMs, previewBytes]);
    if (this.current?.key === key) return this.current;

    this.retireCurrent();
    const client = createIcapClient({
      host: address,
      port,
      service,
      virusHeaderNames,
      timeoutMs,
      previewBytes,
      logger: this.logger,
    });
    this.current = { key, client, scans: 0, isRetired: false };
    this.logger.info({ icap: `${address}:${port}/${service}` }, 'icap client ready');

    return this.current;
  }

  private retireCurrent(): void {
    const entry = this.current;
    this.current = null;
    if (!entry) return;

    entry.isRetired = true;
    if (entry.scans === 0) void entry.client.close();
  }
}

function errorVerdict(error: unknown): TMessageVerdict {
  if (error instanceof IcapError) {
    return { verdict: 'error', code: error.code, reason: error.message };
  }

  const reason = error instanceof Error ? error.message : String(error);

  return { verdict: 'error', code: 'icap_protocol_error', reason };
}
