/**
 * The saved-progress record: a small, versioned JSON document, deliberately NOT the XState
 * snapshot, so that a saved record survives changes to the machine and to the course.
 *
 * Answers and per-question results carry the question's `fingerprint`; when the course
 * changes, `parseProgressRecord` keeps what still matches and lists what it dropped.
 */
import type { CompiledCourse, KnowledgeCheck } from '../content/types.ts';
import { checkLessonId } from './progress.ts';
import { gradeCheck, isAnswered, toAttemptResults, toValidAnswer } from './scoring.ts';
import type {
  Answer,
  CheckStatus,
  CourseContext,
  CourseSuccess,
  LessonStatus,
  QuestionOutcome,
} from './types.ts';

/** The record format's version. Bump it (and add a migration) when the shape changes. */
export const PROGRESS_RECORD_VERSION = 1;

export interface SavedAnswer {
  /** Fingerprint of the question the answer was given to. */
  fingerprint: string;
  answer: Answer;
}

export interface SavedAttempt {
  submittedAt: string;
  results: Record<string, QuestionOutcome>;
}

export interface SavedCheck {
  status: CheckStatus;
  answers: Record<string, SavedAnswer>;
  attempts: SavedAttempt[];
}

/**
 * Saved progress, version 1. Lessons that were never opened and never timed, and checks that
 * were never touched, are left out to keep the record small.
 *
 * @example
 * {
 *   "version": 1, "courseId": "peer-worker-support", "contentVersion": "3f2a…",
 *   "currentLessonId": "sharing",
 *   "lessons": { "welcome": { "status": "complete", "seconds": 42 } },
 *   "checks": { "roles": { "status": "submitted",
 *     "answers": { "q1": { "fingerprint": "a1b2", "answer": { "type": "single", "optionId": "c" } } },
 *     "attempts": [{ "submittedAt": "2025-01-01T10:00:00.000Z",
 *                    "results": { "q1": { "fingerprint": "a1b2", "correct": true } } }] } },
 *   "completedAt": null, "success": null
 * }
 */
export interface ProgressRecord {
  version: typeof PROGRESS_RECORD_VERSION;
  courseId: string;
  contentVersion: string;
  currentLessonId: string;
  lessons: Record<string, { status: LessonStatus; seconds: number }>;
  checks: Record<string, SavedCheck>;
  /** ISO 8601 time the course was completed, or `null`. */
  completedAt: string | null;
  success: CourseSuccess | null;
}

/**
 * The record for a machine context.
 *
 * @example
 * store.save(toProgressRecord(actor.getSnapshot().context));
 */
export function toProgressRecord(context: CourseContext): ProgressRecord {
  const { course } = context;
  const lessons: ProgressRecord['lessons'] = {};
  for (const lesson of course.lessons) {
    const progress = context.lessons[lesson.id];
    if (progress !== undefined && (progress.status !== 'not-started' || progress.seconds > 0)) {
      lessons[lesson.id] = { status: progress.status, seconds: progress.seconds };
    }
  }
  const checks: ProgressRecord['checks'] = {};
  for (const check of Object.values(course.checks)) {
    const progress = context.checks[check.id];
    if (progress === undefined) continue;
    const answers: Record<string, SavedAnswer> = {};
    for (const question of check.questions) {
      const answer = progress.answers[question.id];
      if (answer !== undefined) answers[question.id] = { fingerprint: question.fingerprint, answer };
    }
    if (progress.status === 'answering' && progress.attempts.length === 0 && Object.keys(answers).length === 0) {
      continue;
    }
    checks[check.id] = {
      status: progress.status,
      answers,
      attempts: progress.attempts.map((a) => ({ submittedAt: a.submittedAt, results: { ...a.results } })),
    };
  }
  return {
    version: PROGRESS_RECORD_VERSION,
    courseId: course.id,
    contentVersion: course.contentVersion,
    currentLessonId: context.currentLessonId,
    lessons,
    checks,
    completedAt: context.completedAt,
    success: context.success,
  };
}

/**
 * Why a saved record cannot be used at all: it is not a record of this player (`corrupt`),
 * it belongs to another course, or it was written by a newer version of the player.
 */
export type RejectReason = 'corrupt' | 'foreign-course' | 'unsupported-version';

/**
 * One thing `parseProgressRecord` could not keep. The UI words these (restore-losses.ts and
 * the `restore.dropped.*` messages); `-gone` and `-changed` items happen when the course
 * content changed, the others when the record itself was damaged.
 */
