/**
 * The glossary as a learner meets it: the first use of an acronym in a lesson is spelled out, a
 * defined term links to its entry, the glossary page (pre-rendered, reachable from the menu and the
 * home page, not a lesson) lists every entry alphabetically and links each back to its lesson.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { launchBrowser, waitForApp } from './browser.ts';

const baseUrl = inject('baseUrl');
const content = compileContentFolder('content');
const glossary = content.glossaries.en!;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
});
afterAll(async () => browser?.close());

const heading = () => page.getByRole('heading', { level: 1 });

describe('the glossary', () => {
  it('is pre-rendered with every entry, alphabetically', async () => {
    const html = await (await fetch(`${baseUrl}glossary/`)).text();
    expect(html).toContain('<h1 tabindex="-1">Glossary</h1>');
    const terms = [...html.matchAll(/<dt id="glossary-([^"]+)"/g)].map((m) => m[1]);
    expect(terms).toEqual(glossary.entries.map((e) => e.id));
    const sorted = [...glossary.entries].map((e) => e.term).sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
    expect(glossary.entries.map((e) => e.term)).toEqual(sorted);
  });

  it('spells out an acronym at its first use in a lesson, readable by screen readers', async () => {
    await page.goto(`${baseUrl}lesson/what-do-providers-need-to-do/`);
    await waitForApp(page);
    const abbr = page.locator('abbr[title="peer support worker"]').first();
    expect(await abbr.textContent()).toBe('PSWs');
    // The visible expansion follows the first use; later uses are left as written.
    const firstItem = await page.locator('li', { hasText: "aren't trusted" }).first().textContent();
    expect(firstItem).toBe("PSWs (peer support workers) aren't trusted");
    expect(await page.locator('abbr[title="peer support worker"]').count()).toBe(1);
  });

  it('links a defined term to its entry, and the entry back to its lesson', async () => {
    await page.goto(`${baseUrl}lesson/summary/`);
    await waitForApp(page);
    await page.locator('a.glossary-link', { hasText: /^mutuality$/i }).first().click();
    await expect.poll(() => heading().textContent()).toBe('Glossary');
    expect(new URL(page.url()).hash).toBe('#mutuality');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('glossary-mutuality');
    const entry = page.locator('.glossary-entry', { has: page.locator('#glossary-mutuality') });
    await entry.getByRole('link', { name: /Explained in lesson 7: importance of mutuality/ }).click();
    await expect.poll(() => heading().textContent()).toBe('importance of mutuality');
  });

  it('is in the menu, after the lessons and not counted as one, and on the home page', async () => {
    await page.goto(baseUrl);
    await waitForApp(page);
    const menu = page.getByRole('navigation', { name: 'Course menu' });
    expect(await menu.getByRole('link', { name: 'Glossary' }).count()).toBe(1);
    expect(await menu.locator('ol a.lesson-link').count()).toBe(28);
    expect(await menu.locator('progress').getAttribute('aria-valuetext')).toMatch(/ of 28 lessons complete/);
    await page.locator('main').getByRole('link', { name: 'Glossary of terms and acronyms' }).click();
    await expect.poll(() => heading().textContent()).toBe('Glossary');
    expect(await page.title()).toBe("Glossary – Employer's Guide to Peer Worker Support and Engagement");
  });
});
