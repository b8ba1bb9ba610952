/**
 * `npm run screenshots`: pictures of the built player for the README and reviews, at phone and
 * laptop widths (run `npm run build` first). Writes docs/screenshots/*.png.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchBrowser, waitForApp } from '../tests/browser/browser.ts';
import { startStaticServer } from '../tests/browser/static-server.ts';

const out = 'docs/screenshots';
mkdirSync(out, { recursive: true });
const server = await startStaticServer({ root: 'dist', mountPath: '/course/' });
const base = `${server.origin}/course/`;
const browser = await launchBrowser();

async function shot(page: Page, name: string, fullPage = false) {
  await page.screenshot({ path: `${out}/${name}.png`, fullPage });
  console.log(`${out}/${name}.png`);
}

for (const [label, viewport] of [
  ['phone', { width: 375, height: 812 }],
  ['laptop', { width: 1280, height: 800 }],
] as const) {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(base);
  await waitForApp(page);
  await page.locator('h1').waitFor();
  await shot(page, `${label}-home`);

  await page.goto(`${base}lesson/the-ladder-of-engagement/`);
  await waitForApp(page);
  await page.getByRole('tab', { name: 'Consult' }).click();
  await shot(page, `${label}-lesson-tabs`);

  await page.goto(`${base}lesson/check-roles/`);
  await waitForApp(page);
  await page.getByRole('radio', { name: /A relationship of mutual support/ }).check();
  for (const name of [/mutual and reciprocal/, /Curiosity supports growth/, /part of a community/]) {
    await page.getByRole('checkbox', { name }).check();
  }
  await page.getByRole('radio', { name: /Someone who has been homeless/ }).check();
  await page.getByRole('radio', { name: 'Friend/friend' }).check();
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await page.getByText('You answered 2 of 4 correctly.', { exact: true }).waitFor();
  await shot(page, `${label}-check-feedback`);

  if (label === 'phone') {
    await page.getByRole('button', { name: 'Menu' }).click();
    await shot(page, `${label}-menu`);
  }
  await context.close();
}

// The results page and certificate after finishing every lesson.
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(base);
  await waitForApp(page);
  await page.evaluate(() => undefined);
  await finishCourse(page);
  await page.goto(`${base}results/`);
  await waitForApp(page);
  await page.getByLabel(/Your name/).fill('Alex Martin');
  await shot(page, 'laptop-results', true);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.documentElement.classList.add('print-certificate'));
  await page.pdf({ path: `${out}/certificate.pdf`, format: 'Letter' });
  await shot(page, 'print-certificate');
  await context.close();
}

await browser.close();
await server.close();

/** Open every lesson and answer every check correctly, through the UI as a learner would. */
async function finishCourse(page: Page) {
  const { compileContentFolder } = await import('../src/pipeline/compile.ts');
  const content = compileContentFolder('content');
  const course = content.courses.en!;
  for (const lesson of course.lessons) {
    await page.goto(`${base}lesson/${lesson.id}/`);
    await waitForApp(page);
    await page.locator('h1').waitFor();
    if (!lesson.checkId) {
      // Reaching the continue bar completes a lesson; the menu then marks it complete.
      await page.getByRole('navigation', { name: 'Continue' }).scrollIntoViewIfNeeded();
      await page.locator('.course-menu a[aria-current="page"]', { hasText: 'Complete' }).waitFor({ state: 'attached' });
      continue;
    }
    const check = course.checks[lesson.checkId]!;
    const words = content.lessonBodies.en![lesson.id]!.check!;
    for (const question of check.questions) {
      switch (question.type) {
        case 'single':
          await page.locator(`input[type=radio][value="${question.correctOptionId}"][name$="-${question.id}"]`).check();
          break;
        case 'multiple':
          for (const id of question.correctOptionIds) await page.locator(`input[type=checkbox][value="${id}"][name$="-${question.id}"]`).check();
          break;
        case 'yesno':
          await page.locator(`input[type=radio][value="${question.correctAnswer}"][name$="-${question.id}"]`).check();
          break;
        case 'text':
          await page.getByRole('textbox').first().fill(question.acceptedAnswers[0]!);
          break;
        case 'matching':
          for (const prompt of question.prompts) {
            await page.getByRole('combobox', { name: words.questions[question.id]!.prompts![prompt.id]!.text, exact: true }).selectOption(question.correctPairs[prompt.id]!);
          }
          break;
      }
    }
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByText(/You answered \d+ of \d+ correctly\./).first().waitFor();
  }
}
