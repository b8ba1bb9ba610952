/**
 * Takes the course inside the test LMS the way a learner does: follow "Continue", reach the end
 * of each lesson, answer and submit the knowledge checks. Answers come from the compiled course,
 * so the tests follow the content when it changes.
 */
import type { FrameLocator, Page } from 'playwright-core';
import type { CompiledCourse, KnowledgeCheck, Question } from '../../../src/content/types.ts';
import type { ScormVersion } from '../../../src/tracking/scorm/formats.ts';
import { waitForApp } from '../browser.ts';

export type AnswerPlan = 'correct' | 'wrong';

export interface LaunchOptions {
  version: ScormVersion;
  src: string;
  commitUrl: string;
  /** Flattened CMI data the LMS holds for the learner before launch. */
  cmi?: Record<string, string>;
}

interface HostWindow {
  launchCourse(options: LaunchOptions): void;
  closeCourse(): void;
  lmsApi(): { getFlattenedCMI(): Record<string, unknown> };
  lmsCalls: string[];
}

/** Opens the test LMS page and launches the course in its iframe. */
export async function launch(page: Page, hostUrl: string, options: LaunchOptions): Promise<FrameLocator> {
  await page.goto(hostUrl);
  await page.evaluate((o) => (window as unknown as HostWindow).launchCourse(o), options);
  const frame = page.frameLocator('iframe[title="Course"]');
  await frame.getByRole('heading', { level: 1 }).first().waitFor();
  await waitForApp(frame);
  return frame;
}

/** Closes the course as an LMS does when the learner leaves it: the iframe is removed. */
export async function closeCourse(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as HostWindow).closeCourse());
}

/** Everything the LMS API holds now (scorm-again's flattened CMI). */
export async function readCmi(page: Page): Promise<Record<string, string>> {
  return (await page.evaluate(() => (window as unknown as HostWindow).lmsApi().getFlattenedCMI())) as Record<string, string>;
}

/** API calls the course made (Initialize/Commit/Terminate and their 1.2 names). */
export async function lmsCalls(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as HostWindow).lmsCalls);
}

const h1 = (frame: FrameLocator) => frame.getByRole('heading', { level: 1 });

async function waitForHeading(frame: FrameLocator, text: string): Promise<void> {
  await h1(frame).filter({ hasText: text }).first().waitFor();
}

/** The menu entry of a lesson. */
function menuLink(frame: FrameLocator, lessonId: string) {
  return frame.locator(`nav[aria-label="Course menu"] a[href$="lesson/${lessonId}/"]`);
}

/** Opens a lesson from the course menu. */
export async function openLesson(frame: FrameLocator, course: CompiledCourse, lessonId: string): Promise<void> {
  await menuLink(frame, lessonId).click();
  await waitForHeading(frame, course.lessons.find((l) => l.id === lessonId)!.title);
}

/** Whether the menu shows the lesson as complete. */
export async function lessonComplete(frame: FrameLocator, lessonId: string): Promise<boolean> {
  return (await menuLink(frame, lessonId).locator('.visually-hidden').last().textContent()) === 'Complete';
}

/** Reads to the end of the open content lesson, which completes it. (Locators say `:visible`: the next lesson is drawn ahead, hidden, beside it.) */
export async function finishReading(frame: FrameLocator, lessonId: string): Promise<void> {
  // The lesson's text loads in its own chunk; its end is only reached once the text is there.
  await frame.getByText('Loading lesson…').waitFor({ state: 'detached' });
  await frame.locator('nav.continue-bar:visible').scrollIntoViewIfNeeded();
  for (let i = 0; i < 100 && !(await lessonComplete(frame, lessonId)); i += 1) await new Promise((r) => setTimeout(r, 50));
  if (!(await lessonComplete(frame, lessonId))) throw new Error(`lesson ${lessonId} did not complete`);
}

function wrongOption(ids: string[], right: string[]): string {
  return ids.find((id) => !right.includes(id)) ?? ids[0]!;
}

/** Answers one question in its `.kc-question` block. */
async function answer(frame: FrameLocator, index: number, question: Question, plan: AnswerPlan): Promise<void> {
  const block = frame.locator('.kc-question:visible').nth(index);
  switch (question.type) {
    case 'single': {
      const id = plan === 'correct' ? question.correctOptionId : wrongOption(question.options.map((o) => o.id), [question.correctOptionId]);
      await block.locator(`input[value="${id}"]`).check();
      break;
    }
    case 'multiple': {
      const ids = question.options.map((o) => o.id);
      const chosen = plan === 'correct' ? question.correctOptionIds : [wrongOption(ids, question.correctOptionIds)];
      // A wrong answer to an all-correct question: one option only.
      const pick = plan === 'wrong' && chosen[0] && question.correctOptionIds.includes(chosen[0]) ? [chosen[0]] : chosen;
      for (const id of pick) await block.locator(`input[value="${id}"]`).check();
      break;
    }
    case 'yesno': {
      const value = plan === 'correct' ? question.correctAnswer : question.correctAnswer === 'yes' ? 'no' : 'yes';
      await block.locator(`input[value="${value}"]`).check();
      break;
    }
    case 'text':
      await block.locator('input[type="text"], textarea').fill(plan === 'correct' ? question.acceptedAnswers[0]! : 'not the answer');
      break;
    case 'matching': {
      const selects = block.locator('select');
      const targets = question.targets.map((t) => t.id);
      for (const [i, prompt] of question.prompts.entries()) {
        const right = question.correctPairs[prompt.id]!;
        await selects.nth(i).selectOption(plan === 'correct' ? right : wrongOption(targets, [right]));
      }
      break;
    }
  }
}

