/**
 * The web edition offline (production build, a static server on 127.0.0.1): after a first visit
 * the whole course is on the device; with the connection off every route works on a reload or a
 * deep link, and a check can be answered; a new build is offered, never forced; the kill switch
 * takes the worker back; the course is installable; LMS packages carry no worker.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { packageCourse } from '../../scripts/package.ts';
import { isServiceWorkerFile } from '../../scripts/service-worker.ts';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { axeViolations } from './axe.ts';
import { CHROMIUM_FLAGS, launchBrowser, waitForApp } from './browser.ts';
import { buildVariant, editJson, type Variant } from './build-variant.ts';
import { launch } from './lms/course-driver.ts';
import { startLmsServer, type LmsServer } from './lms/lms-server.ts';
import { unpackPackage } from './lms/unpack.ts';
import { startStaticServer } from './static-server.ts';

const baseUrl = inject('baseUrl');
const course = compileContentFolder('content').courses.en!;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

async function newLearner(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return { context, page: await context.newPage() };
}

/** Resolves once the worker has precached everything and controls the page. */
async function waitUntilOfflineReady(page: Page): Promise<void> {
  await page.getByText('Ready to use offline').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The page is styled, the app has taken over, and the h1 is `title`. */
async function expectWorkingPage(page: Page, title: string): Promise<void> {
  await waitForApp(page);
  await expect.poll(() => h1(page).textContent()).toBe(title);
  // The stylesheet is applied: the skip link is moved off screen by app.css.
  expect(await page.locator('.skip-link').evaluate((el) => getComputedStyle(el).position)).toBe('absolute');
}

describe('offline after the first visit', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await newLearner());
    await page.goto(baseUrl);
    await waitForApp(page);
    await waitUntilOfflineReady(page);
    await context.setOffline(true);
  });
  afterAll(async () => context?.close());

  it('says so, calmly, when the connection drops', async () => {
    await page.getByText('You are offline — your progress is saved on this device.').waitFor();
    expect(await page.evaluate(() => document.activeElement === document.body || document.activeElement?.tagName === 'H1')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('opens every route as a reload and as a deep link', async () => {
    const routes: [string, string][] = [
      ['', course.title],
      ...course.lessons.map((lesson): [string, string] => [`lesson/${lesson.id}/`, lesson.title]),
      ['results/', 'Your results'],
      ['lms-check/', 'LMS connection check'],
      ['no-such-page/', 'Page not found'],
    ];
    for (const [route, title] of routes) {
      await page.goto(`${baseUrl}${route}`);
      await expectWorkingPage(page, title);
    }
    // A reload, and a deep link written without its trailing slash.
    await page.reload();
    await expectWorkingPage(page, 'Page not found');
    const lesson = course.lessons[4]!;
    await page.goto(`${baseUrl}lesson/${lesson.id}`);
    await expectWorkingPage(page, lesson.title);
  });

  it('answers a knowledge check offline and keeps the answer over a reload', async () => {
    await page.goto(`${baseUrl}lesson/check-roles/`);
    await expectWorkingPage(page, 'check your understanding');
    const option = page.getByRole('radio', { name: /A relationship of mutual support/ });
    await option.check();
    await page.reload();
    await waitForApp(page);
    await expect.poll(() => page.getByRole('radio', { name: /A relationship of mutual support/ }).isChecked()).toBe(true);
  });
});

describe('saving the course for offline', () => {
  it('saves one file at a time with a pause between files, so it does not slow the first lessons', async () => {
    const server = await startStaticServer({ root: 'dist', mountPath: '/course/' });
    const { context, page } = await newLearner();
    try {
      await page.goto(`${server.origin}/course/`);
      await waitForApp(page);
      await waitUntilOfflineReady(page);
      // The worker's fetch() calls: the page asks for documents, scripts, styles and images.
      const saved = server.requests().filter((request) => request.destination === 'empty');
      expect(saved.filter((request) => request.url.endsWith('/index.html') || request.url.endsWith('/')).length).toBeGreaterThan(course.lessons.length);
      const gaps = saved.slice(1).map((request, index) => request.at - saved[index]!.at);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(30);
    } finally {
      await context.close();
      await server.close();
    }
  });
});

describe('a new build, and the kill switch', () => {
  let site: string;
  let server: Awaited<ReturnType<typeof startStaticServer>>;
  let versionA: Variant;
  let versionB: Variant;
  let removal: Variant;
  const url = () => `${server.origin}/course/`;

  /** Deploys a build at the same address, the way a host replaces the files. */
  function deploy(variant: Variant) {
    for (const entry of readdirSync(site)) rmSync(path.join(site, entry), { recursive: true, force: true });
    cpSync(variant.outDir, site, { recursive: true });
  }

  beforeAll(async () => {
    versionA = await buildVariant(() => undefined);
    versionB = await buildVariant((dir) => {
      // One lesson's text changed, and a lesson added at the end of the last section.
      editText(path.join(dir, 'en/lessons/01-welcome.md'), (text) => text.replace('Welcome to the', 'Welcome, in version B, to the'));
      editText(path.join(dir, 'en/lessons/99-added.md'), () => '---\nid: added-lesson\ntitle: an added lesson\nsummary: Added.\n---\n\nA lesson added in version B.\n');
      editJson<{ sections: { lessons: string[] }[] }>(path.join(dir, 'en/course.json'), (c) => {
        c.sections.at(-1)!.lessons.push('added-lesson');
        return c;
      });
    });
    removal = await buildVariant(() => undefined, { env: { COURSE_SERVICE_WORKER: 'remove' } });
    site = mkdtempSync(path.join(tmpdir(), 'offline-site-'));
    deploy(versionA);
    server = await startStaticServer({ root: site, mountPath: '/course/' });
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    for (const variant of [versionA, versionB, removal]) variant?.remove();
    if (site) rmSync(site, { recursive: true, force: true });
  });

  it('offers the new version, never reloads by itself, and keeps progress', async () => {
    const { context, page } = await newLearner();
    await page.goto(`${url()}lesson/welcome/`);
    await waitForApp(page);
    await waitUntilOfflineReady(page);
    await page.getByRole('link', { name: /Continue/ }).click();
    await expect.poll(() => h1(page).textContent()).toBe('about this course');
    await page.goto(`${url()}lesson/welcome/`);
    await waitForApp(page);

    deploy(versionB);
    await page.reload();
    await waitForApp(page);
    await page.getByText('A new version of the course is available.').waitFor({ timeout: 30_000 });
    // Still version A's words: nothing changed under the learner.
    expect(await page.getByText('Welcome to the').first().isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Reload now' }).click();
    await page.getByText('Welcome, in version B, to the').first().waitFor();
    await waitForApp(page);
    const menu = page.getByRole('navigation', { name: 'Course menu' });
    await menu.getByRole('link', { name: /an added lesson/ }).waitFor();
    // Progress is kept by the saved-progress rules: the lesson read in version A is still complete.
    expect(await menu.getByRole('link', { name: /^1\. welcome/ }).textContent()).toMatch(/Complete/);
    await context.close();
  }, 120_000);

  it('the kill switch unregisters the worker and deletes its caches', async () => {
    deploy(versionA);
    const { context, page } = await newLearner();
    await page.goto(url());
    await waitForApp(page);
    await waitUntilOfflineReady(page);
    expect(await page.evaluate(() => caches.keys())).not.toEqual([]);

    deploy(removal);
    await page.reload();
    await expect
      .poll(async () => page.evaluate(async () => ({
        workers: (await navigator.serviceWorker.getRegistrations()).length,
        caches: (await caches.keys()).length,
      })), { timeout: 30_000 })
      .toEqual({ workers: 0, caches: 0 });
    // The course still works, from the network. (A new page: the kill switch reloads the old one
    // itself, right after unregistering, and that reload would cut across a goto here.)
    const fresh = await context.newPage();
    await fresh.goto(url());
    await expectWorkingPage(fresh, course.title);
    await context.close();
  }, 120_000);
});

function editText(file: string, edit: (text: string) => string) {
  writeFileSync(file, edit(existsSync(file) ? readFileSync(file, 'utf8') : ''));
}

describe('installable', () => {
  it('has no installability errors', async () => {
    // Chromium installs nothing from an incognito profile, which is what newContext() gives.
    const profile = mkdtempSync(path.join(tmpdir(), 'offline-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_FLAGS,
    });
    try {
      const page = await context.newPage();
      await page.goto(baseUrl);
      await waitForApp(page);
      await waitUntilOfflineReady(page);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
      expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

describe('LMS packages', () => {
  let workDir: string;
  let lms: LmsServer;
  let entries: Record<string, Uint8Array>;

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'offline-lms-'));
    const [, scorm2004] = packageCourse({ build: false, out: path.join(workDir, 'zips'), log: () => undefined });
    const dir = path.join(workDir, 'scorm2004');
    entries = unpackPackage(scorm2004!.file, dir);
    lms = await startLmsServer({ scorm2004: dir });
  }, 120_000);
  afterAll(async () => {
    await lms?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('carry no service worker, register none, and say nothing about it', async () => {
    expect(Object.keys(entries).filter(isServiceWorkerFile)).toEqual([]);
    const { context, page } = await newLearner();
    const errors: string[] = [];
    page.on('console', (message) => {
      const source = message.location().url;
      if ((message.type() === 'error' || message.type() === 'warning') && !source.endsWith('/favicon.ico')) errors.push(`${message.text()} ${source}`);
    });
    // The course's own files (the test LMS page itself has no favicon, which is not the course's).
    const packageFolder = new URL('.', lms.launchUrl('scorm2004')).href;
    page.on('response', (response) => {
      if (response.status() >= 400 && response.url().startsWith(packageFolder)) errors.push(`${response.status()} ${response.url()}`);
    });
    const frame = await launch(page, lms.hostUrl, { version: '2004', src: lms.launchUrl('scorm2004'), commitUrl: lms.commitUrl });
    await frame.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForTimeout(1_000); // the web edition registers after load: give it the chance it must not take
    const registrations = await page.frames().at(-1)!.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
    expect(registrations).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
