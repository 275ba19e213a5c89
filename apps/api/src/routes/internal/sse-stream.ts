import type { ServerResponse } from 'node:http';

// Proxies and load balancers drop connections idle for a minute or so.
const PING_INTERVAL_MS = 15_000;
const RETRY_MS = 1000;

export type TSseStream = {
  send(event: string, id: number, data: unknown): void;
  close(): void;
  onClose(listener: () => void): void;
};

/**
 * Opens a text/event-stream on a hijacked response: headers now, a comment ping
 * every 15 s, events as `event`/`id`/`data` lines with one-line JSON data.
 */
export function openSseStream(raw: ServerResponse): TSseStream {
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.write(`retry: ${RETRY_MS}\n\n`);

  const ping = setInterval(() => raw.write(': ping\n\n'), PING_INTERVAL_MS);
  ping.unref();
  raw.on('close', () => clearInterval(ping));

  return {
    send: (event, id, data) => {
      raw.write(`event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close: () => {
      clearInterval(ping);
      raw.end();
    },
    onClose: (listener) => raw.on('close', listener),
  };
}
