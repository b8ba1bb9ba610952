/**
 * One cmi5 AU session: the adapter-facing surface over the client, the statement builders and
 * the outbox. It keeps the ordering rules of §9.3 so callers can simply report what happened:
 *
 * - `initialized` first (§9.3.2), once; nothing before it, nothing after `terminated` (§9.3.8).
 * - `completed` at most once per registration (§9.3.3), `passed` at most once per registration
 *   (§9.3.4), no `failed` after `passed` (§9.3), at most one of passed/failed per session (§9.3).
 *   What earlier sessions of the registration sent is kept in an activity state document of our
 *   own ({@link SENT_STATE_ID}), merged with writes of it still waiting in the outbox.
 * - No completed/passed/failed in Browse or Review (§10.2.2); no progress after completion
 *   (§9.5.5.1 SHOULD NOT).
 *
 * Every statement and state write goes through the outbox (durable, ordered, sent once).
 */
import type { Cmi5Client, ClientFailure } from './client.ts';
import type { LaunchData, LaunchParams } from './launch.ts';
import type { EnqueueResult, Outbox } from './queue.ts';
import {
  answeredStatement,
  completedStatement,
  failedStatement,
  initializedStatement,
  passedStatement,
  progressedStatement,
  terminatedStatement,
  verdict,
  type AnsweredInput,
  type SessionContext,
  type Statement,
} from './statements.ts';

/** Our record of the registration's once-only statements. */
export const SENT_STATE_ID = 'course-player.cmi5-sent';
/** The learner's progress record (Resume, §10 State API). */
export const PROGRESS_STATE_ID = 'course-player.progress';

export interface SentFlags {
  completed?: true;
  passed?: true;
  failed?: true;
}

export type SessionOutcome =
  | { sent: true }
  /** Not sent, and rightly so: `why` names the rule (e.g. "§10.2.2 Browse mode"). */
  | { sent: false; why: string }
  | { sent: false; why: 'full'; message: string };

export interface Cmi5SessionOptions {
  launch: LaunchParams;
  launchData: LaunchData;
  /** The course's UI language, for display strings in statements. */
  lang: string;
  client: Cmi5Client;
  outbox: Outbox;
  now?: () => number;
  uuid?: () => string;
  /**
   * `sessionStorage`: remembers, for a reload of the same launch, that this session was already
   * initialized (no second `initialized`, §9.3.2) or terminated (nothing more may be sent, §9.3.8;
   * the page should send the learner back to the LMS for a new launch).
   */
  sessionStore?: Pick<Storage, 'getItem' | 'setItem'> | undefined;
}

export interface Cmi5SessionStatus {
  launchMode: LaunchData['launchMode'];
  initialized: boolean;
  terminated: boolean;
  /** Items waiting in the outbox. */
  pending: number;
  /** Items the LRS rejected for good. */
  rejected: number;
  /** The LRS refused the token: nothing more will be sent in this session. */
  refused: boolean;
  lastFailure?: ClientFailure;
  /** The statements this session queued, newest last (verb name, id, whether still pending, whether the LRS rejected it for good). */
  statements: { verb: string; id: string; pending: boolean; rejected: boolean }[];
}

/** `completed`, `passed` or `failed` when a queued statement is one of those cmi5 defined verbs. */
function judgedVerb(statement: Record<string, unknown>): keyof SentFlags | null {
  const verb = statement.verb as { id?: unknown } | undefined;
  const name = typeof verb?.id === 'string' ? verb.id.split('/').pop() : undefined;
  return name === 'completed' || name === 'passed' || name === 'failed' ? name : null;
}

