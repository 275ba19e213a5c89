import net from 'node:net';

/** Asks the kernel for a free loopback port. Another process may take it first,
 * so callers bind it promptly. */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));

  return port;
}
