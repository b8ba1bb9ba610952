/**
 * Prints the built print edition (dist/print/) to PDF with the system's Chromium (playwright-core):
 * a build tool, not part of the player. Used by `npm run print:pdf` (scripts/print-pdf.ts) and
 * the browser tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, waitForApp } from '../tests/browser/browser.ts';

export interface EditionVariant {
  /** File name suffix after the course id ('' for the main file). */
  suffix: string;
  /** Query string of the print page for this variant. */
  query: string;
  /** For the record (`npm run bench`). */
  label: string;
}

/**
 * - `<id>.pdf`: standard print, with the answer key at the end (a trainer's copy);
 * - `<id>-large-print.pdf`: large print (18 pt), with the answer key;
 * - `<id>-without-key.pdf`: standard print without the answer key (copies to hand out or mail).
 */
export const VARIANTS: EditionVariant[] = [
  { suffix: '', query: '', label: 'standard print with answer key' },
  { suffix: '-large-print', query: '?size=large', label: 'large print with answer key' },
  { suffix: '-without-key', query: '?key=without', label: 'standard print without answer key' },
];

/** Opens `<baseUrl>print/<query>`, waits until the app shows the whole edition, and writes the PDF. */
export async function printEditionPdf(browser: Browser, baseUrl: string, query: string, file: string, locale = 'en'): Promise<void> {
  const context = await browser.newContext({ locale });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}print/${query}`);
    await waitForApp(page);
    await page.locator('.print-edition .print-lesson').last().waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    mkdirSync(path.dirname(file), { recursive: true });
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  } finally {
    await context.close();
  }
}

export async function printAllVariants(browser: Browser, baseUrl: string, outDir: string, courseId: string): Promise<string[]> {
  const files: string[] = [];
  for (const variant of VARIANTS) {
    const file = path.join(outDir, `${courseId}${variant.suffix}.pdf`);
    await printEditionPdf(browser, baseUrl, variant.query, file);
    files.push(file);
  }
  return files;
}

/** `npm run bench`: one line with the page count of each PDF (pdfinfo, from poppler-utils). */
export async function benchPrintEdition(baseUrl: string): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-print-'));
  const browser = await launchBrowser();
  try {
    const counts: string[] = [];
    for (const variant of VARIANTS) {
      const file = path.join(dir, `edition${variant.suffix}.pdf`);
      await printEditionPdf(browser, baseUrl, variant.query, file);
      const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? '?';
      counts.push(`${pages} ${variant.label}`);
    }
    console.log(`print edition pages: ${counts.join(', ')}`);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