export type DroppedItem =
  /** Saved progress for a lesson that is not in the course (content changed). */
  | { kind: 'lesson-gone'; lessonId: string }
  /** A lesson's saved progress could not be read. */
  | { kind: 'lesson-unreadable'; lessonId: string }
  /** A lesson's saved time could not be read and was reset; its status was kept. */
  | { kind: 'time-unreadable'; lessonId: string }
  /** Saved answers for a check that is not in the course (content changed). */
  | { kind: 'check-gone'; checkId: string }
  /** A check's saved answers could not be read at all. */
  | { kind: 'check-unreadable'; checkId: string }
  /** One or more saved attempts at a check could not be read. */
  | { kind: 'attempt-unreadable'; checkId: string }
  /** A saved answer or result for a question that is no longer in the check (content changed). */
  | { kind: 'question-gone'; checkId: string; questionId: string }
  /** The question changed, so its saved answer was cleared (content changed). */
  | { kind: 'answer-changed'; checkId: string; questionId: string }
  /** The saved answer to a question could not be read. */
  | { kind: 'answer-unreadable'; checkId: string; questionId: string }
  /** The question changed, so earlier results for it no longer count (content changed). */
  | { kind: 'results-changed'; checkId: string; questionId: string }
  /** A submitted check is open for answering again. */
  | { kind: 'reopened'; checkId: string }
  /** The saved completion or pass/fail could not be read; it is decided again from progress. */
  | { kind: 'completion-unreadable' }
  /** Saved items that are not in the course although the course did not change: damage. */
  | { kind: 'unknown-item' };

/** Whether a dropped item says the record was damaged (as opposed to the content having changed). */
export function isDamage(item: DroppedItem): boolean {
  return !['lesson-gone', 'check-gone', 'question-gone', 'answer-changed', 'results-changed', 'reopened'].includes(item.kind);
}

export type ParseResult =
  /**
   * The record, checked against the course and migrated to its current content version.
   * `dropped` lists what could not be kept (empty when nothing was lost); `damaged` says some
   * of it was lost because the record itself could not be read, not because the course changed.
   */
  | {
      kind: 'ok';
      record: ProgressRecord;
      dropped: DroppedItem[];
      damaged: boolean;
      /** The record was saved against other course content than the course's current one. */
      contentChanged: boolean;
      previousContentVersion: string;
    }
  /** Nothing was saved. */
  | { kind: 'fresh' }
  /** The record is unusable; `raw` is what was given, to be kept aside. */
  | { kind: 'rejected'; reason: RejectReason; raw: unknown };

/** Most seconds one lesson's saved time may hold (a year); more is damage. */
export const MAX_SAVED_LESSON_SECONDS = 366 * 24 * 60 * 60;
/** Most attempts kept per check; more is damage (the latest are kept). */
export const MAX_SAVED_ATTEMPTS = 1000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own enumerable entries only (never the prototype's), also for null-prototype objects. */
function ownEntries(value: Record<string, unknown>): [string, unknown][] {
  return Object.entries(value);
}

/** An object with no prototype, so that no saved id can reach `Object.prototype`. */
function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Whether `value` is an ISO 8601 time that parses (what the player writes). */
export function isValidTime(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 40 && Number.isFinite(Date.parse(value));
}

const LESSON_STATUSES: readonly string[] = ['not-started', 'in-progress', 'complete'];

function isOutcome(value: unknown): value is QuestionOutcome {
  return isRecord(value) && typeof value.fingerprint === 'string' && typeof value.correct === 'boolean';
}

/** Accumulates dropped items without duplicates. */
class DropList {
  private readonly items = new Map<string, DroppedItem>();
  /** `contentChanged`: whether the record was saved against other content than the course's. */
  constructor(private readonly contentChanged: boolean) {}
  add(item: DroppedItem): void {
    // The same content cannot have lost a lesson, a check or a question: that is damage.
    const damaged = !this.contentChanged && ['lesson-gone', 'check-gone', 'question-gone'].includes(item.kind);
    const changed = !this.contentChanged && (item.kind === 'answer-changed' || item.kind === 'results-changed');
    let kept = item;
    if (damaged) kept = { kind: 'unknown-item' };
    else if (changed && 'questionId' in item) {
      kept =
        item.kind === 'answer-changed'
          ? { kind: 'answer-unreadable', checkId: item.checkId, questionId: item.questionId }
          : { kind: 'attempt-unreadable', checkId: item.checkId };
    }
    this.items.set(JSON.stringify(kept), kept);
  }
  list(): DroppedItem[] {
    return [...this.items.values()];
  }
}

function sameResults(a: Record<string, QuestionOutcome>, b: Record<string, QuestionOutcome>): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => Object.hasOwn(b, k) && b[k]!.correct === a[k]!.correct && b[k]!.fingerprint === a[k]!.fingerprint)
  );
}

