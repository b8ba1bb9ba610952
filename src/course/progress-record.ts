/**
 * The saved-progress record: a small, versioned JSON document, deliberately NOT the XState
 * snapshot, so that a saved record survives changes to the machine and to the course.
 *
 * Answers and per-question results carry the question's `fingerprint`; when the course
 * changes, `parseProgressRecord` keeps what still matches and lists what it dropped.
 */
import type { CompiledCourse, KnowledgeCheck } from '../content/types.ts';
import { toValidAnswer, isAnswered } from './scoring.ts';
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

/** Why a saved record cannot be used at all. */
export type RejectReason = 'corrupt' | 'foreign-course' | 'unsupported-version';

export type ParseResult =
  /**
   * The record, checked against the course and migrated to its current content version.
   * `dropped` lists, in plain words, what could not be kept (empty when nothing was lost).
   */
  | { kind: 'ok'; record: ProgressRecord; dropped: string[]; previousContentVersion: string }
  /** Nothing was saved. */
  | { kind: 'fresh' }
  /** The record is unusable; `raw` is what was given, to be kept aside. */
  | { kind: 'rejected'; reason: RejectReason; raw: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const LESSON_STATUSES: readonly string[] = ['not-started', 'in-progress', 'complete'];

function isSuccess(value: unknown): value is CourseSuccess {
  return isRecord(value) && (value.status === 'passed' || value.status === 'failed') && typeof value.at === 'string';
}

function isOutcome(value: unknown): value is QuestionOutcome {
  return isRecord(value) && typeof value.fingerprint === 'string' && typeof value.correct === 'boolean';
}

/** Accumulates human-readable "dropped" lines without duplicates. */
class DropList {
  private readonly lines = new Set<string>();
  add(line: string): void {
    this.lines.add(line);
  }
  list(): string[] {
    return [...this.lines];
  }
}

function migrateCheck(check: KnowledgeCheck, raw: unknown, dropped: DropList): SavedCheck | null {
  const label = `knowledge check "${check.id}"`;
  if (
    !isRecord(raw) ||
    (raw.status !== 'answering' && raw.status !== 'submitted') ||
    !isRecord(raw.answers) ||
    !Array.isArray(raw.attempts)
  ) {
    dropped.add(`${label}: saved answers could not be read`);
    return null;
  }
  const questions = new Map(check.questions.map((q) => [q.id, q]));
  const questionGone = (qid: string): string => `question "${qid}" of ${label} no longer exists`;
  const questionChanged = (qid: string): string => `question "${qid}" of ${label} has changed; its saved answer was dropped`;

  let lostAnswer = false;
  const answers: Record<string, SavedAnswer> = {};
  for (const [qid, saved] of Object.entries(raw.answers)) {
    const question = questions.get(qid);
    if (question === undefined) {
      dropped.add(questionGone(qid));
      lostAnswer = true;
      continue;
    }
    if (!isRecord(saved) || typeof saved.fingerprint !== 'string') {
      dropped.add(`answer to question "${qid}" of ${label} could not be read`);
      lostAnswer = true;
      continue;
    }
    if (saved.fingerprint !== question.fingerprint) {
      dropped.add(questionChanged(qid));
      lostAnswer = true;
      continue;
    }
    const answer = toValidAnswer(question, saved.answer);
    if (answer === null) {
      dropped.add(`answer to question "${qid}" of ${label} could not be read`);
      lostAnswer = true;
      continue;
    }
    answers[qid] = { fingerprint: question.fingerprint, answer };
  }

  const attempts: SavedAttempt[] = [];
  for (const attempt of raw.attempts) {
    if (!isRecord(attempt) || typeof attempt.submittedAt !== 'string' || !isRecord(attempt.results)) {
      dropped.add(`an attempt at ${label} could not be read`);
      continue;
    }
    const results: Record<string, QuestionOutcome> = {};
    for (const [qid, outcome] of Object.entries(attempt.results)) {
      const question = questions.get(qid);
      if (question === undefined) {
        dropped.add(questionGone(qid));
      } else if (!isOutcome(outcome)) {
        dropped.add(`an attempt at ${label} could not be read`);
      } else if (outcome.fingerprint !== question.fingerprint) {
        dropped.add(`question "${qid}" of ${label} has changed; earlier results for it no longer count`);
      } else {
        results[qid] = { fingerprint: outcome.fingerprint, correct: outcome.correct };
      }
    }
    attempts.push({ submittedAt: attempt.submittedAt, results });
  }

  let status: CheckStatus = raw.status;
  if (status === 'submitted') {
    const complete = attempts.length > 0 && check.questions.every((q) => isAnswered(q, answers[q.id]?.answer));
    if (lostAnswer || !complete) {
      status = 'answering';
      dropped.add(`${label} was reopened for answering because its questions changed`);
    }
  }
  return { status, answers, attempts };
}

/**
 * Checks a saved record against the course and migrates it to the course's current content:
 * lessons, checks and answers that still exist (answers: same question fingerprint) are
 * kept; the rest are dropped and listed in `dropped`. A submitted check that lost answers
 * goes back to `answering` with the valid answers kept. Never throws.
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
  if (!isRecord(value) || !('version' in value)) return { kind: 'rejected', reason: 'corrupt', raw };
  if (typeof value.version !== 'number') return { kind: 'rejected', reason: 'corrupt', raw };
  if (value.version !== PROGRESS_RECORD_VERSION) return { kind: 'rejected', reason: 'unsupported-version', raw };
  if (typeof value.courseId !== 'string') return { kind: 'rejected', reason: 'corrupt', raw };
  if (value.courseId !== course.id) return { kind: 'rejected', reason: 'foreign-course', raw };
  const { contentVersion, currentLessonId, lessons, checks, completedAt, success } = value;
  if (
    typeof contentVersion !== 'string' ||
    typeof currentLessonId !== 'string' ||
    !isRecord(lessons) ||
    !isRecord(checks) ||
    (completedAt !== null && typeof completedAt !== 'string') ||
    (success !== null && !isSuccess(success))
  ) {
    return { kind: 'rejected', reason: 'corrupt', raw };
  }

  const dropped = new DropList();
  const lessonIds = new Set(course.lessons.map((l) => l.id));
  const savedLessons: ProgressRecord['lessons'] = {};
  for (const [id, saved] of Object.entries(lessons)) {
    if (!lessonIds.has(id)) {
      dropped.add(`lesson "${id}" no longer exists`);
    } else if (
      !isRecord(saved) ||
      typeof saved.status !== 'string' ||
      !LESSON_STATUSES.includes(saved.status) ||
      typeof saved.seconds !== 'number' ||
      !Number.isFinite(saved.seconds) ||
      saved.seconds < 0
    ) {
      dropped.add(`progress of lesson "${id}" could not be read`);
    } else {
      savedLessons[id] = { status: saved.status as LessonStatus, seconds: saved.seconds };
    }
  }

  const savedChecks: ProgressRecord['checks'] = {};
  for (const [id, saved] of Object.entries(checks)) {
    const check = course.checks[id];
    if (check === undefined) {
      dropped.add(`knowledge check "${id}" no longer exists`);
      continue;
    }
    const migrated = migrateCheck(check, saved, dropped);
    if (migrated !== null) savedChecks[id] = migrated;
  }

  let current = currentLessonId;
  if (!lessonIds.has(current)) {
    dropped.add(`lesson "${current}" no longer exists`);
    current = course.lessons[0]?.id ?? current;
  }

  return {
    kind: 'ok',
    record: {
      version: PROGRESS_RECORD_VERSION,
      courseId: course.id,
      contentVersion: course.contentVersion,
      currentLessonId: current,
      lessons: savedLessons,
      checks: savedChecks,
      completedAt,
      success: success as CourseSuccess | null,
    },
    dropped: dropped.list(),
    previousContentVersion: contentVersion,
  };
}
