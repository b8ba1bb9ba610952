/**
 * Pure functions for answers and scores. No state, no side effects: the machine, the
 * selectors and the saved-record migration all call these, so a rule lives in one place.
 */
import type {
  CompiledCourse,
  KnowledgeCheck,
  Question,
  RetryScorePolicy,
} from '../content/types.ts';
import { isRecord, type Grading } from '../questions/kit.ts';
import { answerFor, modelOf } from '../questions/models.ts';
import type { Answer, CheckAttempt, CheckProgress, QuestionOutcome } from './types.ts';

/**
 * Checks that `value` is a well-formed answer to `question` (right type, known option /
 * prompt / target ids) and returns a clean copy, or `null`. Partial matching answers and
 * empty selections are valid (they are simply not "answered" yet, see {@link isAnswered}).
 *
 * @example
 * toValidAnswer(yesNoQuestion, { type: 'yesno', value: 'yes' }) // → { type: 'yesno', value: 'yes' }
 * toValidAnswer(yesNoQuestion, { type: 'yesno', value: 'maybe' }) // → null
 */
export function toValidAnswer(question: Question, value: unknown): Answer | null {
  if (!isRecord(value) || value.type !== question.type) return null;
  return modelOf(question).toValidAnswer(question, value);
}

/**
 * Whether `answer` is a complete answer to `question`: a choice is made, at least one
 * option is selected, the text is not blank, every matching prompt has a target.
 *
 * @example
 * isAnswered(matchingQuestion, { type: 'matching', pairs: { a: 'x' } }) // → false if there is a prompt b
 */
export function isAnswered(question: Question, answer: Answer | undefined): boolean {
  const given = answerFor(question, answer);
  return given !== undefined && modelOf(question).isAnswered(question, given);
}

/** Ids of the questions of `check` that have no complete answer yet, in question order. */
export function unansweredQuestionIds(
  check: KnowledgeCheck,
  answers: Readonly<Record<string, Answer>>,
): string[] {
  return check.questions.filter((q) => !isAnswered(q, answers[q.id])).map((q) => q.id);
}

/**
 * The grading of one answer. The words that go with it are in the check's `CheckText`; the
 * type's own part (correct, chosen options, per-pair and per-option marks) is its model's {@link Grading}.
 */
export interface QuestionResult extends Grading {
  questionId: string;
  /** Which of the question's two feedback texts applies. */
  feedback: 'correct' | 'incorrect';
  /** A correct answer, to show the learner after a wrong one (for text entry: the first accepted answer). */
  correctAnswer: Answer;
  /** The lesson to review for this question. */
  reviewLessonId: string;
}

/** The answer the question expects, in the same shape as a learner's answer. */
export function correctAnswerOf(question: Question): Answer {
  return modelOf(question).correctAnswer(question);
}

/**
 * Grades one answer. An answer of the wrong type or a missing answer is incorrect. Text is
 * compared with `normalizeText` (questions/text/model.ts); multiple response needs exactly the correct options;
 * matching needs every pair right.
 *
 * @example
 * gradeQuestion(textQuestion, { type: 'text', text: ' Mutuality ' }).correct // → true if "mutuality" is accepted
 */
export function gradeQuestion(question: Question, answer: Answer | undefined): QuestionResult {
  const { correct, chosenOptionIds, ...extra } = modelOf(question).grade(question, answerFor(question, answer));
  return {
    questionId: question.id,
    correct,
    feedback: correct ? 'correct' : 'incorrect',
    chosenOptionIds,
    correctAnswer: correctAnswerOf(question),
    reviewLessonId: question.reviewLessonId,
    ...extra,
  };
}

/** The grading of a whole check for a set of answers. */
export interface CheckGrade {
  results: QuestionResult[];
  /** Number of correct answers. */
  score: number;
  /** Number of questions. */
  max: number;
}

/**
 * Grades every question of `check` against `answers`.
 *
 * @example
 * const { score, max } = gradeCheck(check, progress.answers);
 */
