/**
 * Where saved progress lives. The course session talks to this interface only; adapters
 * (local storage today, an LMS later) implement it. Implementations never throw.
 */
import type { ProgressRecord, RejectReason } from './progress-record.ts';

export type LoadResult =
  /** Something was stored: the stored text (or an already parsed JSON value). */
  | { kind: 'ok'; json: unknown }
  /** Nothing stored yet. */
  | { kind: 'empty' }
  /** The storage cannot be used (blocked, private mode, …). */
  | { kind: 'unavailable'; error: unknown };

export type SaveFailure = 'unavailable' | 'quota';

export type SaveResult = { ok: true } | { ok: false; reason: SaveFailure };

export interface ProgressStore {
  load(): LoadResult;
  save(record: ProgressRecord): SaveResult;
  /**
   * Keeps a rejected record under another key, so that saving fresh progress never silently
   * overwrites it. `raw` is the stored text.
   */
  setAside(raw: string, reason: RejectReason): SaveResult;
  /**
   * Optional: called once the course has started, with the record it started from (after any
   * migration), whether or not that record needed saving. An LMS adapter reports it.
   */
  started?(record: ProgressRecord): void;
}
