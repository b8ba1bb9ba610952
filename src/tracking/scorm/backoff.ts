/**
 * Retry timing for calls to the LMS: exponential back-off with a ceiling, so a learning
 * system that is down is asked again soon, then less and less often, but never given up on.
 */

export interface BackoffOptions {
  /** First wait, in milliseconds (default 2 s). */
  initialMs?: number;
  /** Growth per failed try (default 2). */
  factor?: number;
  /** Longest wait (default 60 s). */
  maxMs?: number;
}

/**
 * The wait before retry number `failures` (1 = after the first failure).
 *
 * @example
 * [1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n)) // → [2000, 4000, 8000, 16000, 32000, 60000, 60000]
 */
export function backoffDelay(failures: number, options: BackoffOptions = {}): number {
  const { initialMs = 2000, factor = 2, maxMs = 60_000 } = options;
  const exponent = Math.max(0, failures - 1);
  return Math.min(maxMs, initialMs * factor ** Math.min(exponent, 30));
}

/** The timer functions the adapter uses (the global ones by default; fake ones in tests). */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const globalTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs `attempt` until it succeeds: at once when asked, then after growing waits while it fails.
 * While a retry is waiting, new requests wait for it (the retry sends the newest state);
 * `now()` skips the wait (when the page is closing).
 *
 * @example
 * const retry = createRetry(() => sendToLms(), { onChange: (failing) => showStatus(failing) });
 * retry.request();
 */
export function createRetry(
  attempt: () => boolean,
  options: { timers?: Timers; backoff?: BackoffOptions; onChange?: (failures: number) => void } = {},
) {
  const timers = options.timers ?? globalTimers;
  let failures = 0;
  let timer: unknown = null;
  let stopped = false;

  const setFailures = (next: number) => {
    if (next === failures) return;
    failures = next;
    options.onChange?.(failures);
  };
  const run = (): boolean => {
    if (timer !== null) {
      timers.clearTimeout(timer);
      timer = null;
    }
    if (stopped) return false;
    const ok = attempt();
    if (ok) {
      setFailures(0);
    } else if (!stopped) {
      setFailures(failures + 1);
      timer = timers.setTimeout(() => {
        timer = null;
        run();
      }, backoffDelay(failures, options.backoff));
    }
    return ok;
  };

  return {
    /** Try now, unless a retry is already waiting. Returns whether this call succeeded (`null`: waiting). */
    request(): boolean | null {
      if (timer !== null) return null;
      return run();
    },
    /** Try now, even during a wait. */
    now(): boolean {
      return run();
    },
    /** Failed tries since the last success. */
    get failures(): number {
      return failures;
    },
    get waiting(): boolean {
      return timer !== null;
    },
    /** No more tries (after the LMS session ended). */
    stop(): void {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
  };
}

export type Retry = ReturnType<typeof createRetry>;

/**
 * A function that runs `run` once in a microtask however often it is called before then: after
 * the current machine transition has been saved (its emitted events come first).
 *
 * @example
 * const requestSync = inMicrotask(() => retry.request());
 * requestSync(); requestSync(); // one request, after this task's synchronous work
 */
export function inMicrotask(run: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      run();
    });
  };
}