function migrateCheck(check: KnowledgeCheck, raw: unknown, dropped: DropList): SavedCheck | null {
  const checkId = check.id;
  if (
    !isRecord(raw) ||
    (raw.status !== 'answering' && raw.status !== 'submitted') ||
    !isRecord(raw.answers) ||
    !Array.isArray(raw.attempts)
  ) {
    dropped.add({ kind: 'check-unreadable', checkId });
    return null;
  }
  const questions = new Map(check.questions.map((q) => [q.id, q]));

  let lostAnswer = false;
  const answers = dict<SavedAnswer>();
  for (const [questionId, saved] of ownEntries(raw.answers)) {
    const question = questions.get(questionId);
    if (question === undefined) {
      dropped.add({ kind: 'question-gone', checkId, questionId });
      lostAnswer = true;
      continue;
    }
    if (!isRecord(saved) || typeof saved.fingerprint !== 'string') {
      dropped.add({ kind: 'answer-unreadable', checkId, questionId });
      lostAnswer = true;
      continue;
    }
    if (saved.fingerprint !== question.fingerprint) {
      dropped.add({ kind: 'answer-changed', checkId, questionId });
      lostAnswer = true;
      continue;
    }
    const answer = toValidAnswer(question, saved.answer);
    if (answer === null) {
      dropped.add({ kind: 'answer-unreadable', checkId, questionId });
      lostAnswer = true;
      continue;
    }
    answers[questionId] = { fingerprint: question.fingerprint, answer };
  }

  let rawAttempts: unknown[] = raw.attempts;
  if (rawAttempts.length > MAX_SAVED_ATTEMPTS) {
    dropped.add({ kind: 'attempt-unreadable', checkId });
    rawAttempts = rawAttempts.slice(-MAX_SAVED_ATTEMPTS);
  }
  const attempts: SavedAttempt[] = [];
  for (const attempt of rawAttempts) {
    if (!isRecord(attempt) || !isValidTime(attempt.submittedAt) || !isRecord(attempt.results)) {
      dropped.add({ kind: 'attempt-unreadable', checkId });
      continue;
    }
    const results = dict<QuestionOutcome>();
    for (const [questionId, outcome] of ownEntries(attempt.results)) {
      const question = questions.get(questionId);
      if (question === undefined) {
        dropped.add({ kind: 'question-gone', checkId, questionId });
      } else if (!isOutcome(outcome)) {
        dropped.add({ kind: 'attempt-unreadable', checkId });
      } else if (outcome.fingerprint !== question.fingerprint) {
        dropped.add({ kind: 'results-changed', checkId, questionId });
      } else {
        results[questionId] = { fingerprint: outcome.fingerprint, correct: outcome.correct };
      }
    }
    attempts.push({ submittedAt: attempt.submittedAt, results });
  }

  let status: CheckStatus = raw.status;
  if (status === 'submitted') {
    const complete = attempts.length > 0 && check.questions.every((q) => isAnswered(q, answers[q.id]?.answer));
    // A submitted check shows its last attempt's results for the answers it holds: when they
    // disagree (a tampered record), the check is opened for answering again.
    const last = attempts[attempts.length - 1];
    const plain = Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, a.answer]));
    const consistent = complete && last !== undefined && sameResults(toAttemptResults(check, gradeCheck(check, plain)), last.results);
    if (lostAnswer || !complete || !consistent) {
      status = 'answering';
      if (complete && !lostAnswer && !consistent) dropped.add({ kind: 'attempt-unreadable', checkId });
      dropped.add({ kind: 'reopened', checkId });
    }
  }
  return { status, answers, attempts };
}

/**
 * Checks a saved record against the course and migrates it to the course's current content:
 * lessons, checks and answers that still exist (answers: same question fingerprint) are
 * kept; the rest are dropped and listed in `dropped`. A submitted check that lost answers
 * goes back to `answering` with the valid answers kept.
 *
 * The record is untrusted input (local storage, an LMS's suspend data): every id is looked up
 * as an own property or in a `Map`, every field's type and range is checked (times parse,
 * seconds are finite and bounded), what is invalid is dropped and the rest kept. Never throws.
 *
 * `json` may be the parsed value or the stored text (a string is parsed first; a string that
 * is not JSON is a corrupt record).
 *
 * @example
 * const result = parseProgressRecord(store.load().json, course);
 * if (result.kind === 'ok') createActor(createCourseMachine(course), { input: { record: result.record } });
 */
