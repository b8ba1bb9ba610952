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
import type { Answer, CheckAttempt, CheckProgress, QuestionOutcome } from './types.ts';

/** Longest text answer kept (characters); longer input is not a valid answer. */
export const MAX_TEXT_ANSWER_LENGTH = 2000;

const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u02BB\u02BC\u0060\u00B4\u2032\uFF07]/g;

/** Quotes around an answer, and punctuation after it, that do not change what was answered. */
const SURROUNDING_QUOTES = /^["'“”„‟«»‹›]+|["'“”„‟«»‹›]+$/gu;
const TRAILING_PUNCTUATION = /[.,;:!?…。]+$/u;

/**
 * Normalises free text for comparison: Unicode NFKC, curly/straight apostrophes unified,
 * trimmed, internal white space collapsed to one space, lower-cased, and quotes around it and
 * punctuation after it removed (`“Compassion.”` is the answer `compassion`).
 *
 * @example
 * normalizeText('  Peer’s   SUPPORT ') // → "peer's support"
 * normalizeText('"compassion."') // → "compassion"
 */
export function normalizeText(text: string): string {
  let value = text.normalize('NFKC').replace(APOSTROPHES, "'").replace(/\s+/gu, ' ').trim().toLowerCase();
  for (let previous = ''; previous !== value; ) {
    previous = value;
    value = value.replace(SURROUNDING_QUOTES, '').replace(TRAILING_PUNCTUATION, '').trim();
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
  switch (question.type) {
    case 'single': {
      const { optionId } = value;
      return typeof optionId === 'string' && question.options.some((o) => o.id === optionId)
        ? { type: 'single', optionId }
        : null;
    }
    case 'multiple': {
      const { optionIds } = value;
      if (!Array.isArray(optionIds)) return null;
      const known = new Set(question.options.map((o) => o.id));
      const ids: string[] = [];
      for (const id of optionIds) {
        if (typeof id !== 'string' || !known.has(id) || ids.includes(id)) return null;
        ids.push(id);
      }
      return { type: 'multiple', optionIds: ids };
    }
    case 'yesno':
      return value.value === 'yes' || value.value === 'no' ? { type: 'yesno', value: value.value } : null;
    case 'text':
      return typeof value.text === 'string' && value.text.length <= MAX_TEXT_ANSWER_LENGTH
        ? { type: 'text', text: value.text }
        : null;
    case 'matching': {
      const { pairs } = value;
      if (!isRecord(pairs)) return null;
      const prompts = new Set(question.prompts.map((p) => p.id));
      const targets = new Set(question.targets.map((t) => t.id));
      const clean: Record<string, string> = {};
      for (const [promptId, targetId] of Object.entries(pairs)) {
        if (!prompts.has(promptId) || typeof targetId !== 'string' || !targets.has(targetId)) {
          return null;
        }
        clean[promptId] = targetId;
      }
      return { type: 'matching', pairs: clean };
    }
  }
}

/**
 * Whether `answer` is a complete answer to `question`: a choice is made, at least one
 * option is selected, the text is not blank, every matching prompt has a target.
 *
 * @example
 * isAnswered(matchingQuestion, { type: 'matching', pairs: { a: 'x' } }) // → false if there is a prompt b
 */
export function isAnswered(question: Question, answer: Answer | undefined): boolean {
  if (answer === undefined || answer.type !== question.type) return false;
  switch (answer.type) {
    case 'single':
    case 'yesno':
      return true;
    case 'multiple':
      return answer.optionIds.length > 0;
    case 'text':
      return normalizeText(answer.text) !== '';
    case 'matching':
      return question.type === 'matching' && question.prompts.every((p) => answer.pairs[p.id] !== undefined);
  }
}

/** Ids of the questions of `check` that have no complete answer yet, in question order. */
export function unansweredQuestionIds(
  check: KnowledgeCheck,
  answers: Readonly<Record<string, Answer>>,
): string[] {
  return check.questions.filter((q) => !isAnswered(q, answers[q.id])).map((q) => q.id);
}

/** The grading of one answer. The words that go with it are in the check's `CheckText`. */
export interface QuestionResult {
  questionId: string;
  correct: boolean;
  /** Which of the question's two feedback texts applies. */
  feedback: 'correct' | 'incorrect';
  /** The options whose own feedback applies: the ones the learner chose (single and multiple choice). */
  chosenOptionIds: string[];
  /** A correct answer, to show the learner after a wrong one (for text entry: the first accepted answer). */
  correctAnswer: Answer;
  /** The lesson to review for this question. */
  reviewLessonId: string;
  /** Per matching prompt: whether its target is right (matching questions only). */
  pairCorrect?: Record<string, boolean>;
  /** Correct options the learner did not select (multiple response only). */
  missedOptionIds?: string[];
  /** Selected options that are wrong (multiple response only). */
  wrongOptionIds?: string[];
}

/** The answer the question expects, in the same shape as a learner's answer. */
export function correctAnswerOf(question: Question): Answer {
  switch (question.type) {
    case 'single':
      return { type: 'single', optionId: question.correctOptionId };
    case 'multiple':
      return { type: 'multiple', optionIds: [...question.correctOptionIds] };
    case 'yesno':
      return { type: 'yesno', value: question.correctAnswer };
    case 'text':
      return { type: 'text', text: question.acceptedAnswers[0] ?? '' };
    case 'matching':
      return { type: 'matching', pairs: { ...question.correctPairs } };
  }
}

/**
 * Grades one answer. An answer of the wrong type or a missing answer is incorrect. Text is
 * compared with {@link normalizeText}; multiple response needs exactly the correct options;
 * matching needs every pair right.
 *
 * @example
 * gradeQuestion(textQuestion, { type: 'text', text: ' Mutuality ' }).correct // → true if "mutuality" is accepted
 */
export function gradeQuestion(question: Question, answer: Answer | undefined): QuestionResult {
  let correct = false;
  let chosen: string[] = [];
  const extra: Pick<QuestionResult, 'pairCorrect' | 'missedOptionIds' | 'wrongOptionIds'> = {};
  const given = answer?.type === question.type ? answer : undefined;
  switch (question.type) {
    case 'single':
      if (given?.type === 'single') {
        chosen = [given.optionId];
        correct = given.optionId === question.correctOptionId;
      }
      break;
    case 'multiple': {
      chosen = given?.type === 'multiple' ? given.optionIds : [];
      const right = new Set(question.correctOptionIds);
      extra.missedOptionIds = question.correctOptionIds.filter((id) => !chosen.includes(id));
      extra.wrongOptionIds = chosen.filter((id) => !right.has(id));
      correct = chosen.length > 0 && extra.missedOptionIds.length === 0 && extra.wrongOptionIds.length === 0;
      break;
    }
    case 'yesno':
      correct = given?.type === 'yesno' && given.value === question.correctAnswer;
      break;
    case 'text': {
      if (given?.type === 'text') {
        const text = normalizeText(given.text);
        correct = text !== '' && question.acceptedAnswers.some((a) => normalizeText(a) === text);
      }
      break;
    }
    case 'matching': {
      const pairs = given?.type === 'matching' ? given.pairs : {};
      const pairCorrect: Record<string, boolean> = {};
      for (const prompt of question.prompts) {
        pairCorrect[prompt.id] = pairs[prompt.id] !== undefined && pairs[prompt.id] === question.correctPairs[prompt.id];
      }
      extra.pairCorrect = pairCorrect;
      correct = question.prompts.length > 0 && Object.values(pairCorrect).every(Boolean);
      break;
    }
  }
  return {
    questionId: question.id,
    correct,
    feedback: correct ? 'correct' : 'incorrect',
    chosenOptionIds: chosen,
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
