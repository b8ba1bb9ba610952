/**
 * The whole player as a cmi5 AU: the real cmi5 zip served by the LMS/LRS stand-in
 * (tests/browser/lms/lrs-server.ts), which rejects statements breaking cmi5 §9 and records why
 * by section. What a learner, and the LMS, notice:
 *
 * - the whole course, right answers: `completed` and `passed`, then Exit course → `terminated`
 *   → the LMS's returnURL (§10.2.6); wrong answers: `completed` and `failed`, and without a
 *   returnURL "You can close this window now", Exit pressed twice sending one `terminated`;
 * - Review shows the last answers and sends nothing (no state writes); Browse sends no
 *   completed/passed/failed (§10.2.2) over the whole course;
 * - the LRS failing for a while: "retrying", then "saved", everything in order, each id once;
 * - the LRS failing until exit: all of it sent at the next launch;
 * - a refused token (401): said calmly, never retried.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CompiledCourse } from '../../src/content/types.ts';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { outboxKey } from '../../src/tracking/cmi5/queue.ts';
import { PROGRESS_STATE_ID } from '../../src/tracking/cmi5/session.ts';
import { finishReading, openLesson, takeCheck, takeLessons, type AnswerPlan } from './lms/course-driver.ts';
import type { LmsSession } from './lms/lrs-server.ts';
import { pageAsFrame, useLrsStandIn } from './lms/lrs-stand-in.ts';

const course = compileContentFolder('content').courses.en as CompiledCourse;
const questionCount = Object.values(course.checks).reduce((n, check) => n + check.questions.length, 0);
const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY = 0.8;
const standIn = useLrsStandIn('cmi5', course.id, { masteryScore: MASTERY });

type Statement = Record<string, unknown> & { id: string; verb: { id: string }; result?: Record<string, unknown>; timestamp: string };
const statementsOf = (session: LmsSession) =>
  (standIn.lrs.statements as Statement[]).filter((s) => (s.context as { extensions?: Record<string, unknown> }).extensions?.[SESSION_ID] === session.sessionId);
const verbsOf = (session: LmsSession) => statementsOf(session).map((s) => s.verb.id.split('/').pop()!);
const count = (list: string[], verb: string) => list.filter((v) => v === verb).length;
const progressRecord = (session: LmsSession) => standIn.lrs.state.get(`${session.registration}|${PROGRESS_STATE_ID}`) as { currentLessonId?: string } | undefined;

/** How many statements and state writes the AU has not yet had stored, from the page's localStorage. */
const unsent = (page: Page, session: LmsSession) =>
  page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? '{"items":[]}') as { items: unknown[] }).items.length, outboxKey(session.registration));
const exitButton = (page: Page) => page.locator('header').getByRole('button', { name: 'Exit course' });
const ended = 'Your session has ended. You can close this window now.';

async function wholeCourse(page: Page, plan: AnswerPlan) {
  const plans = Object.fromEntries(Object.keys(course.checks).map((id) => [id, plan]));
  await takeLessons(pageAsFrame(page), course, { from: course.lessons[0]!.id, plans });
  await page.locator('nav.continue-bar a[href$="results/"]').click();
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
}

