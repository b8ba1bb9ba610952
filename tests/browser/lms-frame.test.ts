/**
 * Inside an LMS frame the address never names a file the package does not contain: the player
 * keeps the frame on index.html and puts the route in the hash, so reloading the frame asks the
 * LMS for the launch file again and comes back to the same lesson (docs/decisions/url-scheme.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageCourse } from '../../scripts/package.ts';
import type { CompiledCourse } from '../../src/content/types.ts';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { launchBrowser, waitForApp } from './browser.ts';
import { launch, openLesson } from './lms/course-driver.ts';
import { startLmsServer, type LmsServer } from './lms/lms-server.ts';
import { unpackPackage } from './lms/unpack.ts';

const course = compileContentFolder('content').courses.en as CompiledCourse;
let workDir: string;
let lms: LmsServer;
let browser: Browser;
const packageFiles: Record<string, Set<string>> = {};

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'lms-frame-test-'));
  const built = packageCourse({ build: false, out: path.join(workDir, 'zips'), log: () => undefined });
  const folders: Record<string, string> = {};
  for (const pkg of built) {
    const name = pkg.version === '1.2' ? 'scorm12' : 'scorm2004';
    const dir = path.join(workDir, name);
    packageFiles[name] = new Set(Object.keys(unpackPackage(pkg.file, dir)));
    folders[name] = dir;
  }
  lms = await startLmsServer(folders);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await lms?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function courseFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error('no course frame');
  return frame;
}

describe.each([
  ['1.2', 'scorm12'],
  ['2004', 'scorm2004'],
] as const)('SCORM %s package in an LMS frame', (version, name) => {
  it('keeps the frame on index.html and comes back to the same lesson and answers after a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400 && response.url().includes(`/pkg/${name}/`)) failed.push(`${response.status()} ${response.url()}`);
    });
    const frame = await launch(page, lms.hostUrl, { version, src: lms.launchUrl(name), commitUrl: lms.commitUrl });
    // An answer given mid-course (not submitted yet), then on to a lesson.
    const checkLesson = course.lessons.find((l) => l.checkId)!;
    const question = course.checks[checkLesson.checkId!]!.questions[0]!;
    const input = question.type === 'single' || question.type === 'multiple' ? `input[value="${question.options[0]!.id}"]` : 'input[value="yes"]';
    await openLesson(frame, course, checkLesson.id);
    await frame.locator('.kc-question').first().locator(input).check();
    const lesson = course.lessons.find((l) => l.id === 'the-ladder-of-engagement') ?? course.lessons[14]!;
    await openLesson(frame, course, lesson.id);

    const url = new URL(courseFrame(page).url());
    expect(url.pathname).toBe(`/pkg/${name}/index.html`);
    expect(url.hash).toBe(`#/lesson/${lesson.id}/`);
    // Every link the learner can follow names the launch file, which the package has.
    const hrefs = await frame.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs.filter((h) => h.includes(`/pkg/${name}/`))) {
      expect(packageFiles[name]!.has(new URL(href).pathname.replace(`/pkg/${name}/`, '')), href).toBe(true);
    }

    // Wait for the new document: the old one shows the same lesson until it is replaced.
    const reloaded = courseFrame(page).waitForNavigation();
    await courseFrame(page).evaluate(() => location.reload());
    await reloaded;
    await frame.getByRole('heading', { level: 1, name: lesson.title }).waitFor();
    await waitForApp(frame);
    expect(new URL(courseFrame(page).url()).pathname).toBe(`/pkg/${name}/index.html`);
    expect(await frame.getByRole('heading', { level: 1 }).textContent()).toBe(lesson.title);
    await openLesson(frame, course, checkLesson.id);
    expect(await frame.locator('.kc-question').first().locator(input).isChecked()).toBe(true);
    expect(failed).toEqual([]);
    await context.close();
  });
});