/** Answers every question of the open check and submits it. */
export async function takeCheck(frame: FrameLocator, check: KnowledgeCheck, plan: AnswerPlan): Promise<void> {
  for (const [index, question] of check.questions.entries()) await answer(frame, index, question, plan);
  await frame.getByRole('button', { name: 'Submit answers' }).click();
  await frame.getByText(/^You answered \d+ of \d+ correctly\.$/).first().waitFor();
}

/** Retries a submitted check and answers it again. */
export async function retakeCheck(frame: FrameLocator, check: KnowledgeCheck, plan: AnswerPlan): Promise<void> {
  await frame.getByRole('button', { name: 'Try again' }).click();
  await frame.getByRole('button', { name: 'Submit answers' }).waitFor();
  await takeCheck(frame, check, plan);
}

/**
 * Takes lessons in course order from `from` up to (not including) `until`, answering each check
 * with `plans[checkId]` (default: correct). Starts by opening `from` from the menu.
 */
export async function takeLessons(
  frame: FrameLocator,
  course: CompiledCourse,
  { from, until, plans = {} }: { from: string; until?: string; plans?: Record<string, AnswerPlan> },
): Promise<void> {
  const start = course.lessons.findIndex((l) => l.id === from);
  const end = until ? course.lessons.findIndex((l) => l.id === until) : course.lessons.length;
  await openLesson(frame, course, from);
  for (let i = start; i < end; i += 1) {
    const lesson = course.lessons[i]!;
    if (lesson.checkId) await takeCheck(frame, course.checks[lesson.checkId]!, plans[lesson.checkId] ?? 'correct');
    else await finishReading(frame, lesson.id);
    const next = course.lessons[i + 1];
    if (next && i + 1 < end) {
      await frame.locator('nav.continue-bar:visible a[rel="next"]').click();
      await waitForHeading(frame, next.title);
    }
  }
}

/** The learner the test LMS launches the course for. */
export const LEARNER: Record<ScormVersion, Record<string, string>> = {
  '1.2': { 'cmi.core.student_id': 'learner-7', 'cmi.core.student_name': 'Tremblay, Alex' },
  '2004': { 'cmi.learner_id': 'learner-7', 'cmi.learner_name': 'Tremblay, Alex' },
};

const SESSION_ONLY = /^cmi\.(core\.)?(session_time|exit|entry)$/;

/**
 * What an LMS hands the next launch, from the last commit its server stored: the stored values,
 * with `entry` = resume after a suspended exit (and without this session's exit and time).
 */
export function nextLaunchCmi(version: ScormVersion, stored: Record<string, unknown> | undefined): Record<string, string> {
  const cmi: Record<string, string> = { ...LEARNER[version] };
  if (!stored) return cmi;
  for (const [key, value] of Object.entries(stored)) {
    if (typeof value !== 'string' || SESSION_ONLY.test(key) || key.endsWith('._count') || key.endsWith('._children')) continue;
    // SCORM 1.2 interactions are write-only: an LMS keeps them but does not hand them back.
    if (version === '1.2' && key.startsWith('cmi.interactions.')) continue;
    cmi[key] = value;
  }
  const exit = stored[version === '1.2' ? 'cmi.core.exit' : 'cmi.exit'];
  cmi[version === '1.2' ? 'cmi.core.entry' : 'cmi.entry'] = exit === 'suspend' ? 'resume' : '';
  return cmi;
}

/** Client-side navigation to the trainer page (as its link would), inside the course frame or page. */
export async function goToTrainerPage(target: Page | FrameLocator): Promise<void> {
  const header = target.locator('.app-header__title a');
  await header.evaluate((link: HTMLAnchorElement) => {
    const home = new URL(link.href);
    // An LMS package routes in the hash (index.html#/lms-check/), the web edition in the path.
    if (home.hash.startsWith('#/')) {
      location.hash = '#/lms-check/';
      return;
    }
    history.pushState({}, '', `${home.pathname.replace(/\/$/, '')}/lms-check/`);
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await target.getByRole('heading', { level: 1, name: 'LMS connection check' }).waitFor();
}
