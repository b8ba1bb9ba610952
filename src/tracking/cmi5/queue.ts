/**
 * A durable, ordered outbox for what the AU sends: statements and state-document writes.
 *
 * Everything goes through here: it is written to localStorage first, then sent in order, one at a
 * time, and removed only once the LRS has said it is stored. So nothing the learner did is lost
 * when the LRS is down or the page closes, and it is sent on this page or at the next launch of
 * the same registration (the key is the registration). State writes are not tied to a session,
 * so the progress record always gets there; statements are: an LMS abandons a session that was
 * never terminated when the registration is launched again (§9.3.6) and refuses its statements,
 * which then end in the dead-letter list (session.ts sends a lost completed/passed/failed again).
 *
 * Nothing is sent twice as a different thing: a statement keeps its browser-made id (§9.1), so a
 * resend after a lost answer is the same statement, which the LRS stores once (PUT with
 * statementId; 409 for an id it has). A statement id already in the outbox is not queued again.
 * A state write replaces an older queued write of the same document (the newest wins anyway).
 *
 * Bounded: the outbox refuses a new item that would take it over `maxChars` (or that the browser's
 * storage refuses), and says so (`{ ok: false, reason: 'full' }`) so the adapter can tell the
 * learner their progress is not being recorded; it never drops queued items to make room.
 *
 * Answers: stored → removed; `unavailable` or `refused` → stop, keep everything, try later;
 * `rejected` (the LRS refuses this one item for good, e.g. a 400) → moved to a small dead-letter
 * list (kept for the LMS check page) so one bad item cannot block the rest forever.
 */
import type { ClientFailure, ClientResult, RequestOptions } from './client.ts';

export type OutboxItem =
  | { kind: 'statement'; seq: number; id: string; statement: { id: string } & Record<string, unknown> }
  | { kind: 'state'; seq: number; stateId: string; document: unknown };

/** The part of the client the outbox sends through. */
export interface OutboxSender {
  putStatement(statement: { id: string }, options?: RequestOptions): Promise<ClientResult<void>>;
  postStatements(statements: { id: string }[], options?: RequestOptions): Promise<ClientResult<void>>;
  putState(stateId: string, document: unknown, options?: RequestOptions): Promise<ClientResult<void>>;
}

export type EnqueueResult = { ok: true; queued: boolean } | { ok: false; reason: 'full'; message: string };

export interface FlushResult {
  sent: number;
  remaining: number;
  /** Why sending stopped before the outbox was empty. */
  stopped?: ClientFailure;
}

export interface Outbox {
  items(): OutboxItem[];
  enqueueStatement(statement: { id: string }): EnqueueResult;
  enqueueState(stateId: string, document: unknown): EnqueueResult;
  /** Sends in order until empty or the LRS stops answering. Calls made while one runs share it. */
  flush(sender: OutboxSender): Promise<FlushResult>;
  /**
   * For `pagehide`: sends everything at once with keepalive, without waiting: the statements in
   * one POST (an array, which the LRS stores in order, so `terminated` stays last), each state
   * write in its own PUT. Items stay until an answer confirms them (which may never come on a
   * closing page): the next launch resends them, and the ids make that harmless.
   */
  flushKeepalive(sender: OutboxSender): void;
  /** Items the LRS rejected for good (newest last). */
  rejected(): OutboxItem[];
  /** Forgets rejected items once they have been accounted for. */
  dropRejected(seqs: readonly number[]): void;
  /** Whether items survive a reload (false when the browser blocks storage). */
  readonly durable: boolean;
}

export type OutboxStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface OutboxOptions {
  storage: OutboxStorage | undefined;
  registration: string;
  /** Most characters of JSON kept (default 512,000: a tenth of a typical localStorage quota). */
  maxChars?: number;
}

/** Keepalive requests share a 64 KiB budget per page in browsers; stay under it. */
const KEEPALIVE_BUDGET = 60_000;
const MAX_REJECTED = 20;

export function outboxKey(registration: string): string {
  return `cmi5-outbox:${registration}`;
}

interface Stored {
  next: number;
  items: OutboxItem[];
  rejected: OutboxItem[];
}

function isItem(value: unknown): value is OutboxItem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  if (typeof item.seq !== 'number') return false;
  if (item.kind === 'statement') {
    const statement = item.statement as Record<string, unknown> | null;
    return typeof item.id === 'string' && typeof statement === 'object' && statement !== null && statement.id === item.id;
  }
  return item.kind === 'state' && typeof item.stateId === 'string';
}

