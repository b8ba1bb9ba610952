/**
 * The course with the keyboard alone (production build, real Chromium): Tab, Shift+Tab, Enter,
 * Space, arrow keys and typing. Locators and page.evaluate only READ what the learner perceives
 * (roles, names, focus, text); nothing is clicked. What to open and how to answer comes from the
 * content files, so the tests follow the content:
 *
 * 1. every lesson in order, every tab, flip card, point, accordion item and slide operated, every
 *    knowledge check answered correctly, then the results and the certificate;
 * 2. on a phone: the menu opened and closed by keyboard, a check answered once wrongly, retried and
 *    passed, and the results counting the better attempt;
 * 3. leaving mid-lesson and mid-check, then a reload and a new page: "Resume: …" leads back, with
 *    the unsubmitted answers still chosen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, waitForApp } from './browser.ts';

const baseUrl = inject('baseUrl');

// ---------------------------------------------------------------------------------------------
// The course as the content files describe it
// ---------------------------------------------------------------------------------------------

const contentDir = new URL('../../content/en/', import.meta.url);
const readJson = <T>(relative: string): T => JSON.parse(readFileSync(new URL(relative, contentDir), 'utf8')) as T;

interface CourseJson {
  title: string;
  completion: { passingScore?: number };
  sections: { id: string; title: string; lessons: string[] }[];
}
interface QuestionBase {
  id: string;
  prompt: string;
  feedback: { correct: string; incorrect: string };
  /** The lesson that teaches it. */
  review: string;
}
type Question = QuestionBase &
  (
    | { type: 'single'; options: { id: string; text: string }[]; correct: string }
    | { type: 'multiple'; options: { id: string; text: string }[]; correct: string[] }
    | { type: 'yesno'; correct: 'yes' | 'no' }
    | { type: 'text'; accepted: string[] }
    | { type: 'matching'; prompts: { id: string; text: string }[]; targets: { id: string; text: string }[]; correct: Record<string, string> }
  );
interface CheckJson {
  id: string;
  title: string;
  questions: Question[];
}
/** What a lesson asks the learner to operate, in reading order, named as the learner sees them. */
interface Widgets {
  tabs: string[][];
  cards: string[];
  disclosures: string[];
  slides: string[][];
}
interface Lesson {
  id: string;
  title: string;
  number: number;
  checkId: string | undefined;
  widgets: Widgets;
}

/** Inline Markdown (`**bold**`, `*em*`) and typographic spacing → the text a learner reads. */
const plain = (markdown: string) => markdown.replace(/\*|`/g, '').replace(/\s+/g, ' ').trim();

const courseJson = readJson<CourseJson>('course.json');
const checks = new Map(
  readdirSync(new URL('checks/', contentDir))
    .filter((file) => file.endsWith('.json'))
    .map((file) => readJson<CheckJson>(`checks/${file}`))
    .map((check) => [check.id, check] as const),
);

function parseLesson(markdown: string) {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!front) throw new Error('lesson without front matter');
  const field = (name: string) => {
    const value = new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(front[1]!)?.[1]?.trim();
    return value?.replace(/^(["'])(.*)\1$/, '$2');
  };
  const body = markdown.slice(front[0].length);
  const widgets: Widgets = { tabs: [], cards: [], disclosures: [], slides: [] };
  const lines = body.split('\n');
  let group: string[] | null = null;
  lines.forEach((line, index) => {
    const open = /^(:{3,})(tabs|slides|tab|slide|card|point|item)(?:\{(.*)\})?\s*$/.exec(line);
    if (!open) return;
    const [, colons, name, attributes = ''] = open;
    const attribute = (key: string) => new RegExp(`${key}="([^"]*)"`).exec(attributes)?.[1] ?? '';
    if (name === 'tabs') widgets.tabs.push((group = []));
    else if (name === 'slides') widgets.slides.push((group = []));
    else if (name === 'tab' || name === 'slide') group!.push(plain(attribute('title')));
    else if (name === 'card') widgets.cards.push(plain(attribute('front')));
    else {
      // A point with no text is a plain label, not a button; items always open.
      const close = lines.findIndex((l, i) => i > index && l === colons);
      const hasText = lines.slice(index + 1, close).some((l) => l.trim() && !l.trim().startsWith('<!--'));
      if (name === 'item' || hasText) widgets.disclosures.push(plain(attribute('title')));
    }
  });
  return { id: field('id')!, title: field('title')!, checkId: field('check'), widgets };
}