export function gradeCheck(check: KnowledgeCheck, answers: Readonly<Record<string, Answer>>): CheckGrade {
  const results = check.questions.map((q) => gradeQuestion(q, answers[q.id]));
  return { results, score: results.filter((r) => r.correct).length, max: check.questions.length };
}

/** The per-question outcomes stored in an attempt, from a grading. */
export function toAttemptResults(check: KnowledgeCheck, grade: CheckGrade): Record<string, QuestionOutcome> {
  const results: Record<string, QuestionOutcome> = {};
  check.questions.forEach((q, i) => {
    results[q.id] = { fingerprint: q.fingerprint, correct: grade.results[i]?.correct === true };
  });
  return results;
}

/**
 * The score of a stored attempt against the check as it is now: a question counts only when
 * the attempt answered it correctly *and* its fingerprint still matches.
 */
export function attemptScore(check: KnowledgeCheck, attempt: CheckAttempt): number {
  let score = 0;
  for (const q of check.questions) {
    const outcome = attempt.results[q.id];
    if (outcome !== undefined && outcome.correct && outcome.fingerprint === q.fingerprint) score += 1;
  }
  return score;
}

/** The attempt whose score counts under `policy`, with its 0-based index; `null` before any. */
export function countedAttempt(
  check: KnowledgeCheck,
  attempts: readonly CheckAttempt[],
  policy: RetryScorePolicy,
): { index: number; score: number } | null {
  if (attempts.length === 0) return null;
  if (policy === 'last') {
    const index = attempts.length - 1;
    return { index, score: attemptScore(check, attempts[index] as CheckAttempt) };
  }
  let best = { index: 0, score: -1 };
  attempts.forEach((attempt, index) => {
    const score = attemptScore(check, attempt);
    if (score >= best.score) best = { index, score };
  });
  return best;
}

/** A check's counted score. `score` is 0 while there is no attempt. */
export interface CheckScore {
  score: number;
  max: number;
  attempts: number;
  /** 0-based index of the attempt that counts, `null` before the first submission. */
  countedAttemptIndex: number | null;
}

/** The counted score of one check under the course's retry policy. */
export function checkScore(
  check: KnowledgeCheck,
  progress: CheckProgress | undefined,
  policy: RetryScorePolicy,
): CheckScore {
  const attempts = progress?.attempts ?? [];
  const counted = countedAttempt(check, attempts, policy);
  return {
    score: counted?.score ?? 0,
    max: check.questions.length,
    attempts: attempts.length,
    countedAttemptIndex: counted?.index ?? null,
  };
}

/** The course's score: correct answers of counted attempts over all questions of all checks. */
export interface CourseScore {
  score: number;
  max: number;
  /** `floor(score / max * 100)`; 100 when the course has no questions. */
  percent: number;
}

/**
 * The course score. Unsubmitted checks count 0 for their questions.
 *
 * @example
 * courseScore(course, context.checks) // → { score: 7, max: 10, percent: 70 }
 */
export function courseScore(
  course: CompiledCourse,
  checks: Readonly<Record<string, CheckProgress>>,
): CourseScore {
  let score = 0;
  let max = 0;
  for (const check of Object.values(course.checks)) {
    const s = checkScore(check, checks[check.id], course.completion.retryScore);
    score += s.score;
    max += s.max;
  }
  return { score, max, percent: scorePercent(score, max) };
}

/** `floor(score / max * 100)`, clamped to 0..100; 100 when `max` is 0. */
export function scorePercent(score: number, max: number): number {
  if (max <= 0) return 100;
  return Math.min(100, Math.max(0, Math.floor((score * 100) / max)));
}

/** Whether the course score reaches `completion.passingScore`; `null` when the course has none. */
export function meetsPassingScore(
  course: CompiledCourse,
  checks: Readonly<Record<string, CheckProgress>>,
): boolean | null {
  const { passingScore } = course.completion;
  if (passingScore === undefined) return null;
  return courseScore(course, checks).percent >= passingScore;
}
