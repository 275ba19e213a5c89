export type TServerEvent = { event: string; id: string | undefined; data: string };

export type TEventStream = {
  status: number;
  contentType: string | null;
  // The next event (comments and `retry:` lines skipped), or a rejection on timeout.
  next(timeoutMs: number): Promise<TServerEvent>;
  close(): void;
};

function parseEvent(block: string): TServerEvent | undefined {
  const fields = new Map<string, string[]>();
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const name = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    fields.set(name, [...(fields.get(name) ?? []), value]);
  }
  if (!fields.has('data')) return undefined;

  return {
    event: fields.get('event')?.[0] ?? 'message',
    id: fields.get('id')?.[0],
    data: (fields.get('data') ?? []).join('\n'),
  };
}

/** A minimal server-sent events client over fetch, for tests against a real server. */
export async function openEventStream(
  url: string,
  headers: Record<string, string>,
): Promise<TEventStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  const events: TServerEvent[] = [];
  const waiters: Array<() => void> = [];
  let buffer = '';

  const pump = async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const event = parseEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (event) events.push(event);
        end = buffer.indexOf('\n\n');
      }
      waiters.splice(0).forEach((wake) => wake());
    }
  };
  pump().catch(() => undefined);

  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    next: async (timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      while (events.length === 0) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }

      return events.shift() as TServerEvent;
    },
    close: () => abort.abort(),
  };
}
