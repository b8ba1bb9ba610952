/** In-memory stand-ins for Web Storage and for a progress store, with switchable failures. */
import type { ProgressRecord, RejectReason } from '../../src/course/progress-record.ts';
import type { LoadResult, ProgressStore, SaveResult } from '../../src/course/progress-store.ts';

/** A Web Storage whose reads and writes can be made to throw. */
export class FakeStorage implements Storage {
  readonly items = new Map<string, string>();
  /** Throw this on every access (Safari private mode throws SecurityError). */
  failAccess: Error | null = null;
  /** Throw this on writes only (a full storage throws QuotaExceededError). */
  failWrite: Error | null = null;

  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    if (this.failAccess) throw this.failAccess;
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.failAccess) throw this.failAccess;
    if (this.failWrite) throw this.failWrite;
    this.items.set(key, String(value));
  }
}

export const quotaError = (): Error => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
export const securityError = (): Error => new DOMException('The operation is insecure.', 'SecurityError');

/** A progress store in memory that records every call. */
export class MemoryStore implements ProgressStore {
  loadResult: LoadResult = { kind: 'empty' };
  saveResult: SaveResult = { ok: true };
  asideResult: SaveResult = { ok: true };
  readonly saved: ProgressRecord[] = [];
  readonly asides: Array<{ raw: string; reason: RejectReason }> = [];

  constructor(initial?: LoadResult) {
    if (initial) this.loadResult = initial;
  }
  load(): LoadResult {
    return this.loadResult;
  }
  save(record: ProgressRecord): SaveResult {
    if (this.saveResult.ok) this.saved.push(JSON.parse(JSON.stringify(record)) as ProgressRecord);
    return this.saveResult;
  }
  setAside(raw: string, reason: RejectReason): SaveResult {
    if (this.asideResult.ok) this.asides.push({ raw, reason });
    return this.asideResult;
  }
  get last(): ProgressRecord | undefined {
    return this.saved[this.saved.length - 1];
  }
}
