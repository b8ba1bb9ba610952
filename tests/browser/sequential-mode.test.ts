/**
 * The course with `"navigation": "sequential"` (built from a copy of content/ into a temporary
 * folder): a lesson opens when the ones before it are complete, and no way in — menu, continue
 * bar, deep link — reaches a locked lesson.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, waitForApp } from './browser.ts';
import { buildVariant, editJson, type Variant } from './build-variant.ts';
import { startStaticServer } from './static-server.ts';

let variant: Variant;
let server: Awaited<ReturnType<typeof startStaticServer>>;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  [variant, browser] = await Promise.all([
    buildVariant((dir) => editJson(`${dir}/en/course.json`, (course) => ({ ...course, navigation: 'sequential' }))),
    launchBrowser(),
  ]);
  server = await startStaticServer({ root: variant.outDir, mountPath: '/course/' });
  baseUrl = `${server.origin}/course/`;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  variant?.remove();
});

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const menu = (page: Page) => page.getByRole('navigation', { name: 'Course menu' });
const continueBar = (page: Page) => page.getByRole('navigation', { name: 'Continue' });

async function open(context: BrowserContext, route: string, title: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(baseUrl + route);
  await waitForApp(page);
  await expect.poll(() => heading(page).textContent()).toBe(title);
  return page;
}

describe('a course with sequential navigation', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => context?.close());

  it('shows later lessons as locked in the menu, says why on focus, and does not open them', async () => {
    const page = await open(context, '', "Employer's Guide to Peer Worker Support and Engagement");
    const locked = menu(page).getByRole('link', { name: /^2\. about this course/ });
    expect(await locked.getAttribute('aria-disabled')).toBe('true');
    // The reason and the status are part of the link's name, so screen readers say them.
    const name = await locked.evaluate((el) => el.textContent);
    expect(name).toContain('Opens when you complete “welcome”.');
    expect(name).toContain('Locked');
    expect(await menu(page).getByRole('link', { name: /^1\. welcome/ }).getAttribute('aria-disabled')).toBeNull();

    // Sighted keyboard users see the reason when the link has focus.
    const reason = locked.getByText('Opens when you complete “welcome”.');
    expect((await reason.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
    await menu(page).getByRole('link', { name: /^1\. welcome/ }).focus();
    await page.keyboard.press('Tab');
    expect(await locked.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(async () => (await reason.boundingBox())?.width ?? 0).toBeGreaterThan(50);

    // Enter on the focused link, then a click (Playwright does not click aria-disabled elements unless forced).
    const before = page.url();
    await page.keyboard.press('Enter');
    expect(page.url()).toBe(before);
    await locked.click({ force: true });
    expect(page.url()).toBe(before);
    expect(await heading(page).textContent()).toBe("Employer's Guide to Peer Worker Support and Engagement");
    // The contents on the home page say the same.
    expect(await page.getByRole('main').getByRole('link', { name: /2\. about this course/ }).textContent()).toContain('Locked');
    await page.close();
  });

  it('answers a deep link to a locked lesson with what to do next, never its content', async () => {
    const route = 'lesson/the-ladder-of-engagement/';
    const html = await (await fetch(baseUrl + route)).text();
    expect(html).toContain('This lesson is not open yet');
    expect(html).not.toContain('translate balanced and objective information');

    const page = await open(context, route, 'the ladder of engagement');
    const main = page.getByRole('main');
    expect(await main.getByText('This lesson is not open yet').isVisible()).toBe(true);
    expect(await main.getByText('Lessons open in order in this course. Complete “welcome” first.').isVisible()).toBe(true);
    expect(await main.getByRole('table').count()).toBe(0);
    expect(await main.getByRole('tab').count()).toBe(0);
    expect(await main.getByText(/translate balanced and objective information/).count()).toBe(0);
    await main.getByRole('link', { name: 'Go to “welcome”' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('welcome');
    expect(page.url()).toBe(`${baseUrl}lesson/welcome/`);
    await page.close();
  });

  it('keeps the continue bar from being a link until the lesson is complete; completing lesson 1 unlocks lesson 2', async () => {
    // A short window: the end of the lesson, where the continue bar is, is out of sight.
    const short = await browser.newContext({ viewport: { width: 1280, height: 420 } });
    const page = await open(short, 'lesson/welcome/', 'welcome');
    const bar = continueBar(page);
    expect(await bar.isVisible()).toBe(true);
    expect(await bar.evaluate((el) => el.getBoundingClientRect().top > window.innerHeight)).toBe(true);
    expect(await bar.getByRole('link').count()).toBe(0);
    expect(await bar.textContent()).toContain('Complete this lesson to continue.');
    const lesson2 = menu(page).getByRole('link', { name: /^2\. about this course/ });
    expect(await lesson2.getAttribute('aria-disabled')).toBe('true');

    // Reading to the end completes the lesson: what the learner then sees is a working link.
    await bar.scrollIntoViewIfNeeded();
    const next = bar.getByRole('link', { name: /Continue.*Next: about this course/ });
    await next.waitFor();
    expect(await bar.textContent()).not.toContain('Complete this lesson to continue.');
    await expect.poll(() => lesson2.getAttribute('aria-disabled')).toBeNull();
    expect(await menu(page).getByRole('link', { name: /^1\. welcome/ }).textContent()).toContain('Complete');
    expect(await menu(page).getByRole('link', { name: /table of contents/ }).getAttribute('aria-disabled')).toBe('true');

    await next.click();
    await expect.poll(() => heading(page).textContent()).toBe('about this course');
    expect(await page.getByRole('main').getByText('This lesson is not open yet').count()).toBe(0);
    await short.close();
  });

  it('opens a knowledge check’s next lesson only once the check is submitted', async () => {
    const page = await open(context, 'lesson/welcome/', 'welcome');
    // Read lessons 1 to 7 to the end, one after the other, with the continue bar.
    for (const title of ['about this course', 'table of contents', 'sharing', 'what is peer support?', 'what is a peer support worker?', 'importance of mutuality', 'check your understanding']) {
      // The end of the lesson is only reached once its text has loaded and pushed the bar down.
      await page.getByText('Loading lesson…').waitFor({ state: 'detached' });
      await continueBar(page).scrollIntoViewIfNeeded();
      await continueBar(page).getByRole('link', { name: /Continue/ }).click();
      await expect.poll(() => heading(page).textContent()).toBe(title);
    }
    expect(page.url()).toBe(`${baseUrl}lesson/check-roles/`);
    const bar = continueBar(page);
    await bar.scrollIntoViewIfNeeded();
    expect(await bar.getByRole('link', { name: /Continue/ }).count()).toBe(0);
    expect(await bar.getByText('Complete this lesson to continue.').isVisible()).toBe(true);
    const lesson9 = menu(page).getByRole('link', { name: /^9\. how are peer support services used/ });
    expect(await lesson9.getAttribute('aria-disabled')).toBe('true');

    await page.getByRole('radio', { name: /A relationship of mutual support/ }).check();
    await page.getByRole('checkbox', { name: /mutual and reciprocal/ }).check();
    await page.getByRole('radio', { name: /able to have a mutually supportive relationship/ }).check();
    await page.getByRole('radio', { name: 'Friend/friend' }).check();
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByText(/You answered \d of 4 correctly\./).first().waitFor();

    await bar.getByRole('link', { name: /Continue.*how are peer support services used/ }).click();
    await expect.poll(() => heading(page).textContent()).toBe('how are peer support services used?');
    expect(await lesson9.getAttribute('aria-disabled')).toBeNull();
    await page.close();
  });
});
