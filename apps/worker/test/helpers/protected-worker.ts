/**
 * A worker with Protocol Security on, as the checks' tests need it: following a stand-in
 * API that takes its violation and traffic records, a real backend behind it, a loopback
 * DNS server as the snapshot's resolver, and one virtual server at a time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type {
  TSnapshot,
  TSnapshotSecurityProfile,
  TSnapshotVirtualServer,
  TViolationRecord,
} from '@portcullis/contracts';
import type { TCounterStore } from '@portcullis/policy';
import type { TWorker } from '../../src/start-worker.ts';
import { startBackend, type TBackend, type TBackendOptions } from './backend.ts';
import { FakeApi } from './fake-api.ts';
import { startLoopbackDns, type TLoopbackDns, type TZone } from './loopback-dns.ts';
import { freePort, pool, snapshot, virtualServer } from './snapshot.ts';
import { startTestWorker, waitFor } from './worker.ts';

export interface THarness {
  worker: TWorker;
  api: FakeApi;
  backend: TBackend;
  dns: TLoopbackDns;
  // The worker's state directory: its spool is under spool/.
  stateDir: string;
  /** Serves one virtual server with this profile (null: Protocol Security off) on a new port. */
  serve(
    profile: TSnapshotSecurityProfile | null,
    vs?: Partial<TSnapshotVirtualServer>,
    // Other parts of the snapshot (anti-virus settings, internal parameters).
    parts?: Partial<TSnapshot>,
  ): Promise<number>;
  /** The record of the violation a reply's Support ID names, once the API has it. */
  violationOf(reply: { text: string }): Promise<TViolationRecord>;
  /** Records that reached the API, after letting the shipper flush. */
  settledViolations(): Promise<TViolationRecord[]>;
  stop(): Promise<void>;
}

export interface THarnessOptions {
  zone?: TZone;
  backend?: TBackendOptions;
  counterStore?: TCounterStore;
}

const SECRET = 'protection-test-secret';
const SUPPORT_ID = /\(Support ID: (\w{5}-\w{5})\)/;

export async function startProtectedWorker(options: THarnessOptions = {}): Promise<THarness> {
  const api = await new FakeApi(SECRET, snapshot(0)).start();
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'portcullis-protection-'));
  const dns = await startLoopbackDns(options.zone ?? {});
  const backend = await startBackend(options.backend);
  const worker = await startTestWorker({
    api: { url: api.url, secret: SECRET },
    stateDir,
    ...(options.counterStore ? { counterStore: options.counterStore } : {}),
  });
  let version = 0;

  return {
    worker,
    api,
    backend,
    dns,
    stateDir,
    async serve(profile, vs = {}, parts = {}) {
      const port = await freePort();
      version += 1;
      const overrides = { securityProfile: profile?.name ?? null, ...vs };
      await worker.applySnapshot(
        snapshot(version, {
          virtualServers: [virtualServer('vs_protected', port, overrides)],
          pools: [pool('pool_a', [backend.port])],
          securityProfiles: profile ? [profile] : [],
          dns: { resolvers: [dns.address], timeoutMs: 1000 },
          ...parts,
        }),
      );

      return port;
    },
    async violationOf(reply) {
      const supportId = SUPPORT_ID.exec(reply.text)?.[1];
      if (!supportId) throw new Error(`no Support ID in "${reply.text}"`);

      const find = () => api.violations.find((record) => record.supportId === supportId);
      await waitFor(() => find() !== undefined, 5_000, `violation ${supportId} at the API`);

      return find() as TViolationRecord;
    },
    async settledViolations() {
      await new Promise((resolve) => setTimeout(resolve, 300));

      return [...api.violations];
    },
    async stop() {
      await worker.stop();
      await backend.stop();
      await dns.close();
      await api.stop();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}
