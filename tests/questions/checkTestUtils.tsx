/**
 * Shared helpers for the knowledge-check tests: a small hand-made course with one check holding one
 * question of each type, and a render helper that runs a real course session (machine + in-memory
 * store) inside the app's providers.
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { afterEach, expect } from 'vitest';
import { CourseRuntimeProvider, type CourseTracking } from '../../src/ui/course-context.tsx';
import { AnnouncerProvider } from '../../src/ui/announcer.tsx';
import { KnowledgeCheck } from '../../src/questions/view/KnowledgeCheck.tsx';
import type { CheckText, CompiledCourse, NavigationMode } from '../../src/content/types.ts';
import type { ProgressStore } from '../../src/course/progress-store.ts';
import { startCourseSession, type CourseSession } from '../../src/course/session.ts';
import type { UiLocale } from '../../src/i18n/i18n.ts';
import { splitQuestions, type AuthoredQuestion } from '../question-fixtures.ts';
import { renderWithProviders } from '../render.tsx';
import { fixtureLesson } from '../outline-fixtures.ts';

// Vitest runs without globals, so Testing Library cannot register its own clean-up.
afterEach(cleanup);

// jsdom has no `CSS.escape`, which user-event needs to move between radios with the arrow keys.
if (typeof globalThis.CSS === 'undefined' || typeof globalThis.CSS.escape !== 'function') {
  Object.defineProperty(globalThis, 'CSS', {
    configurable: true,
    value: { ...(globalThis.CSS ?? {}), escape: (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`) },
  });
}

export const prompts = {
  single: 'Which colour is the sky on a clear day?',
  multiple: 'Which of these are fruits?',
  yesno: 'Is water wet?',
  text: 'Which word means walking beside someone as an equal?',
  matching: 'Match each level of engagement with what peers do.',
} as const;

export const authoredQuestions: AuthoredQuestion[] = [
  {
    id: 'q-single',
    fingerprint: 'fp-single',
    type: 'single',
    promptHtml: 'Which colour is the sky on a <em>clear</em> day?',
    correctFeedbackHtml: 'Right: the sky is blue.',
    incorrectFeedbackHtml: 'Not quite: look up on a sunny day.',
    reviewLessonId: 'intro',
    options: [
      { id: 'green', html: 'Green', text: 'Green', feedbackHtml: 'Grass is green, not the sky.' },
      { id: 'blue', html: 'Blue', text: 'Blue', feedbackHtml: 'Blue it is.' },
      { id: 'red', html: 'Red', text: 'Red' },
    ],
    correctOptionId: 'blue',
  },
  {
    id: 'q-multiple',
    fingerprint: 'fp-multiple',
    type: 'multiple',
    promptHtml: 'Which of these are fruits?',
    correctFeedbackHtml: 'Right: apples and pears are fruits.',
    incorrectFeedbackHtml: 'Not quite: apples and pears are the fruits here.',
    reviewLessonId: 'basics',
    options: [
      { id: 'apple', html: 'Apple', text: 'Apple', feedbackHtml: 'An apple is a fruit.' },
      { id: 'carrot', html: 'Carrot', text: 'Carrot', feedbackHtml: 'A carrot is a root vegetable.' },
      { id: 'pear', html: 'Pear', text: 'Pear' },
    ],
    correctOptionIds: ['apple', 'pear'],
  },
  {
    id: 'q-yesno',
    fingerprint: 'fp-yesno',
    type: 'yesno',
    promptHtml: 'Is water wet?',
    correctFeedbackHtml: 'Right: water is wet.',
    incorrectFeedbackHtml: 'Not quite: water makes things wet.',
    reviewLessonId: 'intro',
    correctAnswer: 'yes',
  },
  {
    id: 'q-text',
    fingerprint: 'fp-text',
    type: 'text',
    promptHtml: 'Which word means walking beside someone as an equal?',
    correctFeedbackHtml: 'Right: mutuality.',
    incorrectFeedbackHtml: 'The answer is <strong>mutuality</strong>.',
    reviewLessonId: 'basics',
    acceptedAnswers: ['mutuality'],
  },
  {
    id: 'q-matching',
    fingerprint: 'fp-matching',
    type: 'matching',
    promptHtml: 'Match each level of engagement with what peers do.',
    correctFeedbackHtml: 'Right: informed peers listen, consulted peers give feedback.',
    incorrectFeedbackHtml: 'Not quite: at Inform peers are an audience; at Consult they give feedback.',
    reviewLessonId: 'basics',
    prompts: [
      { id: 'inform', html: 'Inform', text: 'Inform' },
      { id: 'consult', html: 'Consult', text: 'Consult' },
    ],
    targets: [
      { id: 'audience', html: 'Peers are an <em>audience</em>', text: 'Peers are an audience' },
      { id: 'feedback', html: 'Peers give feedback', text: 'Peers give feedback' },
    ],
    correctPairs: { inform: 'audience', consult: 'feedback' },
  },
];

/** The quiz's questions (scoring) and their words (what the check lesson's chunk holds). */
export const { questions, text: quizText } = splitQuestions('quiz', authoredQuestions);

