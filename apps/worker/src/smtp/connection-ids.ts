import { randomBytes } from 'node:crypto';

// A random prefix per process keeps ids unique across restarts and workers;
// a counter after it is cheaper than random bytes per connection.
const PREFIX = randomBytes(3).toString('hex');
let counter = 0;

/** A short id for a client connection; transactions add `.<n>` to it. */
export function nextConnectionId(): string {
  counter += 1;

  return `${PREFIX}${counter.toString(36).padStart(5, '0')}`;
}