const lessonFiles = readdirSync(new URL('lessons/', contentDir))
  .filter((file) => file.endsWith('.md'))
  .map((file) => parseLesson(readFileSync(new URL(`lessons/${file}`, contentDir), 'utf8')));
const lessons: Lesson[] = courseJson.sections
  .flatMap((section) => section.lessons)
  .map((id, index) => {
    const lesson = lessonFiles.find((l) => l.id === id);
    if (!lesson) throw new Error(`course.json lists ${id}, which has no lesson file`);
    return { ...lesson, number: index + 1 };
  });
const lessonById = (id: string) => lessons.find((l) => l.id === id)!;
const checkLessons = lessons.filter((l) => l.checkId);

/** The option text (as the learner reads it) of the correct answer(s). */
function correctTexts(question: Question): string[] {
  switch (question.type) {
    case 'single':
      return [plain(question.options.find((o) => o.id === question.correct)!.text)];
    case 'multiple':
      return question.options.filter((o) => question.correct.includes(o.id)).map((o) => plain(o.text));
    case 'yesno':
      return [question.correct === 'yes' ? 'Yes' : 'No'];
    case 'text':
      return [question.accepted[0]!];
    case 'matching':
      return question.prompts.map((p) => plain(question.targets.find((t) => t.id === question.correct[p.id])!.text));
  }
}

// ---------------------------------------------------------------------------------------------
// What has the focus, as a learner (or a screen reader) perceives it
// ---------------------------------------------------------------------------------------------

interface Focused {
  tag: string;
  role: string;
  /** Accessible name, approximately: aria-label, the label of a form field, or the text. */
  name: string;
  text: string;
  inMain: boolean;
  /** The aria-label of the nearest navigation landmark, if any. */
  nav: string | null;
  pressed: string | null;
  expanded: string | null;
  selected: string | null;
  disabled: string | null;
  /** Whether the element named by aria-controls is shown. */
  controlsShown: boolean | null;
  checked: boolean | null;
  value: string | null;
  /** For a <select>: the text of the chosen option. */
  selectedOption: string | null;
  /** For a field inside a fieldset: the legend (the question's prompt). */
  legend: string | null;
  /** Inside a carousel: its "Slide N of M" status and the title of the slide shown. */
  slideStatus: string | null;
  slideTitle: string | null;
  /** Inside a knowledge check (the section named "Questions"). */
  inCheck: boolean;
  /** Inside a tab list: its name. */
  tablist: string | null;
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) {
      return {
        tag: 'BODY', role: '', name: '', text: '', inMain: false, nav: null, pressed: null, expanded: null, selected: null,
        disabled: null, controlsShown: null, checked: null, value: null, selectedOption: null, legend: null,
        slideStatus: null, slideTitle: null, inCheck: false, tablist: null,
      } satisfies Record<string, unknown>;
    }
    const implicit: Record<string, string> = { A: 'link', BUTTON: 'button', SELECT: 'combobox', H1: 'heading', H2: 'heading', H3: 'heading' };
    const input = el instanceof HTMLInputElement ? el : null;
    const role =
      el.getAttribute('role') ??
      (input ? ({ radio: 'radio', checkbox: 'checkbox', text: 'textbox' } as Record<string, string>)[input.type] ?? 'textbox' : implicit[el.tagName] ?? '');
    const labels = (el as HTMLInputElement).labels;
    const labelledBy = el.getAttribute('aria-labelledby');
    const name = squash(
      el.getAttribute('aria-label') ??
        (labelledBy ? labelledBy.split(' ').map((id) => document.getElementById(id)?.textContent).join(' ') : null) ??
        (labels && labels.length ? labels[0]!.textContent : el.textContent),
    );
    const controls = el.getAttribute('aria-controls');
    const controlled = controls ? document.getElementById(controls.split(' ')[0]!) : null;
    const carousel = el.closest('[aria-roledescription="carousel"]');
    const shownSlide = carousel?.querySelector('[aria-roledescription="slide"]:not([hidden])');
    const section = el.closest('section[aria-labelledby]');
    const sectionName = section ? squash(document.getElementById(section.getAttribute('aria-labelledby')!)?.textContent) : '';
    const tablist = el.closest('[role="tablist"]');
    return {
      tag: el.tagName,
      role,
      name,
      text: squash(el.textContent),
      inMain: !!el.closest('main'),
      nav: el.closest('nav')?.getAttribute('aria-label') ?? null,
      pressed: el.getAttribute('aria-pressed'),
      expanded: el.getAttribute('aria-expanded'),
      selected: el.getAttribute('aria-selected'),
      disabled: el.getAttribute('aria-disabled'),
      controlsShown: controlled ? !controlled.hidden && controlled.getClientRects().length > 0 : null,
      checked: input && (input.type === 'radio' || input.type === 'checkbox') ? input.checked : null,
      value: input || el instanceof HTMLSelectElement ? (el as HTMLInputElement).value : null,
      selectedOption: el instanceof HTMLSelectElement ? squash(el.selectedOptions[0]?.textContent) : null,
      legend: squash(el.closest('fieldset')?.querySelector('legend')?.textContent) || null,
      slideStatus: carousel ? squash(carousel.querySelector('[role="status"]')?.textContent) : null,
      slideTitle: shownSlide ? squash(document.getElementById(shownSlide.getAttribute('aria-labelledby')!)?.textContent) : null,
      inCheck: sectionName === 'Questions',
      tablist: tablist ? squash(document.getElementById(tablist.getAttribute('aria-labelledby') ?? '')?.textContent) : null,
    };
  });
}

