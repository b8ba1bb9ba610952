/**
 * The largest saved-progress record a course can produce, to prove that its suspend data fits
 * (tests, and `npm run package`, which refuses to build a package whose record could overflow).
 */
import type { CompiledCourse, Question } from '../../content/types.ts';
import type { ProgressRecord, SavedAnswer, SavedCheck } from '../../course/progress-record.ts';
import { gradeCheck, toAttemptResults } from '../../course/scoring.ts';
import type { Answer } from '../../course/types.ts';
import { longest } from '../../questions/kit.ts';
import { lmsOf } from '../../questions/lms.ts';
import { MAX_TEXT_ANSWER_LENGTH } from '../../questions/text/model.ts';

export interface WorstCaseOptions {
  /** Attempts per check (default 99; only the counted ones are kept when space runs short). */
  attempts?: number;
  /** Seconds recorded on every lesson (default 9,999,999: about 115 days). */
  seconds?: number;
  /** The answer to every text question (default: the longest allowed, all non-ASCII). */
  text?: string;
}

/** The answer whose saved form is longest, per its type's model. */
function worstAnswer(question: Question, text: string): Answer {
  return lmsOf(question).worstAnswer(question, text);
}

/**
 * Every lesson complete with a long time spent, the longest lesson id current, every check
 * submitted after many attempts (the best one not the last), every question answered with the
 * longest answer it allows, and a verdict.
 *
 * @example
 * encodeSuspendData(worstCaseRecord(course), { savedAt: Date.now() }).text!.length <= 4096
 */
export function worstCaseRecord(course: CompiledCourse, options: WorstCaseOptions = {}): ProgressRecord {
  const attempts = options.attempts ?? 99;
  const seconds = options.seconds ?? 9_999_999;
  const text = options.text ?? 'é'.repeat(MAX_TEXT_ANSWER_LENGTH);
  const at = (i: number) => new Date(Date.UTC(2099, 11, 31, 23, 59, 59, 999) - i * 1001).toISOString();

  const lessons: ProgressRecord['lessons'] = {};
  for (const lesson of course.lessons) lessons[lesson.id] = { status: 'complete', seconds };

  const checks: ProgressRecord['checks'] = {};
  for (const check of Object.values(course.checks)) {
    const answers: Record<string, SavedAnswer> = {};
    for (const q of check.questions) answers[q.id] = { fingerprint: q.fingerprint, answer: worstAnswer(q, text) };
    const saved: SavedCheck = { status: 'submitted', answers, attempts: [] };
    for (let i = 0; i < attempts; i += 1) {
      // The middle attempt is the best; the others alternate right and wrong answers, and the
      // last one graded the answers the check holds (as the player always saves it).
      const best = i === Math.floor(attempts / 2);
      const last = i === attempts - 1;
      saved.attempts.push({
        submittedAt: at(attempts - i),
        results: last
          ? toAttemptResults(check, gradeCheck(check, Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, a.answer]))))
          : Object.fromEntries(
              check.questions.map((q, n) => [q.id, { fingerprint: q.fingerprint, correct: best || (n + i) % 2 === 0 }]),
            ),
      });
    }
    checks[check.id] = saved;
  }

  return {
    version: 1,
    courseId: course.id,
    contentVersion: course.contentVersion,
    currentLessonId: longest(course.lessons.map((l) => l.id)),
    lessons,
    checks,
    completedAt: at(0),
    success: { status: 'failed', at: at(0) },
  };
}
