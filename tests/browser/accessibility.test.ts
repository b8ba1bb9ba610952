/**
 * axe-core (WCAG 2.0/2.1/2.2 A and AA) on every route and on interactive states, in light and dark
 * themes, wide and narrow, plus the page structure every page must have.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { axeViolations } from './axe.ts';
import { launchBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
const course = compileContentFolder('content').courses.en!;
const routes = ['', 'results', 'glossary/', 'print/', 'print/?size=large&key=without', ...course.lessons.map((l) => `lesson/${l.id}/`)];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function open(context: BrowserContext, route: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(baseUrl + route);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  return page;
}

async function expectPageStructure(page: Page) {
  // One heading to read; the next lesson, drawn ahead out of sight, is not on the page yet.
  expect(await page.locator('h1:visible').count()).toBe(1);
  expect(await page.locator('main').count()).toBe(1);
  expect(await page.locator('header').first().isVisible()).toBe(true);
  expect(await page.getByRole('link', { name: 'Skip to content' }).count()).toBe(1);
  expect(await page.getByRole('navigation', { name: 'Course menu' }).count()).toBe(1);
}

for (const scheme of ['light', 'dark'] as const) {
  describe(`every page in the ${scheme} theme has no WCAG A/AA violations`, () => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
    });
    afterAll(async () => context?.close());

    for (const route of routes) {
      it(`/${route}`, async () => {
        const page = await open(context, route);
        await expectPageStructure(page);
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });
    }
  });
}

describe('interactive states have no violations', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    // Reduced motion: axe then checks each state as it settles, not half-way through a card's flip.
    context = await browser.newContext({ viewport: { width: 375, height: 800 }, reducedMotion: 'reduce' });
  });
  afterAll(async () => context?.close());

  it('the menu opened over the page on a phone', async () => {
    const page = await open(context, 'lesson/what-is-peer-support/');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Course menu' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('button', { name: 'Menu' }).evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('each tab of the ladder of engagement', async () => {
    const page = await open(context, 'lesson/the-ladder-of-engagement/');
    for (const tab of await page.getByRole('tab').all()) {
      await tab.click();
      expect(await axeViolations(page)).toEqual([]);
    }
  });

  it('every flip card turned, every point revealed, every accordion item and slide', async () => {
    for (const [route, role, name] of [
      ['lesson/scope-of-peer-support/', 'button', /.+/],
      ['lesson/a-note-about-recovery/', 'button', /.+/],
      ['lesson/more-ways-to-empower-peer-support-workers/', 'button', /.+/],
    ] as const) {
      const page = await open(context, route);
      const main = page.getByRole('main');
      for (const button of await main.getByRole(role, { name }).all()) {
        if (await button.isVisible()) await button.click();
      }
      expect(await axeViolations(page), route).toEqual([]);
      await page.close();
    }
    const slides = await open(context, 'lesson/barriers-that-hinder-peer-practice/');
    const next = slides.getByRole('button', { name: /Next/ });
    while ((await next.getAttribute('aria-disabled')) !== 'true') {
      await next.click();
      expect(await axeViolations(slides)).toEqual([]);
    }
  });

  it('a knowledge check refused, then with feedback shown', async () => {
    const page = await open(context, 'lesson/check-barriers/');
    // Submit is aria-disabled until every question is answered, but still reachable by keyboard.
    await page.getByRole('button', { name: 'Submit answers' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/Answer \d+ more questions? to submit\./).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    for (const group of await page.getByRole('group').all()) {
      const box = group.getByRole('checkbox').first();
      if (await box.count()) await box.check();
      const radio = group.getByRole('radio').first();
      if (await radio.count()) await radio.check();
    }
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByText(/You answered \d+ of \d+ correctly\./).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the French interface', async () => {
    const french = await browser.newContext({ viewport: { width: 375, height: 800 }, locale: 'fr-CA' });
    const page = await open(french, 'lesson/check-engagement/');
    expect(await page.getByText('Leçon 17 sur 28').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await french.close();
  });
});