const describeFocus = (f: Focused) => `${f.role || f.tag} “${f.name.slice(0, 80)}”`;

/**
 * Presses Tab (or Shift+Tab) until the focused element matches, as a learner would; fails naming
 * what it looked for and the last elements it passed.
 */
async function tabTo(page: Page, what: string, matches: (f: Focused) => boolean, { key = 'Tab', max = 200 } = {}): Promise<Focused> {
  const passed: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (matches(f)) return f;
    passed.push(describeFocus(f));
  }
  throw new Error(`${key} pressed ${max} times without reaching ${what}. Last focused: ${passed.slice(-8).join(' → ')}`);
}

async function expectFocus(page: Page, what: string, matches: (f: Focused) => boolean) {
  await expect.poll(async () => (matches(await focused(page)) ? what : describeFocus(await focused(page)))).toBe(what);
}

const isContinue = (f: Focused) => f.role === 'link' && f.nav === 'Continue' && /^(Continue|See your results)/.test(f.text);

/** The lesson's h1 has the focus, with the lesson's title, and the lesson's position shows. */
async function expectLessonHeadingFocused(page: Page, lesson: Lesson) {
  await expectFocus(page, `the h1 “${lesson.title}”`, (f) => f.tag === 'H1' && f.text === lesson.title);
  const position = page.getByRole('article', { name: lesson.title }).locator('header').getByText(`Lesson ${lesson.number} of ${lessons.length}`);
  expect(await position.isVisible()).toBe(true);
  // The lesson's text arrives in its own small chunk; the learner sees "Loading lesson…" until then.
  await expect.poll(() => page.getByText('Loading lesson…').count()).toBe(0);
}

const politeStatus = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('[role="status"][aria-live="polite"]')].map((e) => e.textContent).join(' | '));

// ---------------------------------------------------------------------------------------------
// Operating a lesson with the keyboard
// ---------------------------------------------------------------------------------------------

interface Answering {
  check: CheckJson;
  /** Question id → the option text (or typed text) to give instead of the right one. */
  wrong?: Record<string, string>;
  /** Only these questions (default: all). */
  only?: string[];
  submit: boolean;
}

/** The question of `check` that the focused field belongs to, found by its visible prompt. */
function questionFor(check: CheckJson, f: Focused): Question {
  const question =
    f.role === 'combobox'
      ? check.questions.find((q) => q.type === 'matching' && q.prompts.some((p) => plain(p.text) === f.name))
      : check.questions.find((q) => plain(q.prompt) === (f.legend ?? f.name));
  if (!question) throw new Error(`No question in check ${check.id} for ${describeFocus(f)} (legend: ${f.legend})`);
  return question;
}

/** Radio group: arrow keys to the wanted option (Space when it is the first one). */
async function chooseRadio(page: Page, want: string) {
  const options = await page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement;
    const group = [...document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${el.name}"]`)];
    return { labels: group.map((r) => (r.labels?.[0]?.textContent ?? '').replace(/\s+/g, ' ').trim()), at: group.indexOf(el) };
  });
  const target = options.labels.indexOf(want);
  expect(target, `radio “${want}” among ${JSON.stringify(options.labels)}`).toBeGreaterThanOrEqual(0);
  if (target === options.at) await page.keyboard.press('Space');
  for (let i = options.at; i < target; i++) await page.keyboard.press('ArrowDown');
  for (let i = options.at; i > target; i--) await page.keyboard.press('ArrowUp');
  const f = await focused(page);
  expect([f.name, f.checked]).toEqual([want, true]);
}

