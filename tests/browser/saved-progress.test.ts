/**
 * Saved progress the player cannot use as it is — not JSON, another course's, a future format,
 * or saved before the content changed — put into local storage before the app starts. The
 * learner always gets the course, a calm word on what happened, and everything still valid; a
 * record that cannot be used is kept aside, never destroyed.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ProgressRecord } from '../../src/course/progress-record.ts';
import { progressKey } from '../../src/tracking/local-storage.ts';
import { launchBrowser, waitForApp } from './browser.ts';

const baseUrl = inject('baseUrl');
const KEY = progressKey('peer-worker-support');
const COURSE_TITLE = "Employer's Guide to Peer Worker Support and Engagement";

let browser: Browser;
/** A record the player saved: "welcome" read, "check your understanding" (lesson 8) submitted. */
let realRecord: ProgressRecord;

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const menu = (page: Page) => page.getByRole('navigation', { name: 'Course menu' });

/** A fresh browser profile whose local storage holds `value` under the progress key when the app first starts. */
async function contextWithSaved(value: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(
    ([key, text]) => {
      // Once per tab: a reload must find what the app wrote, not the seed again.
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(key!, text!);
    },
    [KEY, value],
  );
  return context;
}

async function openHome(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(baseUrl);
  await waitForApp(page);
  await page.getByRole('heading', { level: 1, name: COURSE_TITLE, exact: true }).waitFor();
  return page;
}

/** Every key the player wrote, with its value. */
const storage = (page: Page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}lesson/welcome/`);
  await waitForApp(page);
  await page.getByRole('navigation', { name: 'Continue' }).scrollIntoViewIfNeeded();
  await menu(page).getByRole('link', { name: /^1\. welcome/ }).filter({ hasText: 'Complete' }).waitFor();
  await page.goto(`${baseUrl}lesson/check-roles/`);
  await waitForApp(page);
  await page.getByRole('radio', { name: /A relationship of mutual support/ }).check();
  for (const name of [/mutual and reciprocal/, /Curiosity supports growth/]) await page.getByRole('checkbox', { name }).check();
  await page.getByRole('radio', { name: /able to have a mutually supportive relationship/ }).check();
  await page.getByRole('radio', { name: 'Friend/friend' }).check();
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await page.getByText(/You answered \d of 4 correctly\./).first().waitFor();
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('"submitted"'), KEY);
  realRecord = JSON.parse((await storage(page))[KEY]!) as ProgressRecord;
  await context.close();
});
afterAll(async () => browser?.close());

describe('saved progress the player cannot use', () => {
  const cases = [
    {
      name: 'not JSON',
      saved: () => '{"version":1,"courseId":"peer-worker-support","lessons":{"welc',
      reason: 'corrupt',
      says: 'Your saved progress could not be read, so the course starts fresh.',
    },
    {
      name: "another course's record",
      saved: () => JSON.stringify({ ...realRecord, courseId: 'first-aid-basics' }),
      reason: 'foreign-course',
      says: 'The progress saved on this device belongs to another course, so this course starts fresh.',
    },
    {
      name: 'a record in a future format',
      saved: () => JSON.stringify({ ...realRecord, version: 7, somethingNew: true }),
      reason: 'unsupported-version',
      says: 'Your saved progress was made by a newer version of this course player and cannot be used here, so the course starts fresh.',
    },
  ];

  for (const { name, saved, reason, says } of cases) {
    it(`${name}: starts fresh, says so, and keeps the old record aside`, async () => {
      const raw = saved();
      const context = await contextWithSaved(raw);
      const page = await openHome(context);
      const status = page.getByRole('status').filter({ hasText: says });
      expect(await status.textContent()).toBe(`${says} The old record was kept on this device in case it is needed.`);
      expect(await status.isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: 'Start the course' }).isVisible()).toBe(true);
      expect(await menu(page).getByRole('link', { name: /^1\. welcome/ }).textContent()).not.toContain('Complete');

      const items = await storage(page);
      const aside = Object.keys(items).filter((key) => key.startsWith(`${KEY}:rejected:${reason}:`));
      expect(aside).toHaveLength(1);
      expect(items[aside[0]!]).toBe(raw);
      // The progress key now holds this visit's fresh record.
      expect(JSON.parse(items[KEY]!)).toMatchObject({ version: 1, courseId: 'peer-worker-support', lessons: {} });

      // Opened by a deep link instead, the lesson page says the same.
      const deepLink = await context.newPage();
      await deepLink.goto(`${baseUrl}lesson/sharing/`);
      await waitForApp(deepLink);
      expect(await deepLink.getByRole('status').filter({ hasText: says }).isVisible()).toBe(true);
      await deepLink.close();

      // Next visit: a normal start, nothing to say, and the old record is still there.
      await page.reload();
      await waitForApp(page);
      await expect.poll(() => heading(page).textContent()).toBe(COURSE_TITLE);
      expect(await page.getByRole('status').filter({ hasText: says }).count()).toBe(0);
      expect((await storage(page))[aside[0]!]).toBe(raw);
      await context.close();
    });
  }
});

describe('progress saved before the content changed', () => {
  let context: BrowserContext;
  let page: Page;
  let older: ProgressRecord;
  beforeAll(async () => {
    older = structuredClone(realRecord);
    older.contentVersion = 'content-from-last-month';
    const roles = older.checks.roles!;
    roles.answers.q2!.fingerprint = 'a-question-since-reworded';
    roles.attempts[0]!.results.q2!.fingerprint = 'a-question-since-reworded';
    context = await contextWithSaved(JSON.stringify(older));
    page = await openHome(context);
  });
  afterAll(async () => context?.close());

  it('says which answers were cleared, in learner terms', async () => {
    const notice = page.getByRole('status').filter({ hasText: 'The course has been updated since your last visit.' });
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.getByRole('listitem').allTextContents()).toEqual([
      'Your answer to 1 question in “check your understanding” (lesson 8) was cleared and no longer counts towards your score because that question changed.',
      'You can answer “check your understanding” (lesson 8) again: submit it to update your score.',
    ]);
  });

  it('keeps completed lessons complete and the answers that still fit', async () => {
    expect(await menu(page).getByRole('link', { name: /^1\. welcome/ }).textContent()).toContain('Complete');
    expect(await menu(page).getByRole('link', { name: /^8\. check your understanding/ }).textContent()).toContain('Complete');
    expect(await page.getByRole('link', { name: /^Resume: check your understanding/ }).isVisible()).toBe(true);

    await page.getByRole('link', { name: /^Resume: check your understanding/ }).click();
    await expect.poll(() => heading(page).textContent()).toBe('check your understanding');
    expect(await page.getByRole('radio', { name: /A relationship of mutual support/ }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Friend/friend' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /mutual and reciprocal/ }).isChecked()).toBe(false);
    // Open for answering again: no score, and Submit asks for the one cleared answer.
    expect(await page.getByText(/You answered \d of 4 correctly\./).count()).toBe(0);
    expect(await page.getByText('3 of 4 questions answered').first().isVisible()).toBe(true);

    const saved = JSON.parse((await storage(page))[KEY]!) as ProgressRecord;
    expect(saved.contentVersion).not.toBe(older.contentVersion);
    expect(Object.keys(saved.checks.roles!.answers).sort()).toEqual(['q1', 'q3', 'q4']);
    expect(saved.lessons.welcome?.status).toBe('complete');
    expect(Object.keys(await storage(page)).filter((key) => key.includes(':rejected:'))).toEqual([]);
  });
});
