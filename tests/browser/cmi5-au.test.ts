/**
 * The cmi5 modules in real Chromium against the LMS/LRS stand-in (tests/browser/lms/lrs-server.ts),
 * through a minimal AU page (tests/browser/cmi5/harness.ts, bundled here with Vite): terminated
 * is delivered when the tab closes (keepalive), the Exit goes to the returnURL after terminated,
 * and a reload of the launch neither fetches the token again nor breaks the session rules.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startLrsServer, type LrsServer } from './lms/lrs-server.ts';

let dir: string;
let lrs: LrsServer;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cmi5-au-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      lib: { entry: path.resolve('tests/browser/cmi5/harness.ts'), formats: ['iife'], name: 'Cmi5Harness', fileName: () => 'harness.js' },
    },
  });
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>cmi5 AU</title><p id="status">Opening…</p><button id="progress">Progress</button><button id="exit">Exit</button><script src="harness.js"></script>',
  );
  lrs = await startLrsServer({ packageDir: dir, masteryScore: 0.8, returnURL: (base) => `${base}/return` });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await lrs?.close();
  rmSync(dir, { recursive: true, force: true });
});

const verbs = (registration: string) =>
  lrs.statements.filter((s) => (s.context as { registration: string }).registration === registration).map((s) => (s.verb as { id: string }).id.split('/').pop());

describe('a cmi5 AU page in Chromium', () => {
  it('closing the tab delivers terminated (keepalive)', async () => {
    const { url, session } = lrs.launch();
    const page = await browser.newPage();
    await page.goto(url);
    await expect.poll(() => page.locator('#status').textContent()).toBe('Connected (Normal)');
    await expect.poll(() => session.initialized).toBe(true);
    await page.locator('#progress').click();
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => session.terminated, { timeout: 10_000 }).toBe(true);
    expect(verbs(session.registration)).toEqual(['initialized', 'progressed', 'terminated']);
    expect(lrs.rejections).toEqual([]);
  });

  it('Exit sends terminated, then goes to the LMS returnURL', async () => {
    const { url, session } = lrs.launch();
    const page = await browser.newPage();
    await page.goto(url);
    await expect.poll(() => page.locator('#status').textContent()).toBe('Connected (Normal)');
    await page.locator('#exit').click();
    await page.waitForURL(`${lrs.url}/return`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Back in the LMS');
    expect(session.terminated).toBe(true);
    expect(verbs(session.registration)).toEqual(['initialized', 'terminated']);
    await page.close();
  });

  it('a reload of the launch uses the same token (one fetch) and sends nothing after terminated', async () => {
    const { url, session } = lrs.launch({ mode: 'Browse' });
    const page = await browser.newPage();
    await page.goto(url);
    await expect.poll(() => page.locator('#status').textContent()).toBe('Connected (Browse)');
    await page.reload();
    await expect.poll(() => page.locator('#status').textContent()).toBe('This launch has ended. Open the course again from your LMS.');
    expect(session.fetchCalls).toBe(1);
    expect(verbs(session.registration)).toEqual(['initialized', 'terminated']);
    expect(lrs.rejections).toEqual([]);
    await page.close();
  });
});
