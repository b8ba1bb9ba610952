/**
 * The four saved records that used to break the player (issue 11), each planted in local storage
 * before the app starts. Each gives a working player, a notice that says truthfully what
 * happened (the record was damaged — never "the course has been updated"), and a results page
 * that renders with sensible figures.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CompiledCourse } from '../../src/content/types.ts';
import { type ProgressRecord } from '../../src/course/progress-record.ts';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { progressKey } from '../../src/tracking/local-storage.ts';
import { launchBrowser, waitForApp } from './browser.ts';
import { savedRecordAfter, SUBMIT_ROLES_CHECK } from '../saved-record.ts';

const baseUrl = inject('baseUrl');
const course = compileContentFolder('content').courses.en as CompiledCourse;
const KEY = progressKey(course.id);
const DAMAGED = 'Part of your saved progress was damaged and could not be read. The rest was kept, except for the following:';

/** A record as the player saves it: "welcome" read for 90 s, "check your understanding" (lesson 8) submitted. */
function realRecord(): ProgressRecord {
  return savedRecordAfter(course, [
    { type: 'time.spent', lessonId: 'welcome', seconds: 90 },
    { type: 'lesson.complete', lessonId: 'welcome' },
    ...SUBMIT_ROLES_CHECK,
  ]);
}

/** The breaking records, by name. */
export const BREAKING_RECORDS: Record<string, () => string> = {
  'a checks key named "constructor"': () => {
    const record = realRecord() as unknown as { checks: Record<string, unknown> };
    const key: string = 'constructor';
    record.checks[key] = { status: 'answering', answers: {}, attempts: [] };
    return JSON.stringify(record);
  },
  'completedAt "garbage"': () => JSON.stringify({ ...realRecord(), completedAt: 'garbage' }),
  'a saved time of 1e308 seconds': () => {
    const record = realRecord();
    record.lessons.welcome = { status: 'complete', seconds: 1e308 };
    return JSON.stringify(record);
  },
  'a tampered answer': () => {
    const record = realRecord();
    record.checks.roles!.answers.q1!.answer = { type: 'single', optionId: 'not-an-option' };
    return JSON.stringify(record);
  },
};

const SAYS: Record<string, string[]> = {
  'a checks key named "constructor"': ['1 other saved item could not be kept.'],
  'completedAt "garbage"': ['Your saved completion date could not be read; completion is worked out again from your progress.'],
  'a saved time of 1e308 seconds': ['The time you spent in “welcome” (lesson 1) could not be read and was reset; your progress in it was kept.'],
  'a tampered answer': [
    'Some of your saved answers or results in “check your understanding” (lesson 8) could not be read and were left out.',
    'You can answer “check your understanding” (lesson 8) again: submit it to update your score.',
  ],
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function contextWithSaved(value: string): Promise<{ context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(
    ([key, text]) => {
      try {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(key!, text!);
      } catch {
        // about:blank has no storage
      }
    },
    [KEY, value],
  );
  const errors: string[] = [];
  context.on('weberror', (error) => errors.push(String(error.error())));
  return { context, errors };
}

const menu = (page: Page) => page.getByRole('navigation', { name: 'Course menu' });

describe.each(Object.keys(BREAKING_RECORDS))('saved progress with %s', (name) => {
  it('gives a working player, a truthful notice and a results page', async () => {
    const { context, errors } = await contextWithSaved(BREAKING_RECORDS[name]!());
    const page = await context.newPage();
    await page.goto(baseUrl);
    await waitForApp(page);
    const notice = page.getByRole('status').filter({ hasText: DAMAGED });
    await notice.waitFor();
    expect(await notice.getByRole('listitem').allTextContents()).toEqual(SAYS[name]);
    expect(await page.getByText('The course has been updated').count()).toBe(0);

    // What was valid is kept: welcome is still complete.
    expect(await menu(page).getByRole('link', { name: /^1\. welcome/ }).textContent()).toContain('Complete');

    // The player works: open a lesson, its knowledge check can be answered.
    await menu(page).getByRole('link', { name: /^8\. check your understanding/ }).click();
    await page.getByRole('heading', { level: 1, name: 'check your understanding' }).waitFor();
    // Either the restored review or, if the record's answers could not be used, a check to answer again.
    await page.getByText(/You answered \d of 4 correctly\.|\d of 4 questions answered/).first().waitFor();
    await menu(page).getByRole('link', { name: /^2\. / }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).not.toBe('check your understanding');

    // The results page renders, with no impossible figures.
    await page.goto(`${baseUrl}results/`);
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/Infinity|NaN|Invalid/);
    expect(text).toContain('Certificate of completion');
    expect(errors).toEqual([]);
    await context.close();
  });
});
