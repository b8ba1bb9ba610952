/**
 * The plain xAPI package (`<course-id>-xapi.zip`, tincan.xml), launched as an LMS does a TinCan
 * package (`endpoint`, `auth`, `actor`, `registration`, `activity_id` in the query) from the
 * LMS/LRS stand-in (tests/browser/lms/lrs-server.ts `xapiLaunch`), in Chromium: the same client
 * and session as cmi5, without the fetch URL and LMS.LaunchData.
 */
import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CompiledCourse } from '../../src/content/types.ts';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { PROGRESS_STATE_ID } from '../../src/tracking/cmi5/session.ts';
import { finishReading, goToTrainerPage, openLesson } from './lms/course-driver.ts';
import { pageAsFrame, useLrsStandIn, verbsOf } from './lms/lrs-stand-in.ts';

const course = compileContentFolder('content').courses.en as CompiledCourse;
const standIn = useLrsStandIn('xapi', course.id);
const open = (url: string) => standIn.openUrl(url);

describe('the plain xAPI package', () => {
  it('has tincan.xml naming the course activity and a launch file the zip has, and its pages marked xapi', () => {
    const xml = strFromU8(standIn.entries['tincan.xml']!);
    expect(xml).toContain('<tincan xmlns="http://projecttincan.com/tincan.xsd">');
    expect(xml).toContain(`<activity id="urn:course-player:${course.id}" type="http://adlnet.gov/expapi/activities/course">`);
    const launch = /<launch lang="en">([^<]+)<\/launch>/.exec(xml)?.[1];
    expect(launch).toBe('index.html');
    expect(strFromU8(standIn.entries[launch!]!)).toContain('<meta name="course-player-lms" content="xapi" />');
    expect(Object.keys(standIn.entries).some((name) => name === 'cmi5.xml' || name === 'imsmanifest.xml')).toBe(false);
  });

  it('reports to the LRS with the launch\'s auth, and a relaunch resumes from the state document', async () => {
    const first = standIn.lrs.xapiLaunch();
    const { registration } = first.session;
    const page = await open(first.url);
    await expect.poll(() => verbsOf(standIn.lrs, registration)[0], { timeout: 15_000 }).toBe('initialized');
    const [lesson1, lesson2] = course.lessons;
    await openLesson(pageAsFrame(page), course, lesson1!.id);
    await finishReading(pageAsFrame(page), lesson1!.id);
    await openLesson(pageAsFrame(page), course, lesson2!.id);
    await expect
      .poll(() => (standIn.lrs.state.get(`${registration}|${PROGRESS_STATE_ID}`) as { currentLessonId?: string } | undefined)?.currentLessonId, { timeout: 15_000 })
      .toBe(lesson2!.id);

    // The trainer page knows the xAPI launch.
    await goToTrainerPage(page);
    const value = (term: string) => page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').textContent();
    expect(await value('Package')).toBe('xAPI (Tin Can) package');
    expect(await value('Learning record store')).toBe(`${standIn.lrs.url}/xapi/`);
    expect(await page.locator('dt', { hasText: 'Launch mode' }).count()).toBe(0);

    await page.close({ runBeforeUnload: true });
    await expect.poll(() => verbsOf(standIn.lrs, registration).at(-1), { timeout: 10_000 }).toBe('terminated');
    const verbs = verbsOf(standIn.lrs, registration);
    expect(verbs[0]).toBe('initialized');
    expect(verbs).toContain('progressed');
    expect(verbs.filter((v) => v === 'terminated')).toHaveLength(1);
    // No cmi5 LMS part was asked for.
    expect(standIn.lrs.requests.some((r) => r.startsWith('POST /fetch') || r.includes('agents/profile'))).toBe(false);

    const second = standIn.lrs.xapiLaunch({ registration });
    const page2 = await open(second.url);
    await page2.getByRole('heading', { level: 1, name: lesson2!.title }).waitFor({ timeout: 15_000 });
    await page2.close({ runBeforeUnload: true });
    await expect.poll(() => verbsOf(standIn.lrs, registration).filter((v) => v === 'terminated').length, { timeout: 10_000 }).toBe(2);
    expect(standIn.lrs.rejections).toEqual([]);
    expect(new Set(standIn.lrs.statements.map((s) => s.id)).size).toBe(standIn.lrs.statements.length);
    console.log('xAPI statements accepted:', verbsOf(standIn.lrs, registration).join(', '));
  });

  it('runs on this browser\'s storage, calmly, when the launch\'s auth is refused', async () => {
    const { url } = standIn.lrs.xapiLaunch();
    const page = await open(url.replace(/auth=[^&]+/, 'auth=Basic%20bm90OnZhbGlk'));
    await page.getByText('Not connected to a learning system: your progress is saved in this browser only.').waitFor();
    await page.context().close();
  });
});