describe('the cmi5 package through the whole player', () => {
  it('the whole course, right answers: completed and passed; Exit course on the results page sends terminated, then opens the returnURL', async () => {
    const { page, session, context } = await standIn.open({ returnURL: `${standIn.lrs.url}/return` });
    await wholeCourse(page, 'correct');
    await expect.poll(() => verbsOf(session), { timeout: 15_000 }).toEqual(expect.arrayContaining(['completed', 'passed']));

    await page.locator('main').getByRole('button', { name: 'Exit course' }).click();
    await page.waitForURL(`${standIn.lrs.url}/return`);
    await page.getByRole('heading', { name: 'Back in the LMS' }).waitFor();
    const verbs = verbsOf(session);
    expect(verbs[0]).toBe('initialized');
    expect(verbs.at(-1)).toBe('terminated');
    expect([count(verbs, 'completed'), count(verbs, 'passed'), count(verbs, 'failed'), count(verbs, 'terminated')]).toEqual([1, 1, 0, 1]);
    expect(count(verbs, 'answered')).toBe(questionCount);
    const passed = statementsOf(session).find((s) => s.verb.id.endsWith('/passed'))!;
    expect((passed.result!.score as { scaled: number }).scaled).toBeGreaterThanOrEqual(MASTERY);
    expect(standIn.lrs.rejections).toEqual([]);
    await context.close();
  });

  it('the whole course, wrong answers: completed and failed; without a returnURL Exit says the window can be closed, and twice sends one terminated', async () => {
    const { page, session, context } = await standIn.open({ returnURL: null });
    await wholeCourse(page, 'wrong');
    await expect.poll(() => verbsOf(session), { timeout: 15_000 }).toEqual(expect.arrayContaining(['completed', 'failed']));

    // From the keyboard, twice.
    await exitButton(page).focus();
    await page.keyboard.press('Enter');
    await page.getByText(ended).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => session.terminated).toBe(true);
    await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor(); // still here, readable
    await page.close({ runBeforeUnload: true });
    const verbs = verbsOf(session);
    expect(verbs.at(-1)).toBe('terminated');
    expect([count(verbs, 'completed'), count(verbs, 'passed'), count(verbs, 'failed'), count(verbs, 'terminated')]).toEqual([1, 0, 1, 1]);
    const failed = statementsOf(session).find((s) => s.verb.id.endsWith('/failed'))!;
    expect(failed.result).toMatchObject({ success: false });
    expect(standIn.lrs.rejections).toEqual([]);
    await context.close();
  });

  it('Review shows the last answers and sends nothing; Browse sends no completed, passed or failed (§10.2.2)', async () => {
    const first = await standIn.open({ returnURL: null });
    await openLesson(pageAsFrame(first.page), course, 'check-roles');
    await takeCheck(pageAsFrame(first.page), course.checks.roles!, 'wrong');
    await exitButton(first.page).click();
    await first.page.getByText(ended).waitFor();
    await first.context.close();

    // Review, in a fresh profile: the answers can only come from the LRS.
    const review = await standIn.open({ mode: 'Review', registration: first.session.registration, returnURL: null });
    await review.page.getByText('Review: your last answers are shown. Nothing you do here is sent to your learning system.').waitFor();
    await openLesson(pageAsFrame(review.page), course, 'check-roles');
    await review.page.getByText('You answered 0 of 4 correctly.', { exact: true }).waitFor();
    const roles = course.checks.roles!.questions[0]!;
    const wrong = roles.type === 'single' ? roles.options.find((o) => o.id !== roles.correctOptionId)!.id : '';
    expect(await review.page.locator('.kc-question').first().locator(`input[value="${wrong}"]`).isChecked()).toBe(true);
    await review.page.getByText('Review: these are your last answers. They cannot be changed here.').waitFor();
    expect(await review.page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await openLesson(pageAsFrame(review.page), course, 'what-is-peer-support');
    await finishReading(pageAsFrame(review.page), 'what-is-peer-support');
    await review.page.close({ runBeforeUnload: true });
    await expect.poll(() => review.session.terminated, { timeout: 10_000 }).toBe(true);
    await review.context.close();
    expect(verbsOf(review.session)).toEqual(['initialized', 'terminated']);
    expect(review.session.xapiRequests.filter((r) => r.startsWith('PUT /xapi/activities/state'))).toEqual([]);

    // Browse: the whole course, right answers; in Normal it would send completed and passed.
    const browse = await standIn.open({ mode: 'Browse', returnURL: null });
    await browse.page.getByText(/^Browse: look through the course freely/).waitFor();
    await wholeCourse(browse.page, 'correct');
    await expect.poll(() => unsent(browse.page, browse.session), { timeout: 15_000 }).toBe(0);
    await browse.page.close({ runBeforeUnload: true });
    await expect.poll(() => browse.session.terminated, { timeout: 10_000 }).toBe(true);
    await browse.context.close();
    const verbs = verbsOf(browse.session);
    expect([count(verbs, 'completed'), count(verbs, 'passed'), count(verbs, 'failed')]).toEqual([0, 0, 0]);
    expect(standIn.lrs.rejections).toEqual([]);
  });

  it('the LRS failing for a while: the notice says retrying, then saved; everything arrives in order, each statement id once', async () => {
    const { page, session, context } = await standIn.open({ returnURL: null });
    standIn.lrs.setAvailable(false);
    await openLesson(pageAsFrame(page), course, 'check-roles');
    await takeCheck(pageAsFrame(page), course.checks.roles!, 'correct');
    await page.getByText(/^Progress not yet saved to your learning system — retrying\./).waitFor();
    expect(count(verbsOf(session), 'answered')).toBe(0);
    standIn.lrs.setAvailable(true);
    await page.getByText('Saved: your learning system has all your progress.').waitFor({ timeout: 20_000 });

    // Dropped connections too.
    standIn.lrs.failNext(3, 'drop');
    await openLesson(pageAsFrame(page), course, 'what-is-peer-support');
    await finishReading(pageAsFrame(page), 'what-is-peer-support');
    await expect.poll(() => unsent(page, session), { timeout: 20_000 }).toBe(0);
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => session.terminated, { timeout: 10_000 }).toBe(true);
    await context.close();

    const statements = statementsOf(session);
    const ids = statements.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Nothing the LRS had confirmed was sent again.
    expect(standIn.lrs.resent.filter((id) => ids.includes(id))).toEqual([]);
    // Received in the order the learner's actions made them.
    const times = statements.map((s) => s.timestamp);
    expect(times).toEqual([...times].sort());
    expect(count(verbsOf(session), 'answered')).toBe(course.checks.roles!.questions.length);
    expect(progressRecord(session)?.currentLessonId).toBe('what-is-peer-support');
    expect(standIn.lrs.rejections).toEqual([]);
  });

  it('the LRS failing until exit: the record is sent at the next launch, which resumes where the learner left', async () => {
    const first = await standIn.open({ returnURL: null });
    standIn.lrs.setAvailable(false);
    await openLesson(pageAsFrame(first.page), course, 'check-roles');
    await takeCheck(pageAsFrame(first.page), course.checks.roles!, 'wrong');
    await openLesson(pageAsFrame(first.page), course, 'how-are-peer-support-services-used');
    await exitButton(first.page).click();
    await first.page.getByText(ended).waitFor();
    await first.page.getByText(/^Your learning system has closed this session\./).waitFor();
    await first.page.close({ runBeforeUnload: true });
    expect(progressRecord(first.session)?.currentLessonId).not.toBe('how-are-peer-support-services-used');
    standIn.lrs.setAvailable(true);

    // Same browser profile, same registration: the outbox goes first.
    const second = await standIn.open({ registration: first.session.registration, returnURL: null }, first.context);
    await second.page.getByRole('heading', { level: 1, name: course.lessons.find((l) => l.id === 'how-are-peer-support-services-used')!.title }).waitFor();
    expect(progressRecord(first.session)?.currentLessonId).toBe('how-are-peer-support-services-used');
    await openLesson(pageAsFrame(second.page), course, 'check-roles');
    await second.page.getByText('You answered 0 of 4 correctly.', { exact: true }).waitFor();
    await expect.poll(() => unsent(second.page, first.session)).toBe(0);
    // The first session's statements came after the LMS had abandoned it (§9.3.6): refused, by
    // the spec's rule, and not sent again; nothing else was refused.
    expect(standIn.lrs.rejections.map((r) => r.rule)).toEqual(standIn.lrs.rejections.map(() => '§9.3.6'));
    await second.page.close({ runBeforeUnload: true });
    await expect.poll(() => second.session.terminated, { timeout: 10_000 }).toBe(true);
    await second.context.close();
    expect(verbsOf(second.session)[0]).toBe('initialized');
  });

  it('a refused token (401) is said calmly and never retried', async () => {
    const { page, session, context } = await standIn.open({ returnURL: null });
    await expect.poll(() => unsent(page, session)).toBe(0);
    session.refusedWith = 401;
    const before = session.xapiRequests.length;
    await openLesson(pageAsFrame(page), course, 'what-is-peer-support');
    await finishReading(pageAsFrame(page), 'what-is-peer-support');
    await page.getByText(/^Your learning system has closed this session\./).waitFor();
    await openLesson(pageAsFrame(page), course, 'check-roles');
    await takeCheck(pageAsFrame(page), course.checks.roles!, 'correct');
    // Time for any retry to show itself (the first comes after a second).
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(session.xapiRequests.length - before).toBe(1);
    expect(session.fetchCalls).toBe(1);
    await context.close();
  });
});
