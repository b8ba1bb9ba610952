/**
 * A learner's first visit in a real browser (production build, served from a sub-folder with no
 * rewrites): open the course, take three lessons, answer a knowledge check, reload and resume,
 * and follow a deep link a trainer shared.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, waitForApp } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});
afterAll(async () => browser?.close());

const heading = () => page.getByRole('heading', { level: 1 });

describe('a learner taking the course', () => {
  it('sees the course home page, pre-rendered before any script runs', async () => {
    const response = await fetch(baseUrl);
    const html = await response.text();
    expect(html).toContain("Employer's Guide to Peer Worker Support and Engagement");
    expect(html).toContain('what is peer support?');
    await page.goto(baseUrl);
    await expect.poll(() => heading().textContent()).toBe("Employer's Guide to Peer Worker Support and Engagement");
    expect(await page.title()).toBe("Employer's Guide to Peer Worker Support and Engagement");
  });

  it('starts the course and moves through three lessons with the continue bar', async () => {
    // A link clicked before the app has taken over the pre-rendered page is a plain page load
    // (focus then starts at the top, as on any page): wait, to test the app's own moves.
    await waitForApp(page);
    await page.getByRole('link', { name: 'Start the course' }).click();
    await expect.poll(() => heading().textContent()).toBe('welcome');
    await waitForApp(page);
    expect(await page.getByText('Lesson 1 of 28').isVisible()).toBe(true);
    await page.getByRole('link', { name: /Continue.*about this course/ }).click();
    await expect.poll(() => heading().textContent()).toBe('about this course');
    await page.getByRole('link', { name: /Continue.*table of contents/ }).click();
    await expect.poll(() => heading().textContent()).toBe('table of contents');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(page.url()).toBe(`${baseUrl}lesson/table-of-contents/`);
    const menu = page.getByRole('navigation', { name: 'Course menu' });
    expect(await menu.getByRole('link', { name: /welcome/ }).getAttribute('aria-current')).toBeNull();
    expect(await menu.getByRole('link', { name: /table of contents/ }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('link', { name: /Continue.*sharing/ }).waitFor();
  });

  it('answers a knowledge check and gets feedback', async () => {
    await page.goto(`${baseUrl}lesson/check-roles/`);
    await expect.poll(() => heading().textContent()).toBe('check your understanding');
    await page.getByRole('radio', { name: /A relationship of mutual support/ }).check();
    for (const name of [/mutual and reciprocal/, /Curiosity supports growth/, /part of a community/, /acknowledged for who they are/]) {
      await page.getByRole('checkbox', { name }).check();
    }
    await page.getByRole('radio', { name: /able to have a mutually supportive relationship/ }).check();
    await page.getByRole('radio', { name: 'Friend/friend' }).check();
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expect.poll(() => page.getByText('You answered 4 of 4 correctly.', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Answers submitted' }).count()).toBe(1);
  });

  it('comes back to the same place, answers kept, after a reload', async () => {
    await page.reload();
    await expect.poll(() => heading().textContent()).toBe('check your understanding');
    // The heading is pre-rendered; the saved result appears once the check has loaded.
    await page.getByText('You answered 4 of 4 correctly.', { exact: true }).waitFor();
    expect(await page.getByRole('radio', { name: 'Friend/friend' }).isChecked()).toBe(true);
    await page.getByRole('link', { name: "Employer's Guide to Peer Worker Support and Engagement" }).click();
    await page.getByRole('link', { name: /^Resume: check your understanding/ }).waitFor();
  });

  it('follows a deep link straight to a lesson', async () => {
    const fresh = await browser.newPage();
    const response = await fresh.goto(`${baseUrl}lesson/the-ladder-of-engagement/`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => fresh.getByRole('heading', { level: 1 }).textContent()).toBe('the ladder of engagement');
    expect(await fresh.getByText('Lesson 15 of 28').isVisible()).toBe(true);
    expect(await fresh.getByRole('table').count()).toBeGreaterThan(0);
    await fresh.close();
  });

  it('shows a not-found page that leads back home', async () => {
    const response = await page.goto(`${baseUrl}no-such-page`);
    expect(response?.status()).toBe(404);
    await expect.poll(() => heading().textContent()).toBe('Page not found');
    await page.getByRole('link', { name: 'Go to the course home page' }).click();
    await expect.poll(() => heading().textContent()).toBe("Employer's Guide to Peer Worker Support and Engagement");
  });

  it('says so when a lesson id does not exist', async () => {
    await page.evaluate((path) => {
      history.pushState({}, '', path);
      dispatchEvent(new PopStateEvent('popstate'));
    }, `${new URL(baseUrl).pathname}lesson/no-such-lesson`);
    await expect.poll(() => heading().textContent()).toBe('Page not found');
    expect(await page.getByText('There is no lesson “no-such-lesson” in this course.').isVisible()).toBe(true);
  });
});