export function parseProgressRecord(json: unknown, course: CompiledCourse): ParseResult {
  const raw = json;
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return { kind: 'rejected', reason: 'corrupt', raw };
    }
  }
  if (value === null || value === undefined) return { kind: 'fresh' };
  if (!isRecord(value) || !Object.hasOwn(value, 'version')) return { kind: 'rejected', reason: 'corrupt', raw };
  const { version } = value;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    return { kind: 'rejected', reason: 'corrupt', raw };
  }
  if (version !== PROGRESS_RECORD_VERSION) return { kind: 'rejected', reason: 'unsupported-version', raw };
  if (typeof value.courseId !== 'string') return { kind: 'rejected', reason: 'corrupt', raw };
  if (value.courseId !== course.id) return { kind: 'rejected', reason: 'foreign-course', raw };

  // The record's skeleton must be the player's; the values inside are checked one by one.
  const own = (key: string): unknown => (Object.hasOwn(value, key) ? value[key] : undefined);
  const contentVersion = own('contentVersion');
  const savedCurrent = own('currentLessonId');
  const lessons = own('lessons');
  const checks = own('checks');
  const savedCompletedAt = own('completedAt');
  const savedSuccess = own('success');
  if (
    typeof contentVersion !== 'string' ||
    typeof savedCurrent !== 'string' ||
    !isRecord(lessons) ||
    !isRecord(checks) ||
    (savedCompletedAt !== null && typeof savedCompletedAt !== 'string') ||
    (savedSuccess !== null &&
      !(isRecord(savedSuccess) && (savedSuccess.status === 'passed' || savedSuccess.status === 'failed') && typeof savedSuccess.at === 'string'))
  ) {
    return { kind: 'rejected', reason: 'corrupt', raw };
  }
  const contentChanged = contentVersion !== course.contentVersion;
  const dropped = new DropList(contentChanged);

  const lessonIds = new Set(course.lessons.map((l) => l.id));
  const savedLessons = dict<ProgressRecord['lessons'][string]>();
  for (const [lessonId, saved] of ownEntries(lessons)) {
    if (!lessonIds.has(lessonId)) {
      dropped.add({ kind: 'lesson-gone', lessonId });
    } else if (!isRecord(saved) || typeof saved.status !== 'string' || !LESSON_STATUSES.includes(saved.status)) {
      dropped.add({ kind: 'lesson-unreadable', lessonId });
    } else {
      const { seconds } = saved;
      const validSeconds =
        typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 && seconds <= MAX_SAVED_LESSON_SECONDS;
      if (!validSeconds) dropped.add({ kind: 'time-unreadable', lessonId });
      savedLessons[lessonId] = { status: saved.status as LessonStatus, seconds: validSeconds ? seconds : 0 };
    }
  }

  const savedChecks = dict<SavedCheck>();
  for (const [checkId, saved] of ownEntries(checks)) {
    const check = Object.hasOwn(course.checks, checkId) ? course.checks[checkId] : undefined;
    if (check === undefined) {
      dropped.add({ kind: 'check-gone', checkId });
      continue;
    }
    const migrated = migrateCheck(check, saved, dropped);
    if (migrated !== null) savedChecks[checkId] = migrated;
  }

  // A check's lesson is complete exactly when the check has been submitted at least once.
  for (const check of Object.values(course.checks)) {
    const lessonId = checkLessonId(course, check.id);
    if (lessonId === null || !lessonIds.has(lessonId)) continue;
    const attempted = (savedChecks[check.id]?.attempts.length ?? 0) > 0;
    const lesson = savedLessons[lessonId];
    if (attempted && lesson?.status !== 'complete') {
      savedLessons[lessonId] = { status: 'complete', seconds: lesson?.seconds ?? 0 };
    } else if (!attempted && lesson?.status === 'complete') {
      dropped.add({ kind: 'lesson-unreadable', lessonId });
      savedLessons[lessonId] = { status: 'in-progress', seconds: lesson.seconds };
    }
  }

  const first = course.lessons[0]?.id ?? '';
  let current = first;
  if (lessonIds.has(savedCurrent)) current = savedCurrent;
  else dropped.add({ kind: 'lesson-gone', lessonId: savedCurrent });

  let completedAt: string | null = null;
  if (isValidTime(savedCompletedAt)) completedAt = savedCompletedAt;
  else if (savedCompletedAt !== null) dropped.add({ kind: 'completion-unreadable' });

  let success: CourseSuccess | null = null;
  if (savedSuccess !== null && isValidTime(savedSuccess.at)) {
    // A verdict belongs to a completed course; without completion it is decided again.
    if (completedAt !== null) success = { status: savedSuccess.status as CourseSuccess['status'], at: savedSuccess.at };
  } else if (savedSuccess !== null) {
    dropped.add({ kind: 'completion-unreadable' });
  }

  const list = dropped.list();
  return {
    kind: 'ok',
    record: {
      version: PROGRESS_RECORD_VERSION,
      courseId: course.id,
      contentVersion: course.contentVersion,
      currentLessonId: current,
      lessons: { ...savedLessons },
      checks: { ...savedChecks },
      completedAt,
      success,
    },
    dropped: list,
    damaged: list.some(isDamage),
    contentChanged,
    previousContentVersion: contentVersion,
  };
}
