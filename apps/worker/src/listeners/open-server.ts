import net from 'node:net';

// A port just released by a listener we closed can take a moment to come free.
const BIND_RETRIES = 3;
const BIND_RETRY_DELAY_MS = 50;

/** Listens on address:port; rejects with the bind error (EADDRINUSE, EACCES...). */
export async function openServer(
  address: string,
  port: number,
  onConnection: (socket: net.Socket) => void,
): Promise<net.Server> {
  for (let attempt = 1; ; attempt += 1) {
    const server = net.createServer({ noDelay: true }, onConnection);
    try {
      await listen(server, address, port);
      return server;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' || attempt >= BIND_RETRIES) throw error;

      await new Promise((resolve) => setTimeout(resolve, BIND_RETRY_DELAY_MS));
    }
  }
}

function listen(server: net.Server, address: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // ipv6Only: "::" must not also claim IPv4, which has its own wildcard socket.
    server.listen({ host: address, port, ipv6Only: address === '::', backlog: 1024 }, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
}