/** A matching item's <select>: ArrowDown until the wanted description shows. */
async function chooseInSelect(page: Page, want: string) {
  for (let i = 0; i < 20 && (await focused(page)).selectedOption !== want; i++) await page.keyboard.press('ArrowDown');
  expect((await focused(page)).selectedOption).toBe(want);
}

/** Answers (the part of) the question that owns the focused field, and notes the question as answered. */
async function answerFocused(page: Page, f: Focused, answering: Answering, done: Set<string>): Promise<void> {
  const question = questionFor(answering.check, f);
  if (answering.only && !answering.only.includes(question.id)) return;
  const wrong = answering.wrong?.[question.id];
  const right = correctTexts(question);
  switch (question.type) {
    case 'single':
    case 'yesno':
      if (!done.has(question.id)) await chooseRadio(page, wrong ?? right[0]!);
      break;
    case 'multiple': {
      const want = wrong ? [wrong] : right;
      if (want.includes(f.name) !== f.checked) await page.keyboard.press('Space');
      expect((await focused(page)).checked, f.name).toBe(want.includes(f.name));
      break;
    }
    case 'text':
      await page.keyboard.type(wrong ?? right[0]!);
      expect((await focused(page)).value).toBe(wrong ?? right[0]);
      break;
    case 'matching': {
      const index = question.prompts.findIndex((p) => plain(p.text) === f.name);
      await chooseInSelect(page, right[index]!);
      break;
    }
  }
  done.add(question.id);
}

interface Operated extends Widgets {
  answered: string[];
}

/**
 * From the lesson's h1, Tab through the lesson to its Continue link, operating every widget on the
 * way: tabs with the arrow keys, flip cards with Enter, points and accordion items with Space,
 * slides with Enter on Next; and, at a knowledge check, every question, then Enter on Submit.
 */
