/**
 * The LMS packages in a real browser with a real LMS-side runtime (scorm-again), for SCORM 1.2
 * and SCORM 2004: package once, unzip, serve each package to a test LMS page on 127.0.0.1 that
 * launches it in an iframe, take the course as a learner does, and read back what the course
 * wrote (the API's CMI data, and what the LMS's commit endpoint stored).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageCourse, type BuiltPackage } from '../../scripts/package.ts';
import type { CompiledCourse } from '../../src/content/types.ts';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import type { ScormVersion } from '../../src/tracking/scorm/formats.ts';
import { SCHEMA_FILES } from '../../src/tracking/scorm/manifest.ts';
import { decodeSuspendData, SUSPEND_DATA_LIMIT } from '../../src/tracking/scorm/suspend-data.ts';
import { launchBrowser, waitForApp } from './browser.ts';
import { type AnswerPlan, closeCourse, goToTrainerPage, launch, LEARNER, lessonComplete, lmsCalls, nextLaunchCmi, openLesson, readCmi, retakeCheck, takeCheck, takeLessons } from './lms/course-driver.ts';
import { startLmsServer, type LmsServer } from './lms/lms-server.ts';
import { unpackPackage } from './lms/unpack.ts';

const course = compileContentFolder('content').courses.en as CompiledCourse;
const NAMES: Record<ScormVersion, string> = { '1.2': 'scorm12', '2004': 'scorm2004' };
const E = {
  '1.2': { status: 'cmi.core.lesson_status', location: 'cmi.core.lesson_location', exit: 'cmi.core.exit', raw: 'cmi.core.score.raw' },
  '2004': { status: 'cmi.completion_status', location: 'cmi.location', exit: 'cmi.exit', raw: 'cmi.score.raw' },
} as const;

let workDir: string;
let built: BuiltPackage[];
const zipEntries: Partial<Record<ScormVersion, Record<string, Uint8Array>>> = {};
let lms: LmsServer;
let browser: Browser;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'scorm-test-'));
  // The packaging step of `npm run package`, on the production dist/ the browser global set-up built.
  built = packageCourse({ build: false, out: path.join(workDir, 'zips'), log: () => undefined });
  const folders: Record<string, string> = {};
  for (const pkg of built) {
    const dir = path.join(workDir, NAMES[pkg.version]);
    zipEntries[pkg.version] = unpackPackage(pkg.file, dir);
    folders[NAMES[pkg.version]] = dir;
  }
  lms = await startLmsServer(folders);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await lms?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** A fresh browser profile (its own local storage), wide enough for the pinned course menu. */
async function newLearnerPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return { context, page: await context.newPage() };
}

const lastStored = () => lms.accepted.at(-1);

function decodeRecord(suspendData: unknown) {
  const decoded = decodeSuspendData(String(suspendData ?? ''));
  if (decoded.kind !== 'ok') throw new Error(`suspend data not readable: ${JSON.stringify(decoded)}`);
  return decoded.record as {
    currentLessonId: string;
    checks: Record<string, { status: string; answers: Record<string, { answer: unknown }>; attempts: unknown[] }>;
    lessons: Record<string, { status: string }>;
  };
}

/** Interaction records in flattened CMI: index → field → value. */
function interactions(cmi: Record<string, unknown>): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  for (const [key, value] of Object.entries(cmi)) {
    const match = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(key);
    if (match && typeof value === 'string') (out[Number(match[1])] ??= {})[match[2]!] = value;
  }
  return out;
}