export function createOutbox(options: OutboxOptions): Outbox {
  const key = outboxKey(options.registration);
  const maxChars = options.maxChars ?? 512_000;
  let memory: Stored = { next: 1, items: [], rejected: [] };
  let durable = options.storage !== undefined;
  let running: Promise<FlushResult> | null = null;
  let again = false;

  function load(): Stored {
    if (!durable || !options.storage) return memory;
    let text: string | null;
    try {
      text = options.storage.getItem(key);
    } catch {
      durable = false;
      return memory;
    }
    if (!text) return { next: memory.next, items: [], rejected: [] };
    try {
      const parsed = JSON.parse(text) as Partial<Stored>;
      const items = Array.isArray(parsed.items) ? parsed.items.filter(isItem) : [];
      const rejected = Array.isArray(parsed.rejected) ? parsed.rejected.filter(isItem) : [];
      const next = Math.max(typeof parsed.next === 'number' ? parsed.next : 1, ...items.map((i) => i.seq + 1), memory.next);
      return { next, items, rejected };
    } catch {
      // Not ours or damaged: start afresh rather than fail every write.
      return { next: memory.next, items: [], rejected: [] };
    }
  }

  /** Writes the outbox; false when it would be too big or storage refuses (nothing changes then). */
  function save(state: Stored): boolean {
    const text = JSON.stringify(state);
    if (text.length > maxChars) return false;
    if (durable && options.storage) {
      try {
        if (state.items.length === 0 && state.rejected.length === 0) options.storage.removeItem(key);
        else options.storage.setItem(key, text);
      } catch {
        return false;
      }
    }
    memory = state;
    return true;
  }

  const full = (): EnqueueResult => ({
    ok: false,
    reason: 'full',
    message: 'The record of your progress could not be kept: the browser storage for unsent records is full.',
  });

  function remove(seq: number, to: 'done' | 'rejected') {
    const state = load();
    const item = state.items.find((i) => i.seq === seq);
    if (!item) return;
    const items = state.items.filter((i) => i.seq !== seq);
    const rejected = to === 'rejected' ? [...state.rejected, item].slice(-MAX_REJECTED) : state.rejected;
    if (!save({ ...state, items, rejected })) save({ ...state, items, rejected: [] });
  }

  function send(sender: OutboxSender, item: OutboxItem, requestOptions?: RequestOptions) {
    return item.kind === 'statement' ? sender.putStatement(item.statement, requestOptions) : sender.putState(item.stateId, item.document, requestOptions);
  }

  async function run(sender: OutboxSender): Promise<FlushResult> {
    let sent = 0;
    for (;;) {
      const item = load().items[0];
      if (!item) return { sent, remaining: 0 };
      const result = await send(sender, item);
      if (result.ok) {
        remove(item.seq, 'done');
        sent += 1;
      } else if (result.kind === 'rejected') {
        remove(item.seq, 'rejected');
      } else {
        return { sent, remaining: load().items.length, stopped: result };
      }
    }
  }

  return {
    get durable() {
      return durable;
    },
    items: () => load().items,
    rejected: () => load().rejected,
    dropRejected(seqs) {
      const state = load();
      save({ ...state, rejected: state.rejected.filter((i) => !seqs.includes(i.seq)) });
    },
    enqueueStatement(statement) {
      const state = load();
      if (state.items.some((i) => i.kind === 'statement' && i.id === statement.id)) return { ok: true, queued: false };
      const item: OutboxItem = { kind: 'statement', seq: state.next, id: statement.id, statement: structuredClone(statement) as OutboxItem & { id: string } };
      return save({ ...state, next: state.next + 1, items: [...state.items, item] }) ? { ok: true, queued: true } : full();
    },
    enqueueState(stateId, document) {
      const state = load();
      const items = state.items.filter((i) => !(i.kind === 'state' && i.stateId === stateId));
      const item: OutboxItem = { kind: 'state', seq: state.next, stateId, document: structuredClone(document) };
      return save({ ...state, next: state.next + 1, items: [...items, item] }) ? { ok: true, queued: true } : full();
    },
    flush(sender) {
      // A call while a run is finishing (its last look found the outbox empty, its promise not yet
      // settled) must not be answered by that run alone: its items would wait for the next event.
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        let result: FlushResult;
        do {
          again = false;
          result = await run(sender);
        } while (again && !result.stopped);
        running = null;
        return result;
      })();
      return running;
    },
    flushKeepalive(sender) {
      let budget = KEEPALIVE_BUDGET;
      const statements: Extract<OutboxItem, { kind: 'statement' }>[] = [];
      const states: Extract<OutboxItem, { kind: 'state' }>[] = [];
      for (const item of load().items) {
        const size = JSON.stringify(item.kind === 'statement' ? item.statement : item.document).length + 1;
        // In order, and no later statement without the earlier ones.
        if (size > budget) break;
        budget -= size;
        if (item.kind === 'statement') statements.push(item);
        else states.push(item);
      }
      if (statements.length > 0) {
        void sender.postStatements(statements.map((i) => i.statement), { keepalive: true }).then((result) => {
          if (result.ok) for (const item of statements) remove(item.seq, 'done');
        });
      }
      for (const item of states) {
        void send(sender, item, { keepalive: true }).then((result) => {
          if (result.ok) remove(item.seq, 'done');
        });
      }
    },
  };
}