function isFlags(value: unknown): value is SentFlags {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface Cmi5Session {
  /** Queues and sends `initialized` (once per session, also across reloads of the launch). */
  initialize(): SessionOutcome;
  progressed(percent: number): SessionOutcome;
  answered(input: AnsweredInput): SessionOutcome;
  /** The course's completion rule is met. Safe to call again (and at each launch): sent once per registration. */
  completed(): SessionOutcome;
  /**
   * The course has a final score. `scaled` 0–1; `coursePassed` the course's own verdict, used when
   * the LMS gave no mastery score. Call again at later launches if the verdict could not be sent.
   */
  judged(scaled: number, coursePassed: boolean): SessionOutcome;
  /** Reads the progress record; `null` when the LRS has none (or cannot be reached: see `ok`). */
  loadProgress(): Promise<{ ok: boolean; value: unknown }>;
  saveProgress(record: unknown): SessionOutcome;
  /**
   * Queues `terminated` with the session's duration and sends what is pending: awaited normally,
   * with keepalive when the page is going away (`pagehide`). Returns the LMS's returnURL, if any,
   * for the caller to go to (§10.2.6) once this resolves.
   */
  terminate(options?: { unloading?: boolean }): Promise<{ returnURL?: string }>;
  /** Sends what is pending (e.g. when the browser comes back online). */
  flush(): Promise<void>;
  status(): Cmi5SessionStatus;
}

/**
 * Opens the session: sends what earlier pages left in the outbox, then reads which once-only
 * statements the registration already has.
 */
export async function openCmi5Session(options: Cmi5SessionOptions): Promise<Cmi5Session> {
  const { client, outbox, launchData } = options;
  const now = options.now ?? (() => Date.now());
  const uuid = options.uuid ?? (() => crypto.randomUUID());
  const context: SessionContext = { launch: options.launch, launchData, lang: options.lang };
  let lastFailure: ClientFailure | undefined;

  const flushNow = async () => {
    const result = await outbox.flush(client);
    // Cleared once the outbox empties: a later wait is plain sending, not retrying.
    if (result.stopped) lastFailure = result.stopped;
    else if (result.remaining === 0) lastFailure = undefined;
  };
  await flushNow();

  const stored = await client.getState(SENT_STATE_ID);
  const pendingFlags = outbox.items().filter((i) => i.kind === 'state' && i.stateId === SENT_STATE_ID);
  const flags: SentFlags = {};
  for (const source of [stored.ok ? stored.value : null, ...pendingFlags.map((i) => (i.kind === 'state' ? i.document : null))]) {
    if (isFlags(source)) {
      if (source.completed) flags.completed = true;
      if (source.passed) flags.passed = true;
      if (source.failed) flags.failed = true;
    }
  }

  const memoKey = `cmi5-session:${launchData.sessionId}`;
  let memo: { initializedAt?: number; terminated?: boolean } = {};
  try {
    memo = JSON.parse(options.sessionStore?.getItem(memoKey) ?? '{}') as typeof memo;
  } catch {
    memo = {};
  }
  const remember = () => {
    try {
      options.sessionStore?.setItem(memoKey, JSON.stringify({ initializedAt, terminated }));
    } catch {
      // Storage blocked: a reload would start a fresh page of the same session.
    }
  };
  // Once-only statements of an earlier session that the LMS rejected (typically because a new
  // launch abandoned that session before they could be sent, §9.3.6) were never recorded: they
  // do not count, and this session sends them again when the caller reports the outcome.
  const lost = outbox.rejected().filter((i) => i.kind === 'statement' && judgedVerb(i.statement) !== null);
  if (lost.length > 0) {
    for (const item of lost) if (item.kind === 'statement') delete flags[judgedVerb(item.statement) as keyof SentFlags];
    outbox.enqueueState(SENT_STATE_ID, { ...flags });
    outbox.dropRejected(lost.map((i) => i.seq));
    void flushNow();
  }

  let initializedAt: number | null = typeof memo.initializedAt === 'number' ? memo.initializedAt : null;
  let terminated = memo.terminated === true;
  let judgedThisSession = false;
  const queued: { verb: string; id: string }[] = [];

  const stamp = () => ({ id: uuid(), at: new Date(now()) });
  const elapsed = () => (initializedAt === null ? 0 : now() - initializedAt);

  function queue(verb: string, statement: Statement, extra?: () => EnqueueResult): SessionOutcome {
    const result = outbox.enqueueStatement(statement);
    if (!result.ok) return { sent: false, why: 'full', message: result.message };
    queued.push({ verb, id: statement.id });
    if (extra) {
      const more = extra();
      if (!more.ok) return { sent: false, why: 'full', message: more.message };
    }
    void flushNow();
    return { sent: true };
  }

  function gate(): SessionOutcome | null {
    if (initializedAt === null) return { sent: false, why: '§9.3.2 not initialized yet' };
    if (terminated) return { sent: false, why: '§9.3.8 already terminated' };
    return null;
  }

  function gateJudged(): SessionOutcome | null {
    const closed = gate();
    if (closed) return closed;
    if (launchData.launchMode !== 'Normal') return { sent: false, why: `§10.2.2 ${launchData.launchMode} mode` };
    return null;
  }

  const saveFlags = () => outbox.enqueueState(SENT_STATE_ID, { ...flags });

  return {
    initialize() {
      if (initializedAt !== null) return { sent: false, why: '§9.3.2 already initialized' };
      if (terminated) return { sent: false, why: '§9.3.8 already terminated' };
      initializedAt = now();
      remember();
      return queue('initialized', initializedStatement(context, stamp()));
    },
    progressed(percent) {
      const closed = gate();
      if (closed) return closed;
      if (flags.completed) return { sent: false, why: '§9.5.5.1 already completed' };
      return queue('progressed', progressedStatement(context, stamp(), percent));
    },
    answered(input) {
      const closed = gate();
      if (closed) return closed;
      return queue('answered', answeredStatement(context, stamp(), input));
    },
    completed() {
      const closed = gateJudged();
      if (closed) return closed;
      if (flags.completed) return { sent: false, why: '§9.3.3 completed already sent in this registration' };
      return queue('completed', completedStatement(context, stamp(), elapsed()), () => {
        flags.completed = true;
        return saveFlags();
      });
    },
    judged(scaled, coursePassed) {
      const closed = gateJudged();
      if (closed) return closed;
      if (judgedThisSession) return { sent: false, why: '§9.3 one of passed/failed per session' };
      const verb = verdict(context, scaled, coursePassed);
      if (flags.passed) return { sent: false, why: '§9.3.4 passed already sent in this registration' };
      if (verb === 'failed' && flags.failed) return { sent: false, why: 'failed already sent in this registration' };
      const build = verb === 'passed' ? passedStatement : failedStatement;
      return queue(verb, build(context, stamp(), scaled, elapsed()), () => {
        judgedThisSession = true;
        flags[verb] = true;
        return saveFlags();
      });
    },
    async loadProgress() {
      const result = await client.getState(PROGRESS_STATE_ID);
      if (!result.ok) lastFailure = result;
      // A write still waiting in the outbox is newer than what the LRS has.
      const pending = outbox.items().filter((i) => i.kind === 'state' && i.stateId === PROGRESS_STATE_ID).at(-1);
      if (pending?.kind === 'state') return { ok: true, value: pending.document };
      return result.ok ? { ok: true, value: result.value } : { ok: false, value: null };
    },
    saveProgress(record) {
      if (terminated) return { sent: false, why: '§9.3.8 already terminated' };
      const result = outbox.enqueueState(PROGRESS_STATE_ID, record);
      if (!result.ok) return { sent: false, why: 'full', message: result.message };
      void flushNow();
      return { sent: true };
    },
    async terminate(terminateOptions = {}) {
      if (initializedAt !== null && !terminated) {
        terminated = true;
        remember();
        const statement = terminatedStatement(context, stamp(), elapsed());
        const result = outbox.enqueueStatement(statement);
        if (result.ok) queued.push({ verb: 'terminated', id: statement.id });
      }
      if (terminateOptions.unloading) outbox.flushKeepalive(client);
      else await flushNow();
      return launchData.returnURL === undefined ? {} : { returnURL: launchData.returnURL };
    },
    flush: flushNow,
    status() {
      const items = outbox.items();
      const statementIds = (list: typeof items) => new Set(list.flatMap((i) => (i.kind === 'statement' ? [i.id] : [])));
      const pendingIds = statementIds(items);
      const rejectedIds = statementIds(outbox.rejected());
      const status: Cmi5SessionStatus = {
        launchMode: launchData.launchMode,
        initialized: initializedAt !== null,
        terminated,
        pending: items.length,
        rejected: outbox.rejected().length,
        refused: client.refused,
        statements: queued.map((q) => ({ ...q, pending: pendingIds.has(q.id), rejected: rejectedIds.has(q.id) })),
      };
      if (lastFailure) status.lastFailure = lastFailure;
      return status;
    },
  };
}
