/**
 * Hand-built compiled courses for the course-machine tests.
 *
 * `smallCourse`: 4 lessons in 2 sections; lesson 3 is a knowledge check with one question of
 * each of the 5 types. `largeCourse(…)`: 28 lessons in 7 sections with 5 checks, generated.
 */
import type {
  CompiledCourse,
  CompletionRule,
  KnowledgeCheck,
  LessonOutline,
  NavigationMode,
} from '../../src/content/types.ts';
import { splitQuestions, type AuthoredQuestion } from '../question-fixtures.ts';
import type { Answer } from '../../src/course/types.ts';
import { fixtureLesson } from '../outline-fixtures.ts';

const base = {
  promptHtml: '<p>?</p>',
  correctFeedbackHtml: '<p>Right.</p>',
  incorrectFeedbackHtml: '<p>Not quite.</p>',
};

const authoredQuiz: AuthoredQuestion[] = [
  {
    ...base,
    id: 'q-single',
    fingerprint: 'fp-single',
    type: 'single',
    reviewLessonId: 'intro',
    options: [
      { id: 'a', html: 'A', text: 'A', feedbackHtml: '<p>A is a common mix-up.</p>' },
      { id: 'b', html: 'B', text: 'B', feedbackHtml: '<p>B is it.</p>' },
      { id: 'c', html: 'C', text: 'C' },
    ],
    correctOptionId: 'b',
  },
  {
    ...base,
    id: 'q-multiple',
    fingerprint: 'fp-multiple',
    type: 'multiple',
    reviewLessonId: 'basics',
    options: [
      { id: 'a', html: 'A', text: 'A', feedbackHtml: '<p>A applies.</p>' },
      { id: 'b', html: 'B', text: 'B', feedbackHtml: '<p>B does not apply.</p>' },
      { id: 'c', html: 'C', text: 'C' },
    ],
    correctOptionIds: ['a', 'c'],
  },
  { ...base, id: 'q-yesno', fingerprint: 'fp-yesno', type: 'yesno', reviewLessonId: 'intro', correctAnswer: 'yes' },
  {
    ...base,
    id: 'q-text',
    fingerprint: 'fp-text',
    type: 'text',
    reviewLessonId: 'basics',
    acceptedAnswers: ['mutuality', 'Peer’s  Support'],
  },
  {
    ...base,
    id: 'q-matching',
    fingerprint: 'fp-matching',
    type: 'matching',
    reviewLessonId: 'basics',
    prompts: [
      { id: 'p1', html: 'Inform', text: 'Inform' },
      { id: 'p2', html: 'Consult', text: 'Consult' },
    ],
    targets: [
      { id: 't1', html: 'Tell', text: 'Tell' },
      { id: 't2', html: 'Ask', text: 'Ask' },
    ],
    correctPairs: { p1: 't1', p2: 't2' },
  },
];

export const { questions: quizQuestions, text: quizText } = splitQuestions('quiz', authoredQuiz);

/** A correct answer per question of the small course's quiz. */
export const correctAnswers: Record<string, Answer> = {
  'q-single': { type: 'single', optionId: 'b' },
  'q-multiple': { type: 'multiple', optionIds: ['c', 'a'] },
  'q-yesno': { type: 'yesno', value: 'yes' },
  'q-text': { type: 'text', text: '  MUTUALITY ' },
  'q-matching': { type: 'matching', pairs: { p1: 't1', p2: 't2' } },
};

/** A wrong (but complete) answer per question. */
export const wrongAnswers: Record<string, Answer> = {
  'q-single': { type: 'single', optionId: 'a' },
  'q-multiple': { type: 'multiple', optionIds: ['a', 'b'] },
  'q-yesno': { type: 'yesno', value: 'no' },
  'q-text': { type: 'text', text: 'empathy' },
  'q-matching': { type: 'matching', pairs: { p1: 't2', p2: 't1' } },
};