const lesson = (id: string, number: number, title: string, checkId?: string) =>
  fixtureLesson(id, number, 'only', checkId === undefined ? { title } : { title, checkId });

/** 4 lessons; lesson 3 (`quiz`) is the check `quiz` with the given questions (all five by default). */
export function quizCourse({
  questionIds,
  navigation = 'free',
}: { questionIds?: string[]; navigation?: NavigationMode } = {}): CompiledCourse {
  return {
    id: 'quiz-course',
    locale: 'en',
    title: 'Quiz course',
    description: 'A course for the knowledge-check tests.',
    estimatedMinutes: 4,
    navigation,
    completion: { requireAllLessons: true, passingScore: 60, retryScore: 'best' },
    sections: [{ id: 'only', title: 'Only section', lessonIds: ['intro', 'basics', 'quiz', 'wrap-up'] }],
    lessons: [
      lesson('intro', 1, 'Introduction'),
      lesson('basics', 2, 'The basics'),
      lesson('quiz', 3, 'Check your understanding', 'quiz'),
      lesson('wrap-up', 4, 'Wrap-up'),
    ],
    checks: {
      quiz: {
        id: 'quiz',
        lessonId: 'quiz',
        title: 'Check your understanding',
        questions: questionIds ? questions.filter((q) => questionIds.includes(q.id)) : questions,
      },
    },
    resources: [],
    contentVersion: 'quiz-v1',
  };
}

/** A ProgressStore in memory; share one between two renders to test resuming. */
export function memoryStore(): ProgressStore & { saved: unknown } {
  const store = {
    saved: undefined as unknown,
    load: () => (store.saved === undefined ? { kind: 'empty' as const } : { kind: 'ok' as const, json: store.saved }),
    save: (record: unknown) => {
      store.saved = JSON.parse(JSON.stringify(record));
      return { ok: true as const };
    },
    setAside: () => ({ ok: true as const }),
  };
  return store;
}

/** Plain text of build-time HTML, as a learner reads it (for finding a control by its name). */
export function htmlToPlainText(html: string): string {
  return (new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Shows the router's current path, so a test can see where a link took the learner. */
function CurrentPath() {
  const location = useLocation();
  return <p data-testid="current-path">{location.pathname}</p>;
}

export interface RenderCheckOptions {
  course?: CompiledCourse;
  checkId?: string;
  /** The check's words (default: the quiz's). */
  text?: CheckText;
  locale?: UiLocale;
  store?: ProgressStore;
  /** Where progress goes (default: none, the plain web build). */
  tracking?: CourseTracking;
}

/** Renders `<KnowledgeCheck>` inside a real course session, as a lesson page does. */
export function renderCheck({
  course = quizCourse(),
  checkId = 'quiz',
  text = quizText,
  locale = 'en',
  store = memoryStore(),
  tracking,
}: RenderCheckOptions = {}) {
  const session: CourseSession = startCourseSession({ course, store, now: () => new Date(Date.UTC(2025, 0, 1)) });
  const user = userEvent.setup();
  const view = renderWithProviders(
    <CourseRuntimeProvider runtime={{ course, session, contentLocales: [course.locale], ...(tracking ? { tracking } : {}) }}>
      <AnnouncerProvider>
        <KnowledgeCheck checkId={checkId} text={text} />
        <CurrentPath />
      </AnnouncerProvider>
    </CourseRuntimeProvider>,
    { locale, route: '/lesson/quiz' },
  );
  return { user, session, course, ...view };
}

export function currentPath(): string {
  return screen.getByTestId('current-path').textContent ?? '';
}

/** Waits until the polite live region says exactly `message`. */
export async function expectAnnounced(message: string): Promise<void> {
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe(message));
}

export function submitButton(): HTMLElement {
  return screen.getByRole('button', { name: 'Submit answers' });
}

/** The message shown next to Submit (it describes the button) when answers are missing. */
export function expectSubmitMessage(message: string): void {
  expect(screen.getByRole('button', { name: 'Submit answers', description: message })).toBe(submitButton());
  expect(screen.getAllByText(message).some((element) => element.closest('[role="status"]') === null)).toBe(true);
}

export function questionHeading(number: number, total: number): HTMLElement {
  return screen.getByRole('heading', { name: `Question ${number} of ${total}` });
}

export function resultsHeading(): HTMLElement {
  return screen.getByRole('heading', { name: 'Your results' });
}

/** Presses Tab until `element` has focus (at most 40 times), as a keyboard user would. */
export async function tabTo(user: ReturnType<typeof userEvent.setup>, element: HTMLElement): Promise<void> {
  for (let i = 0; i < 40 && document.activeElement !== element; i += 1) await user.tab();
  expect(document.activeElement).toBe(element);
}

/** Whether a control is disabled, by its own attribute or a disabled fieldset around it. */
export function isDisabled(element: Element): boolean {
  return element.matches(':disabled');
}

/** The row of a choice option (its label and what is shown under it). */
export function optionRow(input: HTMLElement): HTMLElement {
  return input.closest('label')?.parentElement as HTMLElement;
}
