/**
 * The print edition as a trainer gets it: the PDFs `npm run print:pdf` writes (same code, printed
 * from the test server), read back with pdftotext (poppler-utils), and the print-media layout in
 * the browser.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { glossaryTerms } from '../../src/app/print/glossary.ts';
import { htmlParagraphs } from '../../src/blocks/print/print-order.ts';
import type { Block } from '../../src/content/types.ts';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { printAllVariants, printEditionPdf } from '../../scripts/print-edition.ts';
import { axeViolations } from './axe.ts';
import { launchBrowser, waitForApp } from './browser.ts';

const baseUrl = inject('baseUrl');
const content = compileContentFolder('content');
const course = content.courses.en!;
const bodies = content.lessonBodies.en!;
const glossary = content.glossaries.en ?? null;

/** pdftotext's text with white space collapsed (lines wrap anywhere in a paragraph). */
const flat = (text: string) => text.replace(/\s+/g, ' ');
const pdfText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

let browser: Browser;
let out: string;
const text: Record<'main' | 'large' | 'withoutKey' | 'french', string> = { main: '', large: '', withoutKey: '', french: '' };
const pages: Record<string, number> = {};

beforeAll(async () => {
  browser = await launchBrowser();
  out = mkdtempSync(path.join(tmpdir(), 'print-edition-'));
  const [main, large, withoutKey] = await printAllVariants(browser, baseUrl, out, course.id);
  const french = path.join(out, 'french.pdf');
  await printEditionPdf(browser, baseUrl, '?key=without', french, 'fr-CA');
  for (const [name, file] of Object.entries({ main, large, withoutKey, french }) as [keyof typeof text, string][]) {
    text[name] = pdfText(file);
    pages[name] = pageCount(file);
  }
}, 180_000);
afterAll(async () => {
  await browser?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('the printed course (PDF)', () => {
  it('holds every lesson title, every question prompt and every glossary term', () => {
    const main = flat(text.main);
    const missing: string[] = [];
    for (const lesson of course.lessons) if (!main.includes(flat(lesson.title))) missing.push(`lesson: ${lesson.title}`);
    for (const check of Object.values(course.checks)) {
      const words = bodies[check.lessonId]!.check!;
      for (const question of check.questions) {
        const prompt = flat(words.questions[question.id]!.promptText);
        if (!main.includes(prompt)) missing.push(`prompt: ${prompt}`);
      }
    }
    for (const term of glossaryTerms(glossary)) if (!main.includes(flat(term.term))) missing.push(`term: ${term.term}`);
    expect(missing).toEqual([]);
  });

  it('holds the closed parts of interactive blocks: every tab, accordion item, point, slide and card', () => {
    const main = flat(text.main);
    const missing: string[] = [];
    const walk = (blocks: Block[]) => {
      for (const block of blocks) {
        if (block.type === 'tabs' || block.type === 'accordion') block.panels.forEach((p) => (check(p.title), walk(p.blocks)));
        else if (block.type === 'reveal') block.points.forEach((p) => (check(p.title), walk(p.blocks)));
        else if (block.type === 'slides') block.slides.forEach((p) => (check(p.title), walk(p.blocks)));
        else if (block.type === 'flipcards') block.cards.forEach((c) => (check(c.frontText), walk(c.back)));
        // The first words of each text, up to its first link (whose address is printed after it) or footnote number.
        else if (block.type === 'prose') htmlParagraphs(block.html.split(/<\/a>/)[0]!).slice(0, 1).forEach((p) => check(p.split(' ').slice(0, 6).join(' ')));
      }
    };
    const check = (words: string) => {
      if (!main.includes(flat(words))) missing.push(words);
    };
    for (const lesson of course.lessons) walk(bodies[lesson.id]!.blocks);
    expect(missing.map((words) => JSON.stringify(flat(words)))).toEqual([]);
  });

  it('prints no screen-only controls', () => {
    for (const name of ['main', 'large', 'withoutKey'] as const) {
      const lines = text[name].split('\n').map((line) => line.trim());
      for (const control of ['Menu', 'Continue', 'Previous', 'Next', 'Listen', 'Pause', 'Stop', 'Speed', 'Print or save as PDF', 'English', 'Français', 'Skip to content']) {
        expect(lines, `${name}: ${control}`).not.toContain(control);
      }
      // Controls as a line of their own (lesson 2 quotes "Skip to content" in its text, which stays).
      for (const phrase of ['Submit answers', 'Print options', 'Choose…']) {
        expect(text[name], `${name}: ${phrase}`).not.toContain(phrase);
      }
    }
  });

  it('numbers the pages in the margin ("Page 2 of N")', () => {
    expect(pages.main).toBeGreaterThan(10);
    expect(text.main).toContain(`Page 2 of ${pages.main}`);
    expect(text.main).toContain(`Page ${pages.main} of ${pages.main}`);
    expect(text.french).toContain(`Page 2 sur ${pages.french}`);
  });

  it('has the answer key in the main file and the large print, and not in the copy without it', () => {
    const intro = 'For trainers: the correct answer to each worksheet question, and why.';
    for (const name of ['main', 'large'] as const) {
      expect(flat(text[name])).toContain(intro);
      expect(text[name]).toMatch(/Answer: [A-E]\. /);
    }
    expect(flat(text.withoutKey)).not.toContain(intro);
    expect(text.withoutKey).not.toMatch(/Answer: /);
    expect(text.withoutKey).not.toContain('Answer key');
    // The worksheets and the completion record stay.
    expect(text.withoutKey).toContain('Worksheet');
    expect(text.withoutKey).toContain('Completion record');
  });

  it('large print takes more pages than standard print', () => {
    expect(pages.large).toBeGreaterThan(pages.main!);
  });

  it('works with the French interface (course text stays English)', () => {
    expect(text.french).toContain('Feuille d’exercices');
    expect(text.french).toContain('Attestation de suivi');
    expect(text.french).not.toContain('Corrigé');
    expect(flat(text.french)).toContain(flat(course.lessons[0]!.title));
  });
});

describe('the print page in the browser', () => {
  it('lays out within the page width in print media, standard and large print', async () => {
    // Letter paper, 16 mm side margins (print.css): 8.5 in − 32 mm at 96 px/in.
    const width = Math.floor(8.5 * 96 - (32 / 25.4) * 96);
    const context = await browser.newContext({ viewport: { width, height: 1000 } });
    const page = await context.newPage();
    for (const query of ['', '?size=large']) {
      await page.goto(`${baseUrl}print/${query}`);
      await waitForApp(page);
      await page.locator('.print-lesson').last().waitFor();
      await page.emulateMedia({ media: 'print' });
      const result = await page.evaluate(() => {
        const limit = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll('.print-edition *')]
          .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > limit + 1)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`);
        const prose = document.querySelector('.print-lesson .prose p');
        return { wide, scroll: document.documentElement.scrollWidth, limit, fontSize: prose ? parseFloat(getComputedStyle(prose).fontSize) : 0 };
      });
      expect(result.wide, query).toEqual([]);
      expect(result.scroll, query).toBeLessThanOrEqual(result.limit);
      // 18 pt = 24 CSS px.
      if (query) expect(result.fontSize).toBeGreaterThanOrEqual(24);
      else expect(result.fontSize).toBeLessThan(24);
      await page.emulateMedia({ media: 'screen' });
    }
    await context.close();
  });

  it('the options change the edition in place and keep focus', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}print/`);
    await waitForApp(page);
    await page.locator('.print-lesson').last().waitFor();
    expect(await page.getByRole('heading', { name: 'Answer key' }).count()).toBe(1);
    const without = page.getByRole('radio', { name: 'Leave out the answer key' });
    await without.check();
    await page.waitForURL(/key=without/);
    expect(await page.getByRole('heading', { name: 'Answer key' }).count()).toBe(0);
    expect(await without.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('radio', { name: 'Large print (18 pt)' }).check();
    expect(await page.locator('.print-edition--large').count()).toBe(1);
    await page.close();
  });

  it('passes axe in the French interface', async () => {
    const context = await browser.newContext({ locale: 'fr-CA' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}print/`);
    await waitForApp(page);
    await page.getByRole('heading', { name: 'Corrigé' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('is linked from the home page', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl);
    await waitForApp(page);
    await page.getByRole('link', { name: 'Print or save the whole course' }).click();
    await page.getByRole('heading', { name: 'Print options' }).waitFor();
    expect(page.url()).toMatch(/\/print\/?$/);
    await page.close();
  });
});
