/** Debian's Chromium driven by playwright-core (never a downloaded browser). */
import { chromium, type Browser, type Locator } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
}

/**
 * Resolves once the app has replaced the pre-rendered page (which the app does not hydrate, so
 * elements found before then are detached, and buttons do nothing): the pre-rendered menu carries
 * a class the app's has not. Works on a page or an iframe's FrameLocator.
 */
export async function waitForApp(page: { locator(selector: string): Locator }): Promise<void> {
  await page.locator('nav.course-menu:not(.course-menu--prerendered)').waitFor({ state: 'attached' });
}
