/**
 * The cmi5 zip launched from the LMS/LRS stand-in (tests/browser/lms/lrs-server.ts) in Chromium,
 * as a trainer would try it: the course picks the cmi5 adapter at start-up, the learner takes a
 * lesson and a check, closes the tab, relaunches the same registration in a fresh browser
 * profile (so everything must come from the LRS's state document) and lands on the same lesson
 * with the same answers. The stand-in rejects any statement that breaks cmi5 §9.
 */
import { describe, expect, it } from 'vitest';
import type { CompiledCourse } from '../../src/content/types.ts';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { PROGRESS_STATE_ID } from '../../src/tracking/cmi5/session.ts';
import { lessonComplete, openLesson, takeLessons } from './lms/course-driver.ts';
import { pageAsFrame, useLrsStandIn, verbsOf } from './lms/lrs-stand-in.ts';

const course = compileContentFolder('content').courses.en as CompiledCourse;
const standIn = useLrsStandIn('cmi5', course.id, { masteryScore: 0.8 });
const verbs = (registration: string) => verbsOf(standIn.lrs, registration);

describe('the cmi5 package launched from an LMS', () => {
  it('reports a lesson and a check, and a relaunch resumes from the LRS: same lesson, same answers', async () => {
    const first = await standIn.open();
    const { page, context } = first;
    const { registration } = first.session;
    const frame = pageAsFrame(page);
    await takeLessons(frame, course, { from: 'welcome', until: 'how-are-peer-support-services-used', plans: { roles: 'wrong' } });
    await openLesson(frame, course, 'what-value-do-peer-support-services-bring');
    // The progress record reaches the LRS's state document while the learner reads.
    await expect
      .poll(() => (standIn.lrs.state.get(`${registration}|${PROGRESS_STATE_ID}`) as { currentLessonId?: string } | undefined)?.currentLessonId, { timeout: 15_000 })
      .toBe('what-value-do-peer-support-services-bring');
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => first.session.terminated, { timeout: 10_000 }).toBe(true);
    await context.close();

    const firstVerbs = verbs(registration);
    expect(firstVerbs[0]).toBe('initialized');
    expect(firstVerbs.at(-1)).toBe('terminated');
    expect(firstVerbs).toContain('answered');
    expect(firstVerbs).toContain('progressed');
    expect(first.session.fetchCalls).toBe(1);

    // Relaunch the same registration in a fresh profile: the record can only come from the LRS.
    const second = await standIn.open({ registration });
    const { page: page2, context: context2 } = second;
    const frame2 = pageAsFrame(page2);
    await page2.getByRole('heading', { level: 1, name: 'what value do peer support services bring?' }).waitFor({ timeout: 15_000 });
    expect(await lessonComplete(frame2, 'importance-of-mutuality')).toBe(true);
    await openLesson(frame2, course, 'check-roles');
    await page2.getByText('You answered 0 of 4 correctly.', { exact: true }).waitFor();
    const roles = course.checks.roles!.questions[0]!;
    const wrong = roles.type === 'single' ? roles.options.find((o) => o.id !== roles.correctOptionId)!.id : '';
    expect(await page2.locator('.kc-question').first().locator(`input[value="${wrong}"]`).isChecked()).toBe(true);
    await page2.close({ runBeforeUnload: true });
    await expect.poll(() => second.session.terminated, { timeout: 10_000 }).toBe(true);
    await context2.close();

    const secondVerbs = standIn.lrs.statements
      .filter((s) => ((s.context as { extensions?: Record<string, unknown> }).extensions ?? {})['https://w3id.org/xapi/cmi5/context/extensions/sessionid'] === second.session.sessionId)
      .map((s) => (s.verb as { id: string }).id.split('/').pop());
    expect(secondVerbs[0]).toBe('initialized');
    expect(secondVerbs.at(-1)).toBe('terminated');
    console.log('cmi5 statements accepted:', verbs(registration).join(', '));
    expect(standIn.lrs.rejections).toEqual([]);
  });
});