async function walkLesson(page: Page, answering?: Answering): Promise<Operated> {
  const operated: Operated = { tabs: [], cards: [], disclosures: [], slides: [], answered: [] };
  const answered = new Set<string>();
  let submitted = false;
  let triedAccordionArrows = false;
  const seenTablists = new Set<string>();
  const seenCarousels = new Set<string>();
  for (let presses = 0; presses < 400; presses++) {
    await page.keyboard.press('Tab');
    let f = await focused(page);
    if (isContinue(f)) {
      operated.answered = [...answered];
      return operated;
    }
    expect(f.inMain || f.nav === 'Continue', `focus left the lesson: ${describeFocus(f)}`).toBe(true);

    if (f.role === 'tab' && !seenTablists.has(f.tablist!)) {
      seenTablists.add(f.tablist!);
      expect(f.selected).toBe('true');
      const titles = [f.name];
      // → through every tab: each one is selected and shows its panel.
      for (;;) {
        await page.keyboard.press('ArrowRight');
        f = await focused(page);
        expect(f.role).toBe('tab');
        expect([f.selected, f.controlsShown]).toEqual(['true', true]);
        if (f.name === titles[0]) break;
        titles.push(f.name);
      }
      // It wrapped to the first; ← wraps back to the last, whose panel stays open.
      await page.keyboard.press('ArrowLeft');
      f = await focused(page);
      expect([f.name, f.selected, f.controlsShown]).toEqual([titles.at(-1), 'true', true]);
      operated.tabs.push(titles);
    } else if (f.role === 'button' && f.pressed === 'false') {
      // A flip card: Enter turns it over; the back shows and the card keeps the focus.
      await page.keyboard.press('Enter');
      const after = await focused(page);
      expect([after.name, after.pressed, after.controlsShown]).toEqual([f.name, 'true', true]);
      operated.cards.push(f.name);
    } else if (f.role === 'button' && f.expanded === 'false') {
      // A point or an accordion item: Space opens it; its text shows and the button keeps the focus.
      await page.keyboard.press('Space');
      const after = await focused(page);
      expect([after.name, after.expanded, after.controlsShown]).toEqual([f.name, 'true', true]);
      operated.disclosures.push(f.name);
      const inAccordion = await page.evaluate(() => document.activeElement?.parentElement?.tagName === 'H3');
      if (inAccordion && !triedAccordionArrows) {
        // ↓ moves to the next title and ↑ back, without opening anything.
        triedAccordionArrows = true;
        await page.keyboard.press('ArrowDown');
        const next = await focused(page);
        expect([next.role, next.expanded]).toEqual(['button', 'false']);
        expect(next.name).not.toBe(f.name);
        await page.keyboard.press('ArrowUp');
        expect((await focused(page)).name).toBe(f.name);
      }
    } else if (f.role === 'button' && f.slideStatus !== null && f.name === 'Next' && !seenCarousels.has(f.slideStatus)) {
      // Slides: Enter on Next until the last; the status and the shown slide follow, focus stays on Next.
      const total = Number(/of (\d+)/.exec(f.slideStatus)![1]);
      seenCarousels.add(f.slideStatus);
      expect(f.slideStatus).toBe(`Slide 1 of ${total}`);
      const titles = [f.slideTitle!];
      for (let n = 2; n <= total; n++) {
        await page.keyboard.press('Enter');
        const after = await focused(page);
        expect([after.name, after.slideStatus]).toEqual(['Next', `Slide ${n} of ${total}`]);
        titles.push(after.slideTitle!);
      }
      f = await focused(page);
      expect(f.disabled).toBe('true');
      await page.keyboard.press('Enter');
      expect((await focused(page)).slideStatus).toBe(`Slide ${total} of ${total}`);
      operated.slides.push(titles);
    } else if (answering && f.inCheck && !submitted) {
      if (['radio', 'checkbox', 'textbox', 'combobox'].includes(f.role)) {
        await answerFocused(page, f, answering, answered);
      } else if (f.role === 'button' && f.name === 'Submit answers') {
        if (!answering.submit) continue;
        const total = answering.check.questions.length;
        expect(f.disabled).toBeNull();
        expect(await page.getByText(`${total} of ${total} questions answered`, { exact: true }).isVisible()).toBe(true);
        await page.keyboard.press('Enter');
        submitted = true;
        // Focus moves to the results of the check.
        await expectFocus(page, 'the check results heading', (g) => g.role === 'heading' && g.text === 'Your results');
      }
    }
  }
  throw new Error('400 Tab presses without reaching the Continue link');
}

const menu = (page: Page) => page.getByRole('navigation', { name: 'Course menu' });
const menuLink = (page: Page, lesson: Lesson) => menu(page).locator(`a[href$="lesson/${lesson.id}/"]`);

/** Content lessons complete when the learner reaches their Continue bar; the menu says so. */
async function expectMarkedComplete(page: Page, lesson: Lesson) {
  await expect.poll(() => menuLink(page, lesson).textContent(), { timeout: 5_000 }).toMatch(/Complete$/);
}

/** Whether the Continue bar is out of sight below the window (reading layout, not moving anything). */
const continueBarBelowTheFold = (page: Page) =>
  page.getByRole('navigation', { name: 'Continue' }).evaluate((nav) => nav.getBoundingClientRect().top > window.innerHeight);

async function expectScore(page: Page, score: number, max: number) {
  const text = `You answered ${score} of ${max} correctly.`;
  await expect.poll(() => page.getByText(text, { exact: true }).isVisible()).toBe(true);
  await expect.poll(() => politeStatus(page)).toContain(`Answers submitted. ${text}`);
}

