// The schema engine's WebAssembly glue arms a plain setTimeout for its own
// advisory-lock timeout (10 s) and never clears it, so any short-lived process
// (a test file, the migration script) stays alive 10 s after migrating. While an
// engine is open we unref the timers that glue creates, and only those: the stack
// tells them apart, and every other caller's timers are left as they were.
// TODO(db-engine-upgrade): remove once the engine clears or unrefs its timers.
const GLUE_FILE = 'schema_engine_bg.js';

let holders = 0;
let original: typeof setTimeout | undefined;

function install(): void {
  const realSetTimeout = globalThis.setTimeout;
  const patched = function (this: unknown, ...args: Parameters<typeof setTimeout>) {
    const timer = realSetTimeout.apply(this, args);
    if (new Error().stack?.includes(GLUE_FILE)) timer.unref();

    return timer;
  };
  // Keeps util.promisify.custom and the like working on the patched function.
  Object.defineProperties(patched, Object.getOwnPropertyDescriptors(realSetTimeout));
  original = realSetTimeout;
  globalThis.setTimeout = patched as typeof setTimeout;
}

/** Starts unref-ing engine timers; call the returned function once done. */
export function unrefEngineTimers(): () => void {
  if (holders === 0) install();
  holders += 1;
  let isReleased = false;

  return () => {
    if (isReleased) return;
    isReleased = true;
    holders -= 1;
    if (holders === 0 && original) globalThis.setTimeout = original;
  };
}
