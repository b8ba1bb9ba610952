/**
 * A phone (375×812) and a laptop (1280×800), light and dark: the pages a learner sees most have a
 * visible title, never scroll sideways, and keep the menu within reach. At 320 px the widest
 * pages (tables!) still fit. The French interface is chosen with the language switcher and
 * remembered.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, waitForApp } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const menu = (page: Page) => page.getByRole('navigation', { name: 'Course menu' });

async function open(page: Page, route: string): Promise<void> {
  await page.goto(baseUrl + route);
  await waitForApp(page);
  await heading(page).waitFor();
}

/** How far the page scrolls sideways (0 when it fits the window). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);

const pages = [
  { route: '', title: "Employer's Guide to Peer Worker Support and Engagement" },
  { route: 'lesson/the-ladder-of-engagement/', title: 'the ladder of engagement' },
  { route: 'lesson/check-roles/', title: 'check your understanding' },
  { route: 'results', title: 'Your results' },
];
const sizes = [
  { name: 'phone', viewport: { width: 375, height: 812 } },
  { name: 'laptop', viewport: { width: 1280, height: 800 } },
] as const;

/** Colours per theme, gathered as the pages are checked, compared at the end. */
const colours: Record<string, Set<string>> = { light: new Set(), dark: new Set() };

for (const { name, viewport } of sizes) {
  for (const scheme of ['light', 'dark'] as const) {
    describe(`${name} ${viewport.width}×${viewport.height}, ${scheme} theme`, () => {
      let context: BrowserContext;
      let page: Page;
      beforeAll(async () => {
        context = await browser.newContext({ viewport, colorScheme: scheme, reducedMotion: 'reduce' });
        page = await context.newPage();
      });
      afterAll(async () => context?.close());

      for (const { route, title } of pages) {
        it(`/${route}: title visible, no sideways scrolling, menu within reach`, async () => {
          await open(page, route);
          expect(await heading(page).textContent()).toBe(title);
          expect(await heading(page).isVisible()).toBe(true);
          expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
          if (route.includes('ladder')) {
            // Every tab's table fits too.
            for (const tab of await page.getByRole('tab').all()) {
              await tab.click();
              expect(await sidewaysOverflow(page), await tab.textContent() ?? '').toBeLessThanOrEqual(0);
            }
          }

          const button = page.getByRole('button', { name: 'Menu' });
          if (name === 'phone') {
            // Closed over the page until the Menu button opens it; Escape closes it again.
            expect(await menu(page).isVisible()).toBe(false);
            expect(await button.getAttribute('aria-expanded')).toBe('false');
            await button.click();
            expect(await menu(page).isVisible()).toBe(true);
            expect(await menu(page).getByRole('link', { name: /^1\. welcome/ }).isVisible()).toBe(true);
            expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
            await page.keyboard.press('Escape');
            expect(await menu(page).isVisible()).toBe(false);
          } else {
            // Pinned beside the page, next to the main content, not over it.
            expect(await menu(page).isVisible()).toBe(true);
            expect(await button.getAttribute('aria-expanded')).toBe('true');
            const nav = (await menu(page).boundingBox())!;
            const main = (await page.getByRole('main').boundingBox())!;
            expect(nav.x + nav.width).toBeLessThanOrEqual(main.x + 1);
          }

          const { background, text } = await page.evaluate(() => ({
            background: getComputedStyle(document.documentElement).backgroundColor,
            text: getComputedStyle(document.body).color,
          }));
          colours[scheme]!.add(`${background} / ${text}`);
        });
      }
    });
  }
}

describe('light and dark themes', () => {
  it('use different background and text colours, each one set on every page', () => {
    expect(colours.light!.size).toBe(1);
    expect(colours.dark!.size).toBe(1);
    const [light] = colours.light!;
    const [dark] = colours.dark!;
    const [lightBackground, lightText] = light!.split(' / ');
    const [darkBackground, darkText] = dark!.split(' / ');
    expect(lightBackground).not.toBe(darkBackground);
    expect(lightText).not.toBe(darkText);
  });
});

describe('a 320 px wide window', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 320, height: 640 }, reducedMotion: 'reduce' });
    page = await context.newPage();
  });
  afterAll(async () => context?.close());

  for (const route of ['', 'lesson/the-ladder-of-engagement/', 'lesson/what-do-providers-need-to-do/', 'results']) {
    it(`/${route} does not scroll sideways; a table too wide for the column scrolls itself`, async () => {
      await open(page, route);
      const tabs = await page.getByRole('tab').all();
      for (const tab of tabs.length ? tabs : [null]) {
        await tab?.click();
        expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
        const tables = await page.evaluate(() =>
          [...document.querySelectorAll('main table')]
            .filter((table) => (table as HTMLElement).offsetParent !== null)
            .map((table) => {
              const wrapper = table.parentElement!;
              const style = getComputedStyle(wrapper);
              return {
                caption: table.querySelector('caption')?.textContent ?? '',
                fits: table.getBoundingClientRect().width <= wrapper.clientWidth + 1,
                // A region that scrolls must be reachable by keyboard to be scrolled.
                scrollsItself: /auto|scroll/.test(style.overflowX) && wrapper.scrollWidth > wrapper.clientWidth && wrapper.tabIndex >= 0,
              };
            }),
        );
        for (const table of tables) expect(table.fits || table.scrollsItself, table.caption).toBe(true);
      }
    });
  }
});

describe('the French interface', () => {
  it('is chosen with the language switcher, changes <html lang>, and is remembered after a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'en-CA' });
    const page = await context.newPage();
    await open(page, 'lesson/welcome/');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('link', { name: /Continue.*Next: about this course/ }).count()).toBe(1);

    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Français' });
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
    const continueBar = page.getByRole('navigation', { name: 'Continuer' });
    await continueBar.getByRole('link', { name: /Continuer.*Suivante : about this course/ }).waitFor();
    expect(await page.getByText('Leçon 1 sur 28').isVisible()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Langue' }).inputValue()).toBe('fr');
    // The course text has no French version yet: it says so, in French, and marks the text as English.
    expect(await page.getByText(/Ce cours n’est pas encore offert en français/).isVisible()).toBe(true);
    expect(await page.getByRole('main').getAttribute('lang')).toBe('en');

    await page.reload();
    await waitForApp(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.getByRole('navigation', { name: 'Continuer' }).getByRole('link', { name: /Suivante : about this course/ }).waitFor();
    await page.getByRole('button', { name: 'Menu' }).click();
    expect(await page.getByRole('navigation', { name: 'Menu du cours' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: "Employer's Guide to Peer Worker Support and Engagement" }).click();
    await page.getByRole('heading', { level: 2, name: 'Table des matières' }).waitFor();
    await context.close();
  });
});
