/**
 * The start-up state of an LMS package's launch page. An LMS always opens the package's start
 * page; the player then finds the LMS, reads the learner's bookmark and, on a resume, opens the
 * lesson they left. Until then the pre-rendered home page would be on screen for a second or two
 * and then jump, so the launch page of a package shows a calm status instead:
 *
 * - `npm run package` puts `<p class="lms-startup" role="status">Opening the course…</p>` as the
 *   first child of `#root` in the launch page ({@link withLmsStartup}); app.css hides the rest
 *   of the pre-rendered page while it is there (and shows it after 10 s whatever happens, so a
 *   page whose scripts never run is still readable).
 * - The app replaces `#root` when it renders, which takes the status away with the pre-rendered
 *   page: the learner goes from the status straight to the right page.
 * - Meanwhile the app words the status in the learner's language, and says "Resuming where you
 *   left off…" once it knows the LMS holds a place to resume ({@link lmsStartup}). The status is a
 *   polite live region and never takes focus.
 */
import type { i18n } from 'i18next';

export const LMS_STARTUP_CLASS = 'lms-startup';

/**
 * A launch page with the start-up status in it (as the first child of `#root`).
 *
 * @example
 * withLmsStartup('<div id="root"><main>…</main></div>', 'Opening the course…')
 * // → '<div id="root"><p class="lms-startup" role="status">Opening the course…</p><main>…</main></div>'
 */
export function withLmsStartup(html: string, text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const marked = html.replace(/<div id="root">/, (root) => `${root}<p class="${LMS_STARTUP_CLASS}" role="status">${escaped}</p>`);
  if (marked === html) throw new Error('page has no <div id="root">');
  return marked;
}

export interface LmsStartup {
  /** The LMS holds a place to resume: say so until the lesson shows. */
  resuming(): void;
}

/**
 * The start-up status of this page, worded in the interface language (does nothing on pages
 * without one: the web build, lesson pages).
 *
 * @example
 * const startup = lmsStartup(document, i18n);
 * if (resumeLessonId) startup.resuming();
 */
export function lmsStartup(doc: Pick<Document, 'querySelector'>, i18n: Pick<i18n, 't'>): LmsStartup {
  const status = doc.querySelector<HTMLElement>(`#root > .${LMS_STARTUP_CLASS}`);
  const say = (text: string) => {
    if (status?.isConnected && status.textContent !== text) status.textContent = text;
  };
  say(i18n.t('lms.startup.opening'));
  return { resuming: () => say(i18n.t('lms.startup.resuming')) };
}
