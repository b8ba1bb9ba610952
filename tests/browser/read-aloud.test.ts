/**
 * Read-aloud in the real browser, with a recording stand-in for `speechSynthesis` installed before
 * the page loads: the stand-in logs every call and only moves on when the test says an utterance
 * has ended (`__speech.end()`), as a device voice would.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { axeViolations } from './axe.ts';
import { launchBrowser, waitForApp } from './browser.ts';

const baseUrl = inject('baseUrl');
const course = compileContentFolder('content').courses.en!;
const TABS_LESSON = 'the-ladder-of-engagement';

type LogEntry = { call: string; text?: string; lang?: string; rate?: number; voice?: string };
declare global {
  interface Window {
    __speech: { log: LogEntry[]; end: () => boolean };
  }
}

/** Plain JavaScript in a string: tsx would add helpers that do not exist in the page. */
const STAND_IN = `(() => {
  let current = null;
  const log = [];
  const voices = [
    { name: 'Test French', lang: 'fr-CA', default: false, localService: true, voiceURI: 'fr' },
    { name: 'Test English', lang: 'en-US', default: true, localService: true, voiceURI: 'en' },
  ];
  class Utterance {
    constructor(text) { this.text = text; this.lang = ''; this.rate = 1; this.voice = null; this.onend = null; this.onerror = null; }
  }
  const synth = {
    speaking: false, paused: false, pending: false,
    getVoices: () => voices,
    speak(u) { log.push({ call: 'speak', text: u.text, lang: u.lang, rate: u.rate, voice: u.voice && u.voice.name }); current = u; },
    // Like some browsers, a cancelled utterance still reports its end, a moment later.
    cancel() { log.push({ call: 'cancel' }); const u = current; current = null; if (u) setTimeout(() => u.onend && u.onend({}), 0); },
    pause() { log.push({ call: 'pause' }); },
    resume() { log.push({ call: 'resume' }); },
    addEventListener() {}, removeEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  window.__speech = { log, end() { const u = current; if (!u) return false; current = null; u.onend && u.onend({}); return true; } };
})();`;

