/**
 * The cmi5 zip, as a trainer meets it, launched from the LMS/LRS stand-in
 * (tests/browser/lms/lrs-server.ts) in Chromium:
 *
 * - the learner's language preference in the LMS (cmi5 §11 `cmi5LearnerPreferences`) is the
 *   course's interface language, until the learner picks another in the player;
 * - the LMS connection check page of a cmi5 launch: the launch values, a state document
 *   round-trip, the statements of the session and what became of them; axe-clean.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CompiledCourse } from '../../src/content/types.ts';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { PROGRESS_STATE_ID } from '../../src/tracking/cmi5/session.ts';
import { CHECK_STATE_ID } from '../../src/tracking/cmi5/trainer.ts';
import { axeViolations } from './axe.ts';
import { waitForApp } from './browser.ts';
import { finishReading, goToTrainerPage, openLesson } from './lms/course-driver.ts';
import type { LrsServer } from './lms/lrs-server.ts';
import { pageAsFrame, useLrsStandIn, type LrsStandIn } from './lms/lrs-stand-in.ts';

const course = compileContentFolder('content').courses.en as CompiledCourse;
const standIn = useLrsStandIn('cmi5', course.id);

/** An LMS whose learner has these preferences (none: the profile answers 404). */
const lms = (options: Parameters<LrsStandIn['start']>[0]): Promise<LrsServer> => standIn.start(options);

/**
 * A new browser profile with an English browser language: any French comes from the LMS. The page
 * notes the label of the first course menu a learner could see (`window.firstMenuSeen`).
 */
