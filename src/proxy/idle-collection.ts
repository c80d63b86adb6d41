/**
 * Memory flat with volume. What the proxy keeps does not grow with the gifts it has taken
 * (heap snapshots after 1,000 and 6,000 gifts differ by 0.7 MB, mostly compiled code), but
 * its resident size did: during a burst V8 promotes each request's short-lived objects to
 * the old generation (`--max-semi-space-size=1` keeps the young one small) and lets that
 * grow to its next collection limit. Once the burst ends nothing allocates, so no
 * collection comes, and V8's memory reducer acts again only after the committed heap has
 * grown by a wide margin since its last run: the heap stayed at whatever size the burst
 * ended on, 8 MB more after 10,000 gifts than after 1,000.
 *
 * So once no request has come for a while, and garbage has piled up since the last time,
 * the proxy runs one full collection (a few milliseconds for its ~15 MB heap), as V8 does
 * for a browser tab that goes idle. A compacting one: the few objects that outlive a burst
 * are scattered over the pages it filled, and a plain collection keeps every page that
 * still holds one (in a test, 75 MB kept for 6 MB live; compacted, 10 MB).
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Quiet time after the last request before collecting. */
export const QUIET_MS = 5_000;
/** Heap grown since the last collection that makes one worth its pause. */
const GARBAGE_BYTES = 2 * 1024 * 1024;

/** V8's full collection, made callable without `node --expose-gc` on every command line that starts the proxy. */
function fullCollection(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    setFlagsFromString('--expose-gc');
    // Exposed to contexts created from now on: a fresh one hands over its gc.
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

export interface IdleCollection {
  /** A request came in: the proxy is busy; collect once it has been quiet for QUIET_MS. */
  touch(): void;
  stop(): void;
}

export function idleCollection(quietMs = QUIET_MS): IdleCollection {
  const collect = fullCollection();
  let usedAfterLast = getHeapStatistics().used_heap_size;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const quiet = () => {
    timer = undefined;
    if (!collect || getHeapStatistics().used_heap_size - usedAfterLast < GARBAGE_BYTES) return;
    // Compaction for this collection only: while gifts flow, V8's own heuristics stay in charge.
    setFlagsFromString('--compact-on-every-full-gc');
    try {
      collect();
    } finally {
      setFlagsFromString('--no-compact-on-every-full-gc');
    }
    usedAfterLast = getHeapStatistics().used_heap_size;
  };
  return {
    touch() {
      if (timer) timer.refresh();
      else {
        timer = setTimeout(quiet, quietMs);
        // Never what keeps the process alive.
        timer.unref();
      }
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
