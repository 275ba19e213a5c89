import { startStack, type TStack } from '@portcullis/testkit';

export interface TPortcullisUnderTest {
  stack: TStack;
  workerPid: number;
}

/** A second virtual server with the default security profile, and its DNS server. */
export interface TProtectedVirtualServer {
  port: number;
  // "127.0.0.1:port" of the loopback DNS server its DNS checks ask.
  dnsServer: string;
}

// The system defaults (every violation's default action, every check's default settings)
// except two: rate limits far above the load, and a greylisting hold of 0 s, so that the
// warm-up's retry passes the benchmark's triplet at once. Every measured message then takes
// the path of a remembered triplet, as a known sender's mail does.
const BENCH_PROFILE = {
  name: 'bench_default',
  settings: {
    rateLimits: {
      messagesPerMinutePerClient: 1_000_000_000,
      messagesPerMinutePerSender: 1_000_000_000,
      concurrentConnectionsPerClient: 100_000,
    },
    greylisting: { holdSeconds: 0 },
  },
};

/**
 * The real appliance (API and one worker as separate processes) with one virtual server
 * in front of the sink, on a service profile with Protocol Security off; with `protection`,
 * a second one in the same worker on a service profile with the default security profile.
 */
export async function startPortcullis(
  port: number,
  sinkPort: number,
  logDir: string,
  protection: TProtectedVirtualServer | null = null,
): Promise<TPortcullisUnderTest> {
  const stack = await startStack({ logDir, env: { LOG_LEVEL: 'warn' } });
  const api = stack.client;
  await api.request('POST', '/api/v1/pools', {
    name: 'bench_sink',
    members: [{ address: '127.0.0.1', servicePort: sinkPort }],
  });
  const virtualServers = [{ name: 'bench_vs', servicePort: port, serviceProfile: 'smtp' }];
  if (protection) {
    await protectWithDefaults(stack, protection.dnsServer);
    const servicePort = protection.port;
    virtualServers.push({ name: 'bench_vs_protected', servicePort, serviceProfile: 'smtp_bench' });
  }
  for (const virtualServer of virtualServers) {
    await api.request('POST', '/api/v1/virtual-servers', {
      ...virtualServer,
      destinationAddress: '127.0.0.1',
      defaultPool: 'bench_sink',
    });
  }
  await stack.waitForWorkersInSync();
  const workerPid = stack.workers[0]?.child.pid;
  if (!workerPid) throw new Error('the worker did not start');

  return { stack, workerPid };
}

async function protectWithDefaults(stack: TStack, dnsServer: string): Promise<void> {
  const api = stack.client;
  await api.request('PUT', '/api/v1/system/dns', { resolvers: [dnsServer], timeoutMs: 2000 });
  await api.request('POST', '/api/v1/security-profiles', BENCH_PROFILE);
  const serviceProfile = { name: 'smtp_bench', protocolSecurity: true };
  await api.request('POST', '/api/v1/service-profiles', serviceProfile);
  await api.request('PUT', '/api/v1/profile-assignments/smtp', {
    assignments: [{ serviceProfile: 'smtp_bench', securityProfile: BENCH_PROFILE.name }],
  });
}
