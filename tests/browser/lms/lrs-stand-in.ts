/**
 * What every cmi5 and xAPI player test starts from, in one place: the real zip as `npm run
 * package` writes it from the production dist/, unzipped into a folder the LMS/LRS stand-in
 * (lrs-server.ts) serves under /au/ (the way an LMS hosts an imported package), a Chromium, and
 * the stand-in itself; all torn down after the file's tests.
 *
 * @example
 * const standIn = useLrsStandIn('cmi5', course.id, { masteryScore: 0.8 });
 * it('…', async () => {
 *   const { session, page } = await standIn.open();
 *   expect(verbsOf(standIn.lrs, session.registration)).toEqual(['launched', 'initialized']);
 * });
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { cmi5PackagePath, packageCourse, xapiPackagePath } from '../../../scripts/package.ts';
import { launchBrowser, waitForApp } from '../browser.ts';
import { startLrsServer, type LaunchOptions, type LrsServer, type LrsServerOptions } from './lrs-server.ts';
import { unpackPackage } from './unpack.ts';

type ServerOptions = Omit<LrsServerOptions, 'packageDir'>;

export interface LrsStandIn {
  /** The stand-in started for the file (with the options given to `useLrsStandIn`). */
  readonly lrs: LrsServer;
  readonly browser: Browser;
  /** The zip's files, by path. */
  readonly entries: Record<string, Uint8Array>;
  /** Another stand-in serving the same package (say, a learner with other preferences); closed with the rest. */
  start(options?: ServerOptions): Promise<LrsServer>;
  /**
   * A cmi5 launch from `lrs` (the file's stand-in by default), opened in a browser context (a
   * fresh profile unless one is given), once the course has said `initialized` and taken over.
   */
  open(options?: LaunchOptions, context?: BrowserContext, lrs?: LrsServer): Promise<ReturnType<LrsServer['launch']> & { page: Page; context: BrowserContext }>;
  /** Any launch address (an xAPI launch, a changed query) in a fresh profile, once the course has taken over. */
  openUrl(url: string): Promise<Page>;
}

/**
 * Registers the file's set-up and tear-down for the package of the course `courseId` (the file's
 * compiled course has it); the returned object's fields are there once its tests run.
 */
export function useLrsStandIn(kind: 'cmi5' | 'xapi', courseId: string, options: ServerOptions = {}): LrsStandIn {
  let workDir = '';
  let entries: Record<string, Uint8Array> = {};
  let packageDir = '';
  let browser: Browser | undefined;
  const servers: LrsServer[] = [];

  const start = async (more: ServerOptions = {}) => {
    const server = await startLrsServer({ packageDir, ...options, ...more });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), `${kind}-player-`));
    const zips = path.join(workDir, 'zips');
    packageCourse({ build: false, [kind]: true, out: zips, log: () => undefined });
    packageDir = path.join(workDir, 'au');
    entries = unpackPackage(kind === 'cmi5' ? cmi5PackagePath(zips, courseId) : xapiPackagePath(zips, courseId), packageDir);
    await start();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    for (const server of servers) await server.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  return {
    get lrs() {
      return servers[0]!;
    },
    get browser() {
      return browser!;
    },
    get entries() {
      return entries;
    },
    start,
    async open(launchOptions = {}, context, lrs = servers[0]!) {
      const launched = lrs.launch(launchOptions);
      const ctx = context ?? (await browser!.newContext());
      const page = await ctx.newPage();
      await page.goto(launched.url);
      await expect.poll(() => launched.session.initialized, { timeout: 15_000 }).toBe(true);
      await waitForApp(page);
      return { ...launched, page, context: ctx };
    },
    async openUrl(url) {
      const page = await (await browser!.newContext()).newPage();
      await page.goto(url);
      await waitForApp(page);
      return page;
    },
  };
}

/** The page as the course driver's frame (the course is the top page here, not in an LMS frame). */
export const pageAsFrame = (page: Page) => page.locator(':root') as unknown as FrameLocator;

/** The verbs the stand-in stored for a registration, in order (`initialized`, `progressed`, …). */
export function verbsOf(lrs: LrsServer, registration: string): string[] {
  return lrs.statements
    .filter((s) => (s.context as { registration?: string } | undefined)?.registration === registration)
    .map((s) => (s.verb as { id: string }).id.split('/').pop()!);
}