async function open(url: string): Promise<Page> {
  const context = await standIn.browser.newContext({ locale: 'en-US' });
  await context.addInitScript(() => {
    const look = () => {
      const nav = document.querySelector('nav.course-menu');
      if (nav?.checkVisibility({ visibilityProperty: true })) (window as unknown as { firstMenuSeen: string | null }).firstMenuSeen = nav.getAttribute('aria-label');
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const page = await context.newPage();
  await page.goto(url);
  await waitForApp(page);
  return page;
}

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const languageSwitch = (page: Page) => page.locator('.language-switcher select');

describe('the learner\'s language preference from the LMS (cmi5 §11)', () => {
  it('shows the course in French for "fr-CA,en", and a language the learner then picks stays for the session', async () => {
    const lrs = await lms({ learnerPreferences: { languagePreference: 'fr-CA,en' } });
    const { url, session } = lrs.launch();
    const page = await open(url);
    expect(await htmlLang(page)).toBe('fr');
    // No English page first: the launch page says "Opening the course…" until the app renders in French.
    await expect.poll(() => page.evaluate(() => (window as unknown as { firstMenuSeen?: string }).firstMenuSeen)).toBe('Menu du cours');
    expect(await languageSwitch(page).inputValue()).toBe('fr');
    await page.locator('nav[aria-label="Menu du cours"]').waitFor({ state: 'attached' });
    expect(lrs.requests).toContain('GET /xapi/agents/profile');

    // The learner prefers English after all: a reload of the same launch keeps their pick.
    await languageSwitch(page).selectOption('en');
    await expect.poll(() => htmlLang(page)).toBe('en');
    await page.reload();
    await waitForApp(page);
    expect(await htmlLang(page)).toBe('en');
    await page.locator('nav[aria-label="Course menu"]').waitFor({ state: 'attached' });
    expect(session.fetchCalls).toBe(1);
    await page.context().close();
    expect(lrs.rejections).toEqual([]);
  });

  it('keeps the player\'s language, calmly, when the profile is missing or makes no sense', async () => {
    for (const preferences of [undefined, { languagePreference: '<script>alert(1)</script>,de-DE' }]) {
      const lrs = await lms(preferences === undefined ? {} : { learnerPreferences: preferences });
      const page = await open(lrs.launch().url);
      expect(await htmlLang(page)).toBe('en');
      await page.locator('nav[aria-label="Course menu"]').waitFor({ state: 'attached' });
      // Connected all the same: no "not connected" notice.
      expect(await page.locator('.notice').count()).toBe(0);
      await page.context().close();
    }
  });
});

describe('the LMS connection check page in a cmi5 launch', () => {
  it('shows the launch values, round-trips a state document, and lists the statements and their status', async () => {
    const lrs = await lms({ masteryScore: 0.8, moveOn: 'CompletedOrPassed', returnURL: (base) => `${base}/return` });
    const { url, session } = lrs.launch();
    const page = await open(`${url}#/lms-check/`);
    await page.getByRole('heading', { level: 1, name: 'LMS connection check' }).waitFor();
    const value = (term: string) => page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').textContent();
    expect(await value('Learning record store')).toBe(`${lrs.url}/xapi/`);
    expect(await value('Registration')).toBe(session.registration);
    expect(await value('Launch mode')).toMatch(/^Normal/);
    expect(await value('Counts as done when')).toBe('Completed or passed (CompletedOrPassed)');
    expect(await value('Mastery score')).toBe('0.8');
    expect(await value('Return address')).toBe(`${lrs.url}/return`);
    expect(await page.locator('main').getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Connection',
      'Round-trip test',
      'Statements sent in this session',
    ]);

    // initialized, sent.
    const rows = page.getByRole('table', { name: 'Statements sent in this session' }).locator('tbody tr');
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringMatching(/^initialized\t[0-9a-f-]{36}\tSent$/)]);

    const progressKey = `${session.registration}|${PROGRESS_STATE_ID}`;
    const progressBefore = JSON.stringify(lrs.state.get(progressKey));
    const roundTrip = page.getByRole('region', { name: 'Round-trip test' });
    await roundTrip.getByRole('button', { name: 'Run the test' }).click();
    await roundTrip.getByRole('status').getByText(/^Passed: the learning record store stored the test document/).waitFor();
    expect(lrs.state.get(`${session.registration}|${CHECK_STATE_ID}`)).toMatchObject({ check: 'course-player LMS connection check' });
    // The learner's progress document is not touched.
    expect(JSON.stringify(lrs.state.get(progressKey))).toBe(progressBefore);

    expect(await axeViolations(page)).toEqual([]);

    // The LRS stops answering: the test says so, and a statement made meanwhile waits.
    lrs.setAvailable(false);
    await roundTrip.getByRole('button', { name: 'Run the test' }).click();
    await roundTrip
      .getByRole('status')
      .getByText('Failed when writing the test document: the learning record store is not available (HTTP 503).')
      .waitFor();
    await page.evaluate(() => (location.hash = '#/'));
    await waitForApp(page);
    const first = course.lessons[0]!.id;
    await openLesson(pageAsFrame(page), course, first);
    await finishReading(pageAsFrame(page), first);
    await goToTrainerPage(page);
    await page.getByRole('heading', { level: 1, name: 'LMS connection check' }).waitFor();
    await expect.poll(() => rows.allInnerTexts()).toContainEqual(expect.stringMatching(/^progressed\t.*\tWaiting$/));
    expect(Number(await value('Statements waiting to be sent'))).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    // Back again: sent on request, in order.
    lrs.setAvailable(true);
    await page.getByRole('button', { name: 'Send waiting statements now' }).click();
    await expect.poll(() => rows.allInnerTexts()).not.toContainEqual(expect.stringMatching(/Waiting$/));
    const sent = (await rows.allInnerTexts()).map((row) => row.split('\t')[0]);
    expect(sent[0]).toBe('initialized');
    expect(sent).toContain('progressed');
    expect(await value('Statements waiting to be sent')).toBe('0');
    await page.context().close();
    expect(lrs.rejections).toEqual([]);
  });

  it('is in French for a French-speaking learner, with the same values', async () => {
    const lrs = await lms({ learnerPreferences: { languagePreference: 'fr' } });
    const { url } = lrs.launch({ mode: 'Browse' });
    const page = await open(`${url}#/lms-check/`);
    await page.getByRole('heading', { level: 1, name: 'Vérification de la connexion au LMS' }).waitFor();
    await page.getByText(/^Consultation \(Browse\)/).waitFor();
    await page.getByRole('button', { name: 'Lancer le test' }).click();
    await page.getByText(/^Réussi : l’entrepôt/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
