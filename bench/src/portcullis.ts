import { startStack, type TStack } from '@portcullis/testkit';

export interface TPortcullisUnderTest {
  stack: TStack;
  workerPid: number;
}

/**
 * The real appliance (API and one worker as separate processes) with one virtual
 * server in front of the sink, on a service profile with Protocol Security off.
 */
export async function startPortcullis(port: number, sinkPort: number, logDir: string): Promise<TPortcullisUnderTest> {
  const stack = await startStack({ logDir, env: { LOG_LEVEL: 'warn' } });
  await stack.client.request('POST', '/api/v1/pools', {
    name: 'bench_sink',
    members: [{ address: '127.0.0.1', servicePort: sinkPort }],
  });
  await stack.client.request('POST', '/api/v1/virtual-servers', {
    name: 'bench_vs',
    destinationAddress: '127.0.0.1',
    servicePort: port,
    serviceProfile: 'smtp',
    defaultPool: 'bench_sink',
  });
  await stack.waitForWorkersInSync();
  const workerPid = stack.workers[0]?.child.pid;
  if (!workerPid) throw new Error('the worker did not start');

  return { stack, workerPid };
}