const NO_SPEECH = `Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function open(context: BrowserContext, route: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(baseUrl + route);
  await waitForApp(page);
  return page;
}
const log = (page: Page) => page.evaluate(() => window.__speech.log);
const spoken = async (page: Page) => (await log(page)).filter((entry) => entry.call === 'speak');
const endCurrent = (page: Page) => page.evaluate(() => window.__speech.end());

describe('read-aloud', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ reducedMotion: 'reduce' });
    await context.addInitScript({ content: STAND_IN });
  });
  afterAll(async () => context?.close());

  it('reads a lesson with tabs in print order, closed tabs included, in the page language, marking the block read', async () => {
    const page = await open(context, `lesson/${TABS_LESSON}/`);
    const listen = page.getByRole('group', { name: 'Listen to this lesson' }).getByRole('button', { name: 'Listen' });
    await listen.focus();
    await page.keyboard.press('Enter');
    // What the lesson holds, read from its DOM (hidden tab panels included), in document order.
    const expected = await page.evaluate(() => {
      const tabs = document.querySelector('.blocks .tabs')!;
      return {
        label: tabs.querySelector('.block-label')!.textContent!.trim(),
        panels: [...tabs.querySelectorAll('[role="tabpanel"]')].map((panel) => ({
          title: panel.querySelector('.panel-title')!.textContent!.trim(),
          hidden: (panel as HTMLElement).hidden,
          texts: [...panel.querySelectorAll('td, th')].map((cell) => cell.textContent!.trim().replace(/\s+/g, ' ')),
        })),
        first: document.querySelector('.blocks .prose p')!.textContent!.trim(),
      };
    });
    expect(expected.panels.filter((p) => p.hidden).length).toBeGreaterThan(1);

    let guard = 0;
    let markedTabs = false;
    while (guard++ < 500) {
      const entries = await spoken(page);
      const last = entries.at(-1)!;
      const panel = expected.panels.findIndex((p) => p.title === last.text);
      if (panel > 0) {
        // A closed tab being read is opened and marked; focus stays on the control.
        const shown = page.locator('.blocks > .tabs [role="tabpanel"]:not([hidden])');
        markedTabs ||=
          (await shown.count()) === 1 &&
          (await shown.locator('.panel-title').textContent())?.trim() === last.text &&
          (await shown.evaluate((el) => el.classList.contains('read-aloud-current')));
      }
      if (!(await endCurrent(page))) break;
    }
    const texts = (await spoken(page)).map((entry) => entry.text!);
    expect(texts[0]).toBe(expected.first);
    // Every panel's title, then its table's words, in order: closed tabs are read too.
    let at = 0;
    const order: string[] = [expected.label];
    for (const panel of expected.panels) order.push(panel.title, ...panel.texts.slice(0, 1));
    for (const words of order) {
      const found = texts.findIndex((text, i) => i >= at && text.includes(words));
      expect(found, words).toBeGreaterThanOrEqual(at);
      at = found;
    }
    const entries = await spoken(page);
    expect(new Set(entries.map((e) => e.lang))).toEqual(new Set(['en']));
    expect(new Set(entries.map((e) => e.voice))).toEqual(new Set(['Test English']));
    expect(markedTabs).toBe(true);
    // Reading ended: the control is back to Listen, focus never moved, nothing is marked.
    expect(await listen.textContent()).toContain('Listen');
    expect(await listen.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('.read-aloud-current').count()).toBe(0);
    await page.close();
  });

  it('pauses, resumes, changes speed and stops', async () => {
    const page = await open(context, `lesson/${TABS_LESSON}/`);
    const group = page.getByRole('group', { name: 'Listen to this lesson' });
    await group.getByRole('button', { name: 'Listen' }).click();
    await endCurrent(page);
    expect(await axeViolations(page)).toEqual([]);
    await group.getByRole('button', { name: 'Pause' }).click();
    expect((await log(page)).at(-1)).toEqual({ call: 'pause' });
    const resume = group.getByRole('button', { name: 'Resume' });
    expect(await resume.evaluate((el) => el === document.activeElement)).toBe(true);
    await resume.click();
    expect((await log(page)).at(-1)).toEqual({ call: 'resume' });
    // A new speed starts the part being read again at that speed.
    const before = (await spoken(page)).at(-1)!;
    await group.getByLabel('Speed').selectOption('1.5');
    const after = (await spoken(page)).at(-1)!;
    expect(after).toMatchObject({ text: before.text, rate: 1.5 });
    await group.getByRole('button', { name: 'Stop' }).click();
    const count = (await spoken(page)).length;
    expect((await log(page)).at(-1)).toEqual({ call: 'cancel' });
    expect(await group.getByRole('button', { name: 'Listen' }).count()).toBe(1);
    // The cancelled utterance's late "end" does not start the next part.
    await page.waitForTimeout(50);
    await endCurrent(page);
    expect((await spoken(page)).length).toBe(count);
    await page.close();
  });

  it('stops when the learner leaves the lesson', async () => {
    const page = await open(context, `lesson/${TABS_LESSON}/`);
    await page.getByRole('button', { name: 'Listen' }).click();
    await endCurrent(page);
    const count = (await spoken(page)).length;
    await page.getByRole('link', { name: /^Continue/ }).click();
    await page.getByRole('heading', { level: 1, name: course.lessons.find((l) => l.number === 16)!.title }).waitFor();
    expect((await log(page)).at(-1)).toEqual({ call: 'cancel' });
    await page.waitForTimeout(50);
    expect((await spoken(page)).length).toBe(count);
    await page.close();
  });

  it('reads course text in the course language and interface words in the interface language', async () => {
    const french = await browser.newContext({ locale: 'fr-CA' });
    await french.addInitScript({ content: STAND_IN });
    const check = course.lessons.find((l) => l.checkId === 'empowerment')!;
    const page = await open(french, `lesson/${check.id}/`);
    await page.getByRole('group', { name: 'Écouter cette leçon' }).getByRole('button', { name: 'Écouter' }).click();
    let guard = 0;
    while (guard++ < 500 && (await endCurrent(page)));
    const entries = await spoken(page);
    expect(entries.find((e) => e.text === 'Oui')).toMatchObject({ lang: 'fr', voice: 'Test French' });
    expect(entries[0]).toMatchObject({ lang: 'en', voice: 'Test English' });
    await french.close();
  });

  it('reads the whole course from the print page, lesson titles first', async () => {
    const page = await open(context, 'print/');
    await page.getByRole('group', { name: 'Listen to the course' }).getByRole('button', { name: 'Listen' }).click();
    const first = await spoken(page);
    expect(first[0]?.text).toBe(course.lessons[0]!.title);
    expect(await page.locator(`#print-lesson-${course.lessons[0]!.id}.read-aloud-current`).count()).toBe(1);
    await page.close();
  });
});

describe('without speech synthesis', () => {
  it('shows no Listen control', async () => {
    const context = await browser.newContext();
    await context.addInitScript({ content: NO_SPEECH });
    for (const route of [`lesson/${TABS_LESSON}/`, 'print/']) {
      const page = await open(context, route);
      await page.waitForLoadState('networkidle');
      await page.locator('.blocks').first().waitFor();
      expect(await page.getByRole('button', { name: 'Listen' }).count(), route).toBe(0);
      await page.close();
    }
    await context.close();
  });
});
