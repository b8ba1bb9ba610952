/**
 * Compact, versioned text encoding of the saved-progress record for `cmi.suspend_data`.
 *
 * SCORM 1.2 allows 4,096 characters of suspend data (and some LMSs cut SCORM 2004's longer
 * limit to the same), so both packages write this one format, in printable ASCII only. The
 * encoding keeps every id and question fingerprint, so the decoded record goes through
 * `parseProgressRecord` and the same migration rules as the local record: nothing here
 * decides what survives a course change.
 *
 * Format 1 (fields separated by `|`):
 *
 * ```
 * P1|savedAt|courseId|contentVersion|currentLessonId|completedAt|success|lessons|checks
 * lessons  lessonId:<n|p|c><seconds>            joined by ;
 * checks   checkId:<a|s>:<attempt count>:<questions>:<attempts>   joined by ;
 *          questions  questionId=fingerprint=answer                 joined by ,
 *          answer     s<id> | m<id>+<id> | y | n | t<text> | x<prompt>*<target>+… | (empty: none)
 *          attempts   index@time@outcomes                           joined by ,
 *          outcomes   per listed question: 1 correct, 0 wrong, - none (then !fingerprint! if it differs)
 * ```
 *
 * Numbers and times (epoch milliseconds) are base 36. Free text is percent-escaped outside
 * `A-Z a-z 0-9 space - _ . ? ( ) /`.
 *
 * When a record does not fit, it is shortened in this order, and `reduced` says how:
 * 1. only the attempts that count are kept (the best, the last) — scores, attempt counts and
 *    pass/fail stay exactly the same; 2. long text answers are shortened; 3. time spent per
 * lesson is dropped. The full record always stays in local storage.
 */
import type { ProgressRecord, SavedAnswer, SavedCheck } from '../../course/progress-record.ts';
import type { Answer, LessonStatus, QuestionOutcome } from '../../course/types.ts';
import { dict, escapeText, unescapeText } from '../../questions/codec.ts';
import { lmsOf, lmsOfKind } from '../../questions/lms.ts';

/** Characters SCORM 1.2 allows in `cmi.suspend_data` (CMIString4096). */
export const SUSPEND_DATA_LIMIT = 4096;

/** The compact format's version: the `P1` at the start. */
export const SUSPEND_FORMAT_VERSION = 1;

const PREFIX = `P${SUSPEND_FORMAT_VERSION}|`;

/** Ways a record was shortened to fit. */
export type Reduction = 'attempts' | 'text' | 'seconds';

export interface EncodeResult {
  /** The suspend data, or `null` when even the shortest form is over the limit. */
  text: string | null;
  /** Length of the shortest form tried (the text's length when it fits). */
  length: number;
  reduced: Reduction[];
}

export type DecodeResult =
  /** A record-shaped value to hand to `parseProgressRecord` (not yet validated). */
  | { kind: 'ok'; record: unknown; savedAt: number | null }
  | { kind: 'empty' }
  /** A compact format from a newer player. */
  | { kind: 'unsupported'; version: number }
  | { kind: 'corrupt'; reason: string };

// Escaping (free text, ids) is in src/questions/codec.ts, which the answers' encodings share.
export { escapeText };

// ------------------------------------------------------------ numbers, times

function encodeCount(value: number): string {
  return Number.isSafeInteger(value) && value >= 0 ? value.toString(36) : `'${escapeText(String(value))}`;
}

function decodeCount(text: string): number {
  if (text === '') return 0;
  if (text.startsWith("'")) return Number(unescapeText(text.slice(1)));
  if (!/^[0-9a-z]+$/.test(text)) throw new Error(`bad number "${text}"`);
  return parseInt(text, 36);
}

function encodeTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isFinite(ms) && ms >= 0 && new Date(ms).toISOString() === iso) return ms.toString(36);
  return `'${escapeText(iso)}`;
}

function decodeTime(text: string): string {
  if (text.startsWith("'")) return unescapeText(text.slice(1));
  if (!/^[0-9a-z]+$/.test(text)) throw new Error(`bad time "${text}"`);
  return new Date(parseInt(text, 36)).toISOString();
}

