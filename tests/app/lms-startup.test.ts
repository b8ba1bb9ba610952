// @vitest-environment jsdom
/**
 * The start-up status of an LMS package's launch page: in the page before any script runs, worded
 * in the learner's language by the app, and gone with the pre-rendered page.
 */
import { describe, expect, it } from 'vitest';
import { lmsStartup, withLmsStartup } from '../../src/app/lms-startup.ts';
import { createI18n, switchLocale } from '../../src/i18n/i18n.ts';

const PAGE = '<!doctype html><html lang="en"><head></head><body><div id="root"><main><h1>Home</h1></main></div></body></html>';

function load(html: string) {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
}

describe('LMS start-up status', () => {
  it('is the first thing in #root of the launch page, a polite status', () => {
    const html = withLmsStartup(PAGE, 'Opening the course… <for> & you');
    load(html);
    const status = document.querySelector('#root > :first-child')!;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toBe('Opening the course… <for> & you');
    expect(status.matches('[tabindex], a, button')).toBe(false);
    expect(() => withLmsStartup('<body></body>', 'x')).toThrow(/no <div id="root">/);
  });

  it('is worded in the learner language and says when it resumes', async () => {
    load(withLmsStartup(PAGE, 'Opening the course…'));
    const i18n = createI18n('en');
    await switchLocale(i18n, 'fr');
    const startup = lmsStartup(document, i18n);
    const status = () => document.querySelector('.lms-startup')?.textContent;
    expect(status()).toBe('Ouverture du cours…');
    startup.resuming();
    expect(status()).toBe('Reprise là où vous en étiez…');
  });

  it('does nothing on a page without it', () => {
    load(PAGE);
    const startup = lmsStartup(document, createI18n('en'));
    startup.resuming();
    expect(document.getElementById('root')!.innerHTML).toBe('<main><h1>Home</h1></main>');
  });
});