// ---------------------------------------------------------------------------------------------

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('the whole course with the keyboard alone', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    page = await context.newPage();
  });
  afterAll(async () => context?.close());

  it('takes every lesson, operates every widget and answers every check correctly', { timeout: 120_000 }, async () => {
    // The content holds widgets of every kind, so a parsing slip cannot make this test vacuous.
    expect(lessons).toHaveLength(lessonFiles.length);
    for (const kind of ['tabs', 'cards', 'disclosures', 'slides'] as const) {
      expect(lessons.some((l) => l.widgets[kind].length > 0), kind).toBe(true);
    }
    expect(checkLessons).toHaveLength(checks.size);

    await page.goto(baseUrl);
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: courseJson.title }).waitFor();
    await tabTo(page, 'the “Start the course” link', (f) => f.role === 'link' && f.text === 'Start the course');
    await page.keyboard.press('Enter');

    for (const [index, lesson] of lessons.entries()) {
      await expectLessonHeadingFocused(page, lesson);
      expect(page.url()).toBe(`${baseUrl}lesson/${lesson.id}/`);
      const check = lesson.checkId ? checks.get(lesson.checkId)! : undefined;
      if (!check && (await continueBarBelowTheFold(page))) {
        // A long lesson is not complete until the learner reaches its end.
        expect(await menuLink(page, lesson).textContent(), lesson.id).toMatch(/In progress$/);
      }
      const operated = await walkLesson(page, check && { check, submit: true });

      // Every widget the content holds was reached and operated, in reading order.
      expect({ lesson: lesson.id, ...operated }).toEqual({
        lesson: lesson.id,
        ...lesson.widgets,
        answered: check ? check.questions.map((q) => q.id) : [],
      });
      if (check) {
        const max = check.questions.length;
        await expectScore(page, max, max);
      }
      await expectMarkedComplete(page, lesson);

      const next = lessons[index + 1];
      const f = await focused(page);
      expect(f.text.replace(/\s*→\s*/, ' → ')).toBe(
        next ? `Continue → Next: ${next.title}` : 'See your resultsYou have reached the last lesson.',
      );
      await page.keyboard.press('Enter');
    }

    // The results page.
    await expectFocus(page, 'the h1 “Your results”', (f) => f.tag === 'H1' && f.text === 'Your results');
    const main = page.getByRole('main');
    const mainText = async () => ((await main.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(await mainText()).toContain('Course complete');
    expect(await mainText()).toContain(`${lessons.length} of ${lessons.length} lessons complete (100% complete)`);
    expect(await mainText()).toContain(`Passed with 100% (passing score ${courseJson.completion.passingScore}%).`);
    const rows = await main.getByRole('table').getByRole('row').allTextContents();
    for (const lesson of checkLessons) {
      const check = checks.get(lesson.checkId!)!;
      const max = check.questions.length;
      expect(rows, check.title).toContain(`${lesson.number}. ${check.title}${max} of ${max}1`);
    }

    // The certificate: type a name and it shows with the course title.
    const name = await tabTo(page, 'the certificate name field', (f) => f.role === 'textbox' && f.name.startsWith('Your name'));
    expect(name.value).toBe('');
    await page.keyboard.type('Ada Keyboard');
    const certificate = page.getByRole('group', { name: 'Certificate of completion' });
    await expect.poll(() => certificate.textContent()).toContain('Ada Keyboard');
    const certificateText = (await certificate.textContent())!;
    expect(certificateText).toContain(courseJson.title);
    expect(certificateText).toContain('has completed the course');

    // The menu: every lesson complete, the progress bar full; the glossary link after them is not a lesson.
    expect(await menu(page).getByRole('link').last().textContent()).toBe('Glossary');
    const links = await menu(page).locator('a.lesson-link').allTextContents();
    expect(links).toHaveLength(lessons.length);
    for (const [i, lesson] of lessons.entries()) expect(links[i]).toBe(`${lesson.number}. ${lesson.title}Complete`);
    expect(await menu(page).locator('progress').getAttribute('aria-valuetext')).toBe(
      `${lessons.length} of ${lessons.length} lessons complete`,
    );
  });
});

/** The text right under each "Question N of M" heading: "Correct" or "Not quite" once submitted. */
const questionResults = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('h3')]
      .filter((h) => /^Question \d+ of \d+$/.test(h.textContent ?? ''))
      .map((h) => (h.nextElementSibling?.tagName === 'P' ? (h.nextElementSibling.textContent ?? '').trim() : '')),
  );
/** The whole block of question `n` (1-based), as text. */
const questionText = (page: Page, n: number) =>
  page.evaluate(
    (n) =>
      ([...document.querySelectorAll('h3')].find((h) => new RegExp(`^Question ${n} of \\d+$`).test(h.textContent ?? ''))
        ?.parentElement?.textContent ?? '').replace(/\s+/g, ' '),
    n,
  );

/** A choice that makes the question wrong: an option that is not right (for checkboxes: the only one chosen). */
function aWrongOption(question: Question): string {
  if (question.type === 'yesno') return question.correct === 'yes' ? 'No' : 'Yes';
  if (question.type !== 'single' && question.type !== 'multiple') throw new Error(`${question.id} has no options`);
  const right = correctTexts(question);
  const texts = question.options.map((o) => plain(o.text));
  // When every option is right (choose all that apply), choosing only the first one is wrong.
  return texts.find((text) => !right.includes(text)) ?? texts[0]!;
}