// ------------------------------------------------------------------ answers

// Each question type writes its own answers (`codec` in src/questions/<type>/lms.ts): the
// first character says which type wrote it.

function encodeAnswer(answer: Answer, maxText: number): string {
  return lmsOf(answer).codec.encode(answer, maxText);
}

function decodeAnswer(text: string): Answer {
  const lms = lmsOfKind(text[0] ?? '');
  if (!lms) throw new Error(`unknown answer kind "${text[0] ?? ''}"`);
  return lms.codec.decode(text);
}

// ------------------------------------------------------------------- checks

const LESSON_CODES: Record<LessonStatus, string> = { 'not-started': 'n', 'in-progress': 'p', complete: 'c' };
const LESSON_STATUSES: Record<string, LessonStatus> = { n: 'not-started', p: 'in-progress', c: 'complete' };

/** Indexes of the attempts a score can depend on: the last, and the last of the best (by correct answers). */
export function attemptsThatCount(attempts: SavedCheck['attempts']): number[] {
  if (attempts.length === 0) return [];
  let best = 0;
  let bestScore = -1;
  attempts.forEach((attempt, index) => {
    const score = Object.values(attempt.results).filter((r) => r.correct).length;
    if (score >= bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return [...new Set([best, attempts.length - 1])].sort((a, b) => a - b);
}

interface EncodeOptions {
  keepAllAttempts: boolean;
  maxText: number;
  keepSeconds: boolean;
}

function encodeCheck(id: string, check: SavedCheck, options: EncodeOptions): string {
  // Every question the check mentions, with one fingerprint (answers and results normally share it).
  const questions: { id: string; fingerprint: string; answer?: SavedAnswer }[] = [];
  const byId = new Map<string, (typeof questions)[number]>();
  for (const [qid, saved] of Object.entries(check.answers)) {
    const entry = { id: qid, fingerprint: saved.fingerprint, answer: saved };
    questions.push(entry);
    byId.set(qid, entry);
  }
  const kept = options.keepAllAttempts ? check.attempts.map((_, i) => i) : attemptsThatCount(check.attempts);
  for (const index of kept) {
    for (const [qid, outcome] of Object.entries(check.attempts[index]!.results)) {
      if (!byId.has(qid)) {
        const entry = { id: qid, fingerprint: outcome.fingerprint };
        questions.push(entry);
        byId.set(qid, entry);
      }
    }
  }
  const questionText = questions
    .map((q) => `${escapeText(q.id)}=${escapeText(q.fingerprint)}=${q.answer ? encodeAnswer(q.answer.answer, options.maxText) : ''}`)
    .join(',');
  const attemptText = kept
    .map((index) => {
      const attempt = check.attempts[index]!;
      const outcomes = questions
        .map((q) => {
          const outcome = attempt.results[q.id];
          if (outcome === undefined) return '-';
          const mark = outcome.correct ? '1' : '0';
          return outcome.fingerprint === q.fingerprint ? mark : `${mark}!${escapeText(outcome.fingerprint)}!`;
        })
        .join('');
      return `${encodeCount(index)}@${encodeTime(attempt.submittedAt)}@${outcomes}`;
    })
    .join(',');
  const status = check.status === 'submitted' ? 's' : 'a';
  return [escapeText(id), status, encodeCount(check.attempts.length), questionText, attemptText].join(':');
}

function decodeCheck(text: string): [string, SavedCheck] {
  const parts = text.split(':');
  if (parts.length !== 5) throw new Error('bad check');
  const [idText, statusText, countText, questionText, attemptText] = parts as [string, string, string, string, string];
  if (statusText !== 'a' && statusText !== 's') throw new Error('bad check status');
  const count = decodeCount(countText);
  if (count > 10_000) throw new Error('too many attempts');

  const questions: { id: string; fingerprint: string }[] = [];
  const answers = dict<SavedAnswer>();
  for (const item of questionText === '' ? [] : questionText.split(',')) {
    const fields = item.split('=');
    if (fields.length !== 3) throw new Error('bad question');
    const [qid, fingerprint, answer] = fields.map((f, i) => (i < 2 ? unescapeText(f) : f)) as [string, string, string];
    questions.push({ id: qid, fingerprint });
    if (answer !== '') answers[qid] = { fingerprint, answer: decodeAnswer(answer) };
  }

  const kept = new Map<number, SavedCheck['attempts'][number]>();
  for (const item of attemptText === '' ? [] : attemptText.split(',')) {
    const fields = item.split('@');
    if (fields.length !== 3) throw new Error('bad attempt');
    const [indexText, timeText, outcomeText] = fields as [string, string, string];
    const results = dict<QuestionOutcome>();
    let pos = 0;
    for (const question of questions) {
      const mark = outcomeText[pos++];
      let fingerprint = question.fingerprint;
      if (outcomeText[pos] === '!') {
        const end = outcomeText.indexOf('!', pos + 1);
        if (end < 0) throw new Error('bad outcome');
        fingerprint = unescapeText(outcomeText.slice(pos + 1, end));
        pos = end + 1;
      }
      if (mark === '1' || mark === '0') results[question.id] = { fingerprint, correct: mark === '1' };
      else if (mark !== '-') throw new Error('bad outcome');
    }
    if (pos !== outcomeText.length) throw new Error('bad outcomes');
    const index = decodeCount(indexText);
    if (index >= count) throw new Error('attempt index out of range');
    kept.set(index, { submittedAt: decodeTime(timeText), results });
  }
  // Attempts that were not kept only count towards the number of attempts: they score nothing,
  // so the attempt that counts (best or last) and every score stay the same.
  const first = [...kept.entries()].sort((a, b) => a[0] - b[0])[0]?.[1].submittedAt ?? new Date(0).toISOString();
  const attempts = Array.from({ length: count }, (_, i) => kept.get(i) ?? { submittedAt: first, results: {} });
  return [unescapeText(idText), { status: statusText === 's' ? 'submitted' : 'answering', answers, attempts }];
}

// ------------------------------------------------------------------- record

function encodeWith(record: ProgressRecord, savedAt: number, options: EncodeOptions): string {
  const lessons = Object.entries(record.lessons)
    .map(([id, lesson]) => {
      const seconds = options.keepSeconds && lesson.seconds > 0 ? encodeCount(lesson.seconds) : '';
      return `${escapeText(id)}:${LESSON_CODES[lesson.status]}${seconds}`;
    })
    .join(';');
  const checks = Object.entries(record.checks)
    .map(([id, check]) => encodeCheck(id, check, options))
    .join(';');
  const success = record.success ? `${record.success.status === 'passed' ? 'p' : 'f'}${encodeTime(record.success.at)}` : '';
  return [
    `P${SUSPEND_FORMAT_VERSION}`,
    encodeCount(Math.max(0, Math.floor(savedAt))),
    escapeText(record.courseId),
    escapeText(record.contentVersion),
    escapeText(record.currentLessonId),
    record.completedAt === null ? '' : encodeTime(record.completedAt),
    success,
    lessons,
    checks,
  ].join('|');
}

function longestText(record: ProgressRecord): number {
  let longest = 0;
  for (const check of Object.values(record.checks)) {
    for (const { answer } of Object.values(check.answers)) {
      longest = Math.max(longest, lmsOf(answer).codec.textLength(answer));
    }
  }
  return longest;
}

/**
 * Encodes a record for `cmi.suspend_data`, within `limit` characters.
 *
 * @example
 * const { text } = encodeSuspendData(toProgressRecord(context), { savedAt: Date.now() });
 * api.LMSSetValue('cmi.suspend_data', text);
 */
export function encodeSuspendData(
  record: ProgressRecord,
  { savedAt, limit = SUSPEND_DATA_LIMIT }: { savedAt: number; limit?: number },
): EncodeResult {
  const full = { keepAllAttempts: true, maxText: Infinity, keepSeconds: true };
  let text = encodeWith(record, savedAt, full);
  if (text.length <= limit) return { text, length: text.length, reduced: [] };

  const reduced: Reduction[] = ['attempts'];
  let options = { ...full, keepAllAttempts: false };
  text = encodeWith(record, savedAt, options);
  if (text.length <= limit) return { text, length: text.length, reduced };

  // Shorten text answers: the longest cap that fits (binary search).
  const longest = longestText(record);
  if (longest > 0) {
    reduced.push('text');
    let low = 0;
    let high = longest;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (encodeWith(record, savedAt, { ...options, maxText: mid }).length <= limit) low = mid;
      else high = mid - 1;
    }
    options = { ...options, maxText: low };
    text = encodeWith(record, savedAt, options);
    if (text.length <= limit) return { text, length: text.length, reduced };
  }

  reduced.push('seconds');
  text = encodeWith(record, savedAt, { ...options, keepSeconds: false });
  return text.length <= limit ? { text, length: text.length, reduced } : { text: null, length: text.length, reduced };
}

/**
 * Decodes suspend data written by {@link encodeSuspendData} (or a plain JSON record). The
 * result is unchecked: pass `record` to `parseProgressRecord`, which validates and migrates it.
 *
 * @example
 * const decoded = decodeSuspendData(api.GetValue('cmi.suspend_data'));
 * if (decoded.kind === 'ok') parseProgressRecord(decoded.record, course);
 */
export function decodeSuspendData(text: string): DecodeResult {
  if (text.trim() === '') return { kind: 'empty' };
  if (text.trimStart().startsWith('{')) {
    try {
      return { kind: 'ok', record: JSON.parse(text) as unknown, savedAt: null };
    } catch {
      return { kind: 'corrupt', reason: 'not JSON' };
    }
  }
  const version = /^P(\d+)\|/.exec(text)?.[1];
  if (version === undefined) return { kind: 'corrupt', reason: 'not suspend data of this player' };
  if (Number(version) !== SUSPEND_FORMAT_VERSION) return { kind: 'unsupported', version: Number(version) };
  try {
    const fields = text.slice(PREFIX.length).split('|');
    if (fields.length !== 8) throw new Error(`expected 9 fields, found ${fields.length + 1}`);
    const [savedAtText, courseId, contentVersion, current, completedAt, success, lessonText, checkText] = fields as [
      string, string, string, string, string, string, string, string,
    ];
    const lessons = dict<ProgressRecord['lessons'][string]>();
    for (const item of lessonText === '' ? [] : lessonText.split(';')) {
      const [id, value, extra] = item.split(':');
      const status = LESSON_STATUSES[value?.[0] ?? ''];
      if (id === undefined || value === undefined || extra !== undefined || status === undefined) throw new Error('bad lesson');
      lessons[unescapeText(id)] = { status, seconds: decodeCount(value.slice(1)) };
    }
    const checks = dict<SavedCheck>();
    for (const item of checkText === '' ? [] : checkText.split(';')) {
      const [id, check] = decodeCheck(item);
      checks[id] = check;
    }
    let successValue: ProgressRecord['success'] = null;
    if (success !== '') {
      if (success[0] !== 'p' && success[0] !== 'f') throw new Error('bad success');
      successValue = { status: success[0] === 'p' ? 'passed' : 'failed', at: decodeTime(success.slice(1)) };
    }
    const record = {
      // The record version this compact format encodes (parseProgressRecord migrates older ones).
      version: 1,
      courseId: unescapeText(courseId),
      contentVersion: unescapeText(contentVersion),
      currentLessonId: unescapeText(current),
      lessons,
      checks,
      completedAt: completedAt === '' ? null : decodeTime(completedAt),
      success: successValue,
    };
    return { kind: 'ok', record, savedAt: decodeCount(savedAtText) };
  } catch (error) {
    return { kind: 'corrupt', reason: error instanceof Error ? error.message : String(error) };
  }
}
