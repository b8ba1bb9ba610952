/**
 * The pre-rendered pages tell the truth for a learner with no progress yet (what the app shows
 * once it takes over): each lesson page marks its own lesson current in the menu, says "Lesson N
 * of 28", and its Previous and Continue go to the real neighbours (the last one to the results);
 * the home page shows no lesson in progress. Read from the production build's HTML files.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledCourse } from '../../src/content/types.ts';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { launchBrowser } from './browser.ts';

const course = compileContentFolder('content').courses.en as CompiledCourse;

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  // The HTML as it arrives, before any script runs.
  page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
});
afterAll(() => browser?.close());

interface Doc {
  file: string;
  /** Hrefs matching a selector, in order. */
  hrefs(selector: string): Promise<string[]>;
  text(selector: string): Promise<string[]>;
}

async function open(file: string): Promise<Doc> {
  await page.setContent(readFileSync(`dist/${file}`, 'utf8'));
  const all = (selector: string, what: 'href' | 'text') =>
    page.$$eval(selector, (els, w) => els.map((el) => (w === 'href' ? el.getAttribute('href') ?? '' : el.textContent ?? '')), what);
  return { file, hrefs: (selector) => all(selector, 'href'), text: (selector) => all(selector, 'text') };
}

/** An href resolved against the page's own folder, relative to the site base. */
function target(doc: Doc, href: string | undefined): string {
  return new URL(href ?? '', `http://127.0.0.1/courses/peer/${doc.file}`).pathname.replace('/courses/peer/', '');
}

describe('pre-rendered lesson pages', () => {
  it.each(course.lessons.map((lesson, index) => [lesson.id, index] as const))('%s: current in the menu, its number, its neighbours', async (id, index) => {
    const doc = await open(`lesson/${id}/index.html`);
    const current = await doc.hrefs('nav.course-menu a[aria-current="page"]');
    expect(current.map((href) => target(doc, href))).toEqual([`lesson/${id}/`]);
    expect(await doc.text('.lesson-meta')).toEqual([`Lesson ${index + 1} of ${course.lessons.length}`]);
    // Only this lesson is in progress: a learner who opens it has visited no other.
    const marks = await doc.text('nav.course-menu a');
    const hrefs = await doc.hrefs('nav.course-menu a');
    expect(hrefs.filter((_, i) => marks[i]!.includes('In progress')).map((href) => target(doc, href))).toEqual([`lesson/${id}/`]);

    const previous = await doc.hrefs('nav.continue-bar a[rel="prev"]');
    const before = course.lessons[index - 1];
    expect(previous.map((href) => target(doc, href))).toEqual(before ? [`lesson/${before.id}/`] : []);
    const next = await doc.hrefs('nav.continue-bar .continue-bar__next a');
    const after = course.lessons[index + 1];
    expect(next.map((href) => target(doc, href))).toEqual([after ? `lesson/${after.id}/` : 'results/']);
    if (after) expect((await doc.text('nav.continue-bar .continue-bar__next a'))[0]).toContain(after.title);
  });
});

describe('pre-rendered home page', () => {
  it('shows no lesson in progress and offers to start at lesson 1', async () => {
    const doc = await open('index.html');
    expect((await doc.text('body'))[0]).not.toContain('In progress');
    const start = await doc.hrefs('.home-actions a');
    expect(await doc.text('.home-actions a')).toEqual(['Start the course']);
    expect(start.map((href) => target(doc, href))).toEqual([`lesson/${course.lessons[0]!.id}/`]);
  });

  it('every page names a favicon the build has', async () => {
    for (const file of ['index.html', `lesson/${course.lessons[0]!.id}/index.html`, '404.html']) {
      const doc = await open(file);
      const [icon] = await doc.hrefs('link[rel="icon"]');
      expect(icon, file).toMatch(/favicon\.svg$/);
      expect(() => readFileSync(`dist/${target(doc, icon)}`), file).not.toThrow();
    }
  });
});
