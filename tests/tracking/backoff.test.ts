import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, createRetry } from '../../src/tracking/scorm/backoff.ts';

describe('back-off', () => {
  it('doubles from 2 s up to a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => backoffDelay(n))).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
    expect(backoffDelay(3, { initialMs: 100, factor: 3, maxMs: 1000 })).toBe(900);
  });
});

describe('retrying', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('retries after growing waits until the call succeeds, then stops', () => {
    let up = false;
    const attempt = vi.fn(() => up);
    const changes: number[] = [];
    const retry = createRetry(attempt, { onChange: (failures) => changes.push(failures) });

    expect(retry.request()).toBe(false);
    expect(retry.failures).toBe(1);
    expect(retry.waiting).toBe(true);
    // While a retry waits, new requests do not hammer the LMS.
    expect(retry.request()).toBeNull();
    expect(attempt).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(1999);
    expect(attempt).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(attempt).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(4000);
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(retry.failures).toBe(3);

    up = true;
    vi.advanceTimersByTime(8000);
    expect(attempt).toHaveBeenCalledTimes(4);
    expect(retry.failures).toBe(0);
    expect(retry.waiting).toBe(false);
    vi.advanceTimersByTime(600_000);
    expect(attempt).toHaveBeenCalledTimes(4);
    expect(changes).toEqual([1, 2, 3, 0]);
  });

  it('tries at once when told to, even during a wait (the page is closing)', () => {
    let up = false;
    const attempt = vi.fn(() => up);
    const retry = createRetry(attempt);
    retry.request();
    up = true;
    expect(retry.now()).toBe(true);
    expect(retry.waiting).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(attempt).toHaveBeenCalledTimes(2);
  });

  it('stops for good', () => {
    const attempt = vi.fn(() => false);
    const retry = createRetry(attempt);
    retry.request();
    retry.stop();
    vi.advanceTimersByTime(600_000);
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(retry.now()).toBe(false);
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});
