// Portcullis (API and one worker as separate processes) scanning every message through the
// ICAP server: a security profile with only Virus Detection on (blocking), so the figure is
// the scan's and the relay's, not the other checks'; Guarantee Enforcement on.
import { VIOLATION_NAMES } from '@portcullis/contracts';
import { startStack, type TStack } from '@portcullis/testkit';

export interface TIcapTarget {
  host: string;
  port: number;
}

const PROFILE = 'bench_antivirus';
const SERVICE_PROFILE = 'smtp_antivirus';

export async function startPortcullisAntivirus(
  port: number,
  sinkPort: number,
  icap: TIcapTarget,
  logDir: string,
): Promise<{ stack: TStack; workerPid: number }> {
  const stack = await startStack({ logDir, env: { LOG_LEVEL: 'warn' } });
  const api = stack.client;
  const actions = Object.fromEntries(
    VIOLATION_NAMES.map((name) => [name, { alarm: false, block: false }]),
  );
  actions.virus_detected = { alarm: true, block: true };
  actions.antivirus_unavailable = { alarm: true, block: false };

  await api.request('PUT', '/api/v1/antivirus', {
    serverAddress: icap.host,
    serverPort: icap.port,
    guaranteeEnforcement: true,
  });
  await api.request('POST', '/api/v1/security-profiles', { name: PROFILE, actions });
  await api.request('POST', '/api/v1/service-profiles', {
    name: SERVICE_PROFILE,
    protocolSecurity: true,
  });
  await api.request('PUT', '/api/v1/profile-assignments/smtp', {
    assignments: [{ serviceProfile: SERVICE_PROFILE, securityProfile: PROFILE }],
  });
  await api.request('POST', '/api/v1/pools', {
    name: 'bench_sink',
    members: [{ address: '127.0.0.1', servicePort: sinkPort }],
  });
  await api.request('POST', '/api/v1/virtual-servers', {
    name: 'bench_vs_antivirus',
    destinationAddress: '127.0.0.1',
    servicePort: port,
    serviceProfile: SERVICE_PROFILE,
    defaultPool: 'bench_sink',
  });
  await stack.waitForWorkersInSync();
  const workerPid = stack.workers[0]?.child.pid;
  if (!workerPid) throw new Error('the worker did not start');

  return { stack, workerPid };
}