describe('on a phone: a knowledge check answered once wrongly, retried and passed', () => {
  const lesson = checkLessons[0]!;
  const check = checks.get(lesson.checkId!)!;
  const max = check.questions.length;
  const [first, second] = check.questions as [Question, Question];
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 375, height: 812 }, reducedMotion: 'reduce', hasTouch: true });
    page = await context.newPage();
  });
  afterAll(async () => context?.close());

  it('opens and closes the menu over the page with the keyboard', async () => {
    await page.goto(`${baseUrl}lesson/${lesson.id}/`);
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: lesson.title }).waitFor();
    expect(await menu(page).isVisible()).toBe(false);
    const button = await tabTo(page, 'the Menu button', (f) => f.role === 'button' && f.name === 'Menu');
    expect(button.expanded).toBe('false');
    await page.keyboard.press('Enter');
    // The menu covers the page and takes the focus, on the current lesson.
    await expectFocus(page, 'the current lesson in the menu', (f) => f.nav === 'Course menu' && f.text.startsWith(`${lesson.number}. ${lesson.title}`));
    expect(await menuLink(page, lesson).getAttribute('aria-current')).toBe('page');
    expect(await menu(page).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expectFocus(page, 'the Menu button', (f) => f.role === 'button' && f.name === 'Menu' && f.expanded === 'false');
    expect(await menu(page).isVisible()).toBe(false);
  });

  it('submits with one answer wrong and is told which one', async () => {
    // Skip link: from the Menu button, Shift+Tab, Enter; the lesson's content comes next.
    await tabTo(page, 'the skip link', (f) => f.role === 'link' && f.text === 'Skip to content', { key: 'Shift+Tab', max: 3 });
    await page.keyboard.press('Enter');
    await expectFocus(page, 'the main content', (f) => f.tag === 'MAIN');
    await expect.poll(() => page.getByText('Loading lesson…').count()).toBe(0);

    const wrong = aWrongOption(first);
    const operated = await walkLesson(page, { check, wrong: { [first.id]: wrong }, submit: true });
    expect(operated.answered).toEqual(check.questions.map((q) => q.id));
    await expectScore(page, max - 1, max);
    expect(await page.getByText('Attempt 1', { exact: true }).isVisible()).toBe(true);
    expect(await questionResults(page)).toEqual(check.questions.map((q) => (q === first ? 'Not quite' : 'Correct')));
    // Question 1 says why and where to look again; the learner's wrong choice is marked.
    const review = lessonById(first.review);
    const block = await questionText(page, 1);
    expect(block).toContain('Your choice: incorrect');
    expect(block).toContain(plain(first.feedback.incorrect));
    expect(block).toContain(`Review lesson ${review.number}: ${review.title}`);
    expect(await page.getByRole('radio', { name: wrong }).isChecked()).toBe(true);
  });

  it('tries again with the keyboard and passes with a full score', async () => {
    // From the Continue link, back to "Try again".
    await tabTo(page, 'the “Try again” button', (f) => f.role === 'button' && f.name === 'Try again', { key: 'Shift+Tab', max: 5 });
    await page.keyboard.press('Enter');
    await expectFocus(page, 'the first question', (f) => f.role === 'heading' && f.text === `Question 1 of ${max}`);
    await expect.poll(() => politeStatus(page)).toContain('Attempt 2. Your previous answers were cleared.');
    expect(await page.getByText(`0 of ${max} questions answered`, { exact: true }).isVisible()).toBe(true);

    const operated = await walkLesson(page, { check, submit: true });
    expect(operated.answered).toEqual(check.questions.map((q) => q.id));
    await expectScore(page, max, max);
    expect(await page.getByText('Attempt 2', { exact: true }).isVisible()).toBe(true);
    expect(await questionResults(page)).toEqual(check.questions.map(() => 'Correct'));
  });

  it('counts the better attempt on the results page, even after a worse third one', async () => {
    await tabTo(page, 'the “Try again” button', (f) => f.role === 'button' && f.name === 'Try again', { key: 'Shift+Tab', max: 5 });
    await page.keyboard.press('Enter');
    await expectFocus(page, 'the first question', (f) => f.role === 'heading' && f.text === `Question 1 of ${max}`);
    await walkLesson(page, { check, wrong: { [first.id]: aWrongOption(first), [second.id]: aWrongOption(second) }, submit: true });
    await expectScore(page, max - 2, max);

    await page.goto(`${baseUrl}results`);
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(`^${lesson.number}\\. ${check.title}`) });
    expect(await row.getByRole('cell').allTextContents()).toEqual([`${max} of ${max}`, '3']);
  });
});

