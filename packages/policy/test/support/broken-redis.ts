// Redis servers that misbehave, on loopback: one that is not there at all, and one that
// accepts the connection, passes ioredis's ready check and then never answers a command.
import net from 'node:net';

export interface TBrokenRedis {
  url: string;
  close(): Promise<void>;
}

/** A port nothing listens on: connections are refused at once. */
export async function reserveDeadRedis(): Promise<TBrokenRedis> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));

  return { url: `redis://127.0.0.1:${port}`, close: async () => {} };
}

/** Answers INFO (the ready check) and then stays silent, like a Redis stuck on a slow call. */
export async function startHungRedis(): Promise<TBrokenRedis> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk) => {
      if (!/info/i.test(chunk.toString())) return;

      const body = '# Server\r\nloading:0\r\n';
      socket.write(`$${Buffer.byteLength(body)}\r\n${body}\r\n`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;

  return {
    url: `redis://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