/** A partial matching answer (allowed while answering, not "answered"). */
export const partialMatching: Answer = { type: 'matching', pairs: { p1: 't1' } };

const lesson = (id: string, number: number, sectionId: string, checkId?: string) =>
  fixtureLesson(id, number, sectionId, checkId === undefined ? {} : { checkId });

export interface FixtureOptions {
  navigation?: NavigationMode;
  completion?: Partial<CompletionRule>;
  contentVersion?: string;
}

function completionRule(overrides: Partial<CompletionRule> = {}): CompletionRule {
  const rule: CompletionRule = { requireAllLessons: true, passingScore: 60, retryScore: 'best', ...overrides };
  if ('passingScore' in overrides && overrides.passingScore === undefined) delete rule.passingScore;
  return rule;
}

/** 4 lessons, 2 sections; `quiz` (lesson 3) holds the 5-question check `quiz`. */
export function smallCourse(options: FixtureOptions = {}): CompiledCourse {
  return {
    id: 'small-course',
    locale: 'en',
    title: 'Small course',
    description: 'A course for tests.',
    estimatedMinutes: 4,
    navigation: options.navigation ?? 'free',
    completion: completionRule(options.completion),
    sections: [
      { id: 's1', title: 'Getting started', lessonIds: ['intro', 'basics'] },
      { id: 's2', title: 'Practice', lessonIds: ['quiz', 'wrap-up'] },
    ],
    lessons: [lesson('intro', 1, 's1'), lesson('basics', 2, 's1'), lesson('quiz', 3, 's2', 'quiz'), lesson('wrap-up', 4, 's2')],
    checks: {
      quiz: { id: 'quiz', lessonId: 'quiz', title: 'Check your understanding', questions: quizQuestions },
    },
    resources: [],
    contentVersion: options.contentVersion ?? 'v1',
  };
}

/**
 * 28 lessons in 7 sections of 4; the last lesson of sections 2–6 is a check (5 checks) with
 * 2–3 questions of mixed types.
 */
export function largeCourse(options: FixtureOptions = {}): CompiledCourse {
  const lessons: LessonOutline[] = [];
  const sections: CompiledCourse['sections'] = [];
  const checks: Record<string, KnowledgeCheck> = {};
  let number = 0;
  for (let s = 1; s <= 7; s += 1) {
    const sectionId = `section-${s}`;
    const lessonIds: string[] = [];
    for (let l = 1; l <= 4; l += 1) {
      number += 1;
      const isCheck = s >= 2 && s <= 6 && l === 4;
      const id = isCheck ? `check-${s}` : `lesson-${number}`;
      const checkId = isCheck ? `c${s}` : undefined;
      lessons.push(lesson(id, number, sectionId, checkId));
      lessonIds.push(id);
      if (checkId !== undefined) {
        const questions = quizQuestions
          .filter((_, i) => (i + s) % 2 === 0 || i === s - 2)
          .map((q) => ({ ...q, fingerprint: `${q.fingerprint}-${s}`, reviewLessonId: `lesson-${number - 1}` }));
        checks[checkId] = { id: checkId, lessonId: id, title: `Check ${s}`, questions };
      }
    }
    sections.push({ id: sectionId, title: `Section ${s}`, lessonIds });
  }
  return {
    id: 'large-course',
    locale: 'en',
    title: 'Large course',
    description: 'A generated course for tests.',
    estimatedMinutes: 30,
    navigation: options.navigation ?? 'free',
    completion: completionRule(options.completion),
    sections,
    lessons,
    checks,
    resources: [],
    contentVersion: options.contentVersion ?? 'large-v1',
  };
}

/** A fixed clock: 2025-01-01T00:00:00Z plus one second per call. */
export function steppingClock(start = Date.UTC(2025, 0, 1)): () => Date {
  let t = start;
  return () => {
    const d = new Date(t);
    t += 1000;
    return d;
  };
}

/** A clock that always returns the same instant. */
export const fixedClock = (): Date => new Date(Date.UTC(2025, 0, 1));