describe('leaving mid-lesson and mid-check, then coming back', () => {
  const ladder = lessons.find((l) => l.widgets.tabs.some((tabs) => tabs.length >= 3))!;
  const before = lessons[ladder.number - 2]!;
  const checkLesson = checkLessons.find((l) => checks.get(l.checkId!)!.questions.length >= 3 && l.number > ladder.number)!;
  const check = checks.get(checkLesson.checkId!)!;
  // A choice question, a yes/no question and a text question if there are, else the first three.
  const some = [
    check.questions.find((q) => q.type === 'single'),
    check.questions.find((q) => q.type === 'yesno'),
    check.questions.find((q) => q.type === 'text'),
  ].filter((q) => q !== undefined) as Question[];
  const chosen = (some.length === 3 ? some : check.questions.slice(0, 3)).map((q) => q.id);
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    page = await context.newPage();
  });
  afterAll(async () => context?.close());

  async function openFromHome(resumeTo: Lesson) {
    await page.close();
    page = await context.newPage();
    await page.goto(baseUrl);
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: courseJson.title }).waitFor();
    await tabTo(page, `the “Resume: ${resumeTo.title}” link`, (f) => f.role === 'link' && f.text === `Resume: ${resumeTo.title}`);
    await page.keyboard.press('Enter');
    await expectLessonHeadingFocused(page, resumeTo);
    expect(page.url()).toBe(`${baseUrl}lesson/${resumeTo.id}/`);
  }

  async function expectAnswersKept() {
    expect(await page.getByText(`${chosen.length} of ${check.questions.length} questions answered`, { exact: true }).isVisible()).toBe(true);
    for (const id of chosen) {
      const question = check.questions.find((q) => q.id === id)!;
      const [right] = correctTexts(question);
      if (question.type === 'text') {
        expect(await page.getByRole('textbox', { name: plain(question.prompt) }).inputValue()).toBe(right);
      } else {
        const group = page.getByRole('group', { name: plain(question.prompt) });
        expect(await group.getByRole('radio', { name: right, exact: true }).isChecked(), id).toBe(true);
      }
    }
    expect(await page.getByRole('button', { name: 'Submit answers' }).getAttribute('aria-disabled')).toBe('true');
  }

  it('in the middle of a lesson with tabs', async () => {
    await page.goto(`${baseUrl}lesson/${before.id}/`);
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: before.title }).waitFor();
    await expect.poll(() => page.getByText('Loading lesson…').count()).toBe(0);
    await tabTo(page, 'the Continue link', isContinue);
    await expectMarkedComplete(page, before);
    await page.keyboard.press('Enter');
    await expectLessonHeadingFocused(page, ladder);

    const titles = ladder.widgets.tabs.find((tabs) => tabs.length >= 3)!;
    await tabTo(page, `the tab “${titles[0]}”`, (f) => f.role === 'tab' && f.name === titles[0]);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const third = await focused(page);
    expect([third.name, third.selected, third.controlsShown]).toEqual([titles[2], 'true', true]);

    await page.reload();
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: ladder.title }).waitFor();
    // A plain static host answers the folder's address with its index.html, so a slash may follow.
    expect(page.url()).toMatch(new RegExp(`^${baseUrl}lesson/${ladder.id}/?$`));
    await openFromHome(ladder);
  });

  it('in the middle of a knowledge check, answers not submitted', async () => {
    // Back into the menu (it comes before the lesson) to the check.
    await tabTo(page, `“${checkLesson.title}” in the menu`, (f) => f.nav === 'Course menu' && f.text.startsWith(`${checkLesson.number}. `), {
      key: 'Shift+Tab',
    });
    await page.keyboard.press('Enter');
    await expectLessonHeadingFocused(page, checkLesson);
    const operated = await walkLesson(page, { check, only: chosen, submit: false });
    expect(operated.answered).toEqual(chosen);
    await expectAnswersKept();

    await page.reload();
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: checkLesson.title }).waitFor();
    await expectAnswersKept();

    await openFromHome(checkLesson);
    await expectAnswersKept();
  });
});