describe.each(['1.2', '2004'] as const)('SCORM %s package', (version) => {
  const name = NAMES[version];
  const el = E[version];

  it('has a manifest that parses, names a launch file in the zip, and ships the schemas it refers to', async () => {
    const entries = zipEntries[version]!;
    const xml = new TextDecoder().decode(entries['imsmanifest.xml']);
    const page = await browser.newPage();
    const parsed = await page.evaluate(([text, attribute]) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const all = (local: string) => [...doc.getElementsByTagNameNS('*', local)];
      return {
        error: doc.getElementsByTagName('parsererror').length > 0,
        schemaVersion: all('schemaversion')[0]?.textContent,
        title: all('title')[0]?.textContent,
        launch: all('resource')[0]?.getAttribute('href'),
        scormType: all('resource')[0]?.getAttributeNS(all('resource')[0]!.lookupNamespaceURI('adlcp'), attribute),
        files: all('file').map((f) => f.getAttribute('href')),
        schemaLocation: doc.documentElement.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'schemaLocation'),
        mastery: all('masteryscore')[0]?.textContent ?? all('minNormalizedMeasure')[0]?.textContent,
      };
    }, [xml, version === '1.2' ? 'scormtype' : 'scormType'] as const);
    await page.close();
    expect(parsed.error).toBe(false);
    expect(parsed.schemaVersion).toBe(version === '1.2' ? '1.2' : '2004 4th Edition');
    expect(parsed.title).toBe(course.title);
    expect(parsed.scormType).toBe('sco');
    expect(parsed.launch).toBe('index.html');
    expect(entries[parsed.launch!]).toBeDefined();
    for (const file of parsed.files) expect(entries[decodeURI(file!)], file!).toBeDefined();
    const locations = parsed.schemaLocation!.trim().split(/\s+/).filter((_, i) => i % 2 === 1);
    for (const file of locations) expect(entries[file], file).toBeDefined();
    for (const file of SCHEMA_FILES[version].files) expect(entries[file], file).toBeDefined();
    expect(parsed.mastery).toBe(version === '1.2' ? '80' : '0.8');
    // Every page knows which API to look for.
    expect(new TextDecoder().decode(entries['index.html'])).toContain(`<meta name="course-player-lms" content="scorm-${version}" />`);
  });

  it('reports a whole course: completion, pass/fail, score and every question as an interaction', async () => {
    const { context, page } = await newLearnerPage();
    const frame = await launch(page, lms.hostUrl, { version, src: lms.launchUrl(name), commitUrl: lms.commitUrl, cmi: LEARNER[version] });
    // 1.2: every answer right. 2004: the last check wrong first (a fail), then retaken (a pass).
    const plans: Record<string, AnswerPlan> = version === '1.2' ? {} : { barriers: 'wrong' };
    await takeLessons(frame, course, { from: course.lessons[0]!.id, plans });

    let cmi = await readCmi(page);
    if (version === '1.2') {
      expect(cmi['cmi.core.lesson_status']).toBe('passed');
      expect(cmi['cmi.core.score.raw']).toBe('100');
      expect(cmi['cmi.core.score.min']).toBe('0');
      expect(cmi['cmi.core.score.max']).toBe('100');
      expect(cmi['cmi.core.exit']).toBe('');
    } else {
      expect(cmi['cmi.completion_status']).toBe('completed');
      expect(cmi['cmi.success_status']).toBe('failed');
      expect(cmi['cmi.score.raw']).toBe('77'); // 17 of 22
      expect(cmi['cmi.score.scaled']).toBe('0.7727272');
      expect(cmi['cmi.progress_measure']).toBe('1');
      await openLesson(frame, course, 'check-barriers');
      await retakeCheck(frame, course.checks.barriers!, 'correct');
      cmi = await readCmi(page);
      expect(cmi['cmi.success_status']).toBe('passed');
      expect(cmi['cmi.score.scaled']).toBe('1');
      expect(cmi['cmi.score.raw']).toBe('100');
      expect(cmi['cmi.exit']).toBe('normal');
    }
    expect(String(cmi['cmi.suspend_data']).length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);

    const records = interactions(cmi);
    const questions = Object.values(course.checks).flatMap((c) => c.questions.map((q) => ({ check: c.id, q })));
    expect(records.length).toBe(questions.length + (version === '2004' ? course.checks.barriers!.questions.length : 0));
    for (const [i, { check, q }] of questions.entries()) {
      const record = records[i]!;
      expect(record.id).toBe(`${check}_${q.id}`);
      expect(record.result).toBe(version === '2004' && check === 'barriers' ? 'incorrect' : 'correct');
    }
    const first = records[0]!;
    if (version === '1.2') {
      expect(first).toMatchObject({ type: 'choice', student_response: 'c', result: 'correct', weighting: '1' });
      expect(first['correct_responses.0.pattern']).toBe('c');
      expect(first.time).toMatch(/^\d\d:\d\d:\d\d$/);
      expect(first.latency).toMatch(/^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/);
      const matching = records[questions.findIndex((x) => x.q.type === 'matching')]!;
      expect(matching.type).toBe('matching');
      expect(matching.student_response).toMatch(/^\w\.\w(,\w\.\w)*$/);
    } else {
      expect(first).toMatchObject({ type: 'choice', learner_response: 'c', result: 'correct', weighting: '1' });
      expect(first['correct_responses.0.pattern']).toBe('c');
      expect(first.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{2}Z$/);
      expect(first.latency).toMatch(/^PT/);
      expect(first.description).toBe('Which sentence best explains peer support?');
      const multiple = records[1]!;
      expect(multiple.learner_response).toBe('a[,]b[,]c[,]d');
      const text = records[questions.findIndex((x) => x.q.type === 'text')]!;
      expect(text.type).toBe('fill-in');
      // Moodle's short identifiers (mod/scorm/datamodels/scorm_13.js): no hyphens in matching ids.
      const matching = records[questions.findIndex((x) => x.q.type === 'matching')]!;
      const pairs = /^[\w.]+\[\.\][\w.]+(\[,\][\w.]+\[\.\][\w.]+)*$/;
      expect(matching.learner_response).toMatch(pairs);
      expect(matching['correct_responses.0.pattern']).toMatch(pairs);
    }
    await closeCourse(page);
    await expect.poll(() => lmsCalls(page)).toContain(version === '1.2' ? 'LMSFinish' : 'Terminate');
    const calls = await lmsCalls(page);
    expect(calls.filter((c) => /Initialize$/.test(c))).toHaveLength(1);
    expect(calls.filter((c) => c === 'LMSFinish' || c === 'Terminate')).toHaveLength(1);
    await context.close();
  });

  it('resumes mid-course from the LMS: same lesson, same answers, Initialize and Finish once each', async () => {
    const { context, page } = await newLearnerPage();
    let frame = await launch(page, lms.hostUrl, { version, src: lms.launchUrl(name), commitUrl: lms.commitUrl, cmi: LEARNER[version] });
    await takeLessons(frame, course, { from: 'welcome', until: 'how-are-peer-support-services-used', plans: { roles: 'wrong' } });
    await openLesson(frame, course, 'what-value-do-peer-support-services-bring');
    // The bookmark reaches the LMS's server while the learner reads (not only in the commit while
    // closing, which scorm-again may lose): wait for the server to hold it, not for a time.
    await expect
      .poll(() => lastStored()?.[el.location], { timeout: 15_000 })
      .toBe('what-value-do-peer-support-services-bring');
    await closeCourse(page);
    await expect.poll(() => lmsCalls(page)).toContain(version === '1.2' ? 'LMSFinish' : 'Terminate');
    expect((await lmsCalls(page)).filter((c) => /Initialize$|^LMSFinish$|^Terminate$/.test(c))).toHaveLength(2);
    const stored = lastStored()!;
    expect(stored[el.exit]).toBe('suspend');
    expect(stored[el.location]).toBe('what-value-do-peer-support-services-bring');
    expect(stored[el.status]).toBe('incomplete');

    // Relaunch in a new browser profile: everything must come from the LMS.
    await context.close();
    const second = await newLearnerPage();
    frame = await launch(second.page, lms.hostUrl, {
      version,
      src: lms.launchUrl(name),
      commitUrl: lms.commitUrl,
      cmi: nextLaunchCmi(version, stored),
    });
    // The LMS launches the start page; the course opens the lesson the learner left.
    await frame.getByRole('heading', { level: 1, name: 'what value do peer support services bring?' }).waitFor();
    expect(await frame.locator('body').evaluate(() => location.pathname + location.hash)).toMatch(/\/index\.html#\/lesson\/what-value-do-peer-support-services-bring\/$/);
    expect(await lessonComplete(frame, 'importance-of-mutuality')).toBe(true);
    await openLesson(frame, course, 'check-roles');
    await frame.getByText('You answered 0 of 4 correctly.', { exact: true }).waitFor();
    const roles = course.checks.roles!.questions[0]!;
    const wrong = roles.type === 'single' ? roles.options.find((o) => o.id !== roles.correctOptionId)!.id : '';
    expect(await frame.locator('.kc-question').first().locator(`input[value="${wrong}"]`).isChecked()).toBe(true);
    await second.context.close();
  });

  it('a review launch (cmi.mode review) shows the last answers, unchangeable, and writes nothing', async () => {
    const first = await newLearnerPage();
    const frame = await launch(first.page, lms.hostUrl, { version, src: lms.launchUrl(name), commitUrl: lms.commitUrl, cmi: LEARNER[version] });
    await openLesson(frame, course, 'check-roles');
    await takeCheck(frame, course.checks.roles!, 'wrong');
    await expect.poll(() => lastStored() && decodeRecord(lastStored()!['cmi.suspend_data']).checks.roles?.status, { timeout: 15_000 }).toBe('submitted');
    await closeCourse(first.page);
    await expect.poll(() => lmsCalls(first.page)).toContain(version === '1.2' ? 'LMSFinish' : 'Terminate');
    await first.context.close();
    const stored = lastStored()!;

    // The trainer or learner reviews the attempt, in a fresh profile: the answers come from the LMS.
    const second = await newLearnerPage();
    const review = await launch(second.page, lms.hostUrl, {
      version,
      src: lms.launchUrl(name),
      commitUrl: lms.commitUrl,
      cmi: { ...nextLaunchCmi(version, stored), [version === '1.2' ? 'cmi.core.lesson_mode' : 'cmi.mode']: 'review' },
    });
    await openLesson(review, course, 'check-roles');
    await review.getByText('You answered 0 of 4 correctly.', { exact: true }).waitFor();
    await review.getByText('Review: these are your last answers. They cannot be changed here.').waitFor();
    expect(await review.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await closeCourse(second.page);
    await expect.poll(() => lmsCalls(second.page)).toContain(version === '1.2' ? 'LMSFinish' : 'Terminate');
    expect((await lmsCalls(second.page)).filter((c) => /SetValue|Commit/.test(c))).toEqual([]);
    // What the LMS's server holds is the first launch's (its own Terminate may post it again).
    expect(lastStored()!['cmi.suspend_data']).toBe(stored['cmi.suspend_data']);
    await second.context.close();
  });

  it('opens a resumed course on the saved lesson with a calm status, never showing the home page first', async () => {
    const { context, page } = await newLearnerPage();
    // In every document (the course frame too), before each frame is painted: which h1 is visible,
    // and every text the start-up status takes.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const note = (entry: string) => {
        if (seen.at(-1) !== entry) seen.push(entry);
      };
      const sample = () => {
        for (const h1 of document.querySelectorAll('h1')) {
          if (h1.getClientRects().length > 0 && getComputedStyle(h1).visibility === 'visible') note(`h1: ${h1.textContent}`);
        }
        const status = document.querySelector('.lms-startup');
        if (status) note(`status: ${status.textContent} (${status.getAttribute('role')})`);
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
      new MutationObserver(() => {
        const status = document.querySelector('.lms-startup');
        if (status) note(`status: ${status.textContent} (${status.getAttribute('role')})`);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    const lesson = course.lessons.find((l) => l.id === 'sharing')!;
    const frame = await launch(page, lms.hostUrl, {
      version,
      src: lms.launchUrl(name),
      commitUrl: lms.commitUrl,
      cmi: { ...LEARNER[version], [el.location]: lesson.id, [version === '1.2' ? 'cmi.core.entry' : 'cmi.entry']: 'resume' },
    });
    await frame.getByRole('heading', { level: 1, name: lesson.title }).waitFor();
    const seen = await frame.locator('body').evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.filter((s) => s.startsWith('h1: '))).toEqual([`h1: ${lesson.title}`]);
    expect(seen).toContain('status: Opening the course… (status)');
    expect(seen).toContain('status: Resuming where you left off… (status)');
    expect(await frame.locator('.lms-startup').count()).toBe(0); // gone with the pre-rendered page
    expect(await frame.locator('body').evaluate(() => document.activeElement?.closest('.lms-startup') ?? null)).toBeNull();
    await context.close();
  });

  it('keeps progress while commits fail, and sends all of it once the LMS answers again', async () => {
    const { context, page } = await newLearnerPage();
    const frame = await launch(page, lms.hostUrl, { version, src: lms.launchUrl(name), commitUrl: lms.commitUrl, cmi: LEARNER[version] });
    await takeLessons(frame, course, { from: 'welcome', until: 'sharing' });
    const before = lms.accepted.length;
    lms.failCommits(true);
    await takeLessons(frame, course, { from: 'sharing', until: 'how-are-peer-support-services-used' });
    expect(lms.accepted.length).toBe(before);
    expect(lms.refused).toBeGreaterThan(0);
    // The unsent state is in this browser, under the learner's id.
    const kept = await frame.locator('body').evaluate(() => Object.entries(localStorage));
    const mirror = kept.find(([key]) => key.endsWith(':learner-7'));
    expect(mirror).toBeDefined();
    expect(JSON.parse(mirror![1])).toMatchObject({ pending: true, record: { checks: { roles: { status: 'submitted' } } } });

    // The trainer page shows the retrying state live, then the recovery.
    await goToTrainerPage(frame);
    await frame.getByText(/^Not yet saved: \d+ tr(y|ies) failed\./).waitFor();
    lms.failCommits(false);
    await expect.poll(() => lms.accepted.length, { timeout: 20_000 }).toBeGreaterThan(before);
    await frame.getByText('Everything is saved in the LMS.').waitFor();
    const stored = lastStored()!;
    const record = decodeRecord(stored['cmi.suspend_data']);
    expect(record.checks.roles?.status).toBe('submitted');
    expect(Object.keys(record.checks.roles!.answers)).toHaveLength(4);
    expect(record.lessons['importance-of-mutuality']?.status).toBe('complete');
    expect(interactions(stored).map((r) => r.id)).toEqual(expect.arrayContaining(['roles_q1', 'roles_q2', 'roles_q3', 'roles_q4']));
    await context.close();
  });

  it('keeps progress when commits fail until the course is closed, and restores and sends it at the next launch', async () => {
    const { context, page } = await newLearnerPage();
    let frame = await launch(page, lms.hostUrl, { version, src: lms.launchUrl(name), commitUrl: lms.commitUrl, cmi: LEARNER[version] });
    await takeLessons(frame, course, { from: 'welcome', until: 'sharing' });
    lms.failCommits(true);
    await takeLessons(frame, course, { from: 'sharing', until: 'how-are-peer-support-services-used' });
    await closeCourse(page);
    await expect.poll(() => lmsCalls(page)).toContain(version === '1.2' ? 'LMSFinish' : 'Terminate');
    const stale = lastStored()!;
    expect(decodeRecord(stale['cmi.suspend_data']).checks.roles).toBeUndefined();

    // The LMS is back; the learner relaunches on the same computer with what the LMS stored.
    lms.failCommits(false);
    frame = await launch(page, lms.hostUrl, { version, src: lms.launchUrl(name), commitUrl: lms.commitUrl, cmi: nextLaunchCmi(version, stale) });
    await openLesson(frame, course, 'check-roles');
    await frame.getByText('You answered 4 of 4 correctly.', { exact: true }).waitFor();
    await expect.poll(() => decodeRecord(lastStored()!['cmi.suspend_data']).checks.roles?.status, { timeout: 10_000 }).toBe('submitted');
    const stored = lastStored()!;
    expect(stored[el.location]).toBe('check-roles');
    expect(interactions(stored).map((r) => r.id)).toEqual(expect.arrayContaining(['roles_q1', 'roles_q4']));
    await context.close();
  });

  it('has a trainer page that names the standard, round-trips a value and shows what the LMS holds', async () => {
    const { context, page } = await newLearnerPage();
    const frame = await launch(page, lms.hostUrl, { version, src: lms.launchUrl(name), commitUrl: lms.commitUrl, cmi: LEARNER[version] });
    await goToTrainerPage(frame);
    expect(await frame.getByRole('heading', { level: 1 }).count()).toBe(1);
    const standard = version === '1.2' ? 'SCORM 1.2' : 'SCORM 2004 (4th edition)';
    await frame.getByText(`Found the ${standard} API (${version === '1.2' ? 'API' : 'API_1484_11'}).`).waitFor();
    const run = frame.getByRole('button', { name: 'Run the test' });
    await run.focus();
    await page.keyboard.press('Enter');
    await frame.getByRole('status').filter({ hasText: 'Passed: the LMS stored “en”, returned it, and saved.' }).waitFor();
    const table = frame.getByRole('table', { name: 'What the LMS holds for this learner' });
    await expect.poll(() => table.getByRole('row', { name: new RegExp(`${el.status.replace(/\./g, '\\.')} incomplete`) }).count()).toBe(1);
    await table.getByRole('row', { name: /cmi\.suspend_data\._length \d+/ }).waitFor();
    await context.close();
  });
});

describe('an LMS package opened outside an LMS', () => {
  it('works from this browser and says no LMS was found', async () => {
    const { context, page } = await newLearnerPage();
    await page.goto(lms.launchUrl('scorm12').replace('index.html', 'lesson/welcome/'));
    await page.getByRole('heading', { level: 1, name: 'welcome' }).waitFor();
    await waitForApp(page);
    await goToTrainerPage(page);
    expect(await page.getByText(/^No SCORM 1\.2 API found\./).isVisible()).toBe(true);
    await context.close();
  });
});
