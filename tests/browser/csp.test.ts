/**
 * The Content-Security-Policy is in force on every pre-rendered page and in the SCORM packages,
 * and the player works under it: every route (and the package page inside a test LMS) loads and
 * the app takes over with no `securitypolicyviolation` event and no CSP error in the console.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { packageCourse } from '../../scripts/package.ts';
import { launchBrowser, waitForApp } from './browser.ts';
import { launch, LEARNER } from './lms/course-driver.ts';
import { startLmsServer, type LmsServer } from './lms/lms-server.ts';
import { unpackPackage } from './lms/unpack.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

/** Every pre-rendered page's address relative to the site root ('' is the home page). */
function routes(dir = 'dist', prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'assets') out.push(...routes(full, `${prefix}${name}/`));
    } else if (name === 'index.html') {
      out.push(prefix);
    }
  }
  return out;
}

/** A browser profile that reports every CSP violation, in any frame, as a console error. */
async function watchedContext(): Promise<{ context: BrowserContext; violations: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  const violations: string[] = [];
  context.on('console', (message) => {
    const text = message.text();
    if (/securitypolicyviolation|Content Security Policy/i.test(text)) violations.push(`${message.page()?.url() ?? ''}: ${text}`);
  });
  return { context, violations };
}

const policyOf = (page: Page) =>
  page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null);

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('every pre-rendered page under its CSP', () => {
  it('carries a strict policy: no unsafe-inline or unsafe-eval, the loader allowed by hash', () => {
    const pages = [...routes().map((route) => path.join('dist', route, 'index.html')), 'dist/404.html'];
    expect(pages.length).toBeGreaterThan(30);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
      expect(policy, file).toBeDefined();
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
      expect(policy).toContain("style-src 'self'");
      expect(policy).toContain("object-src 'none'");
      // No inline styles anywhere: style-src 'self' would block them.
      expect(html, file).not.toMatch(/\sstyle="/);
    }
  });

  it('loads every route and lets the app take over with no violation', async () => {
    const { context, violations } = await watchedContext();
    const page = await context.newPage();
    const all = routes();
    expect(all).toContain('lesson/values-of-peer-support-workers/');
    for (const route of all) {
      await page.goto(`${baseUrl}${route}`);
      expect(await policyOf(page), route).toMatch(/^default-src 'self'/);
      await waitForApp(page);
    }
    // The chart's bars (lesson 19) are as wide as their figures without inline styles.
    await page.goto(`${baseUrl}lesson/values-of-peer-support-workers/`);
    await waitForApp(page);
    const widths = await page.locator('.chart-bar').evaluateAll((bars) =>
      bars.map((bar) => Math.round((bar.getBoundingClientRect().width / bar.parentElement!.getBoundingClientRect().width) * 100)),
    );
    expect(widths.length).toBeGreaterThan(0);
    expect(widths.every((w) => w > 0 && w <= 100)).toBe(true);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('reports a violation when one happens (the watch itself works)', async () => {
    const { context, violations } = await watchedContext();
    const page = await context.newPage();
    await page.goto(baseUrl);
    await waitForApp(page);
    await page.evaluate(() => {
      const el = document.createElement('div');
      el.setAttribute('style', 'color: red');
      document.body.append(el);
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    await context.close();
  });
});

describe('the SCORM packages under their CSP', () => {
  let workDir: string;
  let lms: LmsServer;
  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'csp-scorm-'));
    const built = packageCourse({ build: false, out: path.join(workDir, 'zips'), log: () => undefined });
    const folders: Record<string, string> = {};
    for (const pkg of built) {
      const dir = path.join(workDir, pkg.version === '1.2' ? 'scorm12' : 'scorm2004');
      unpackPackage(pkg.file, dir);
      folders[path.basename(dir)] = dir;
    }
    lms = await startLmsServer(folders);
  }, 120_000);
  afterAll(async () => {
    await lms?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it.each([
    ['1.2', 'scorm12'],
    ['2004', 'scorm2004'],
  ] as const)('SCORM %s: the package page runs in the LMS frame with no violation', async (version, name) => {
    const { context, violations } = await watchedContext();
    const page = await context.newPage();
    const frame = await launch(page, lms.hostUrl, { version, src: lms.launchUrl(name), commitUrl: lms.commitUrl, cmi: LEARNER[version] });
    const policy = await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/script-src 'self' 'sha256-/);
    await frame.getByRole('link', { name: /^Start the course|^Resume/ }).first().click();
    await frame.getByRole('heading', { level: 1, name: 'welcome' }).waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });
});
