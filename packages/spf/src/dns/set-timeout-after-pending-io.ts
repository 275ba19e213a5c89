// A timeout that an answer already waiting in a socket can still beat.

/**
 * After the process was starved of CPU for longer than the timeout, libuv runs expired timers
 * before it reads sockets, so an answer that arrived meanwhile would be declared a timeout.
 * Deciding in setImmediate, which runs after the poll phase, lets that answer win. Clear the
 * returned timer when done; the callback must ignore a call that comes after completion.
 */
export function setTimeoutAfterPendingIo(onTimeout: () => void, timeoutMs: number) {
  return setTimeout(() => setImmediate(onTimeout), timeoutMs);
}
