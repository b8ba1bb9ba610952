/**
 * Every address works on every kind of static host (docs/decisions/url-scheme.md): the production
 * build served from the sub-folder /courses/peer/ by `npm start`'s vite preview, python's
 * http.server (redirects folders), a host with a SPA fallback and no folder redirects, and nginx
 * with Debian's default `try_files`. Each route is opened as a first load with and without its
 * trailing slash; then the learner moves on in the app and reloads.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledCourse } from '../../src/content/types.ts';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { launchBrowser, waitForApp } from './browser.ts';
import { startStaticServer } from './static-server.ts';

const course = compileContentFolder('content').courses.en as CompiledCourse;
const MOUNT = '/courses/peer/';
const NGINX = '/usr/sbin/nginx';
const lessons = course.lessons;
const sample = [lessons[0]!, lessons.find((l) => l.id === 'the-ladder-of-engagement') ?? lessons[14]!, lessons.at(-1)!];

interface Host {
  origin: string;
  close(): Promise<void> | void;
}

let workDir: string;
let browser: Browser;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'hosting-test-'));
  // nginx's workers run as another user when the test runs as root: let them read the files.
  chmodSync(workDir, 0o755);
  mkdirSync(path.join(workDir, 'www', 'courses'), { recursive: true });
  cpSync('dist', path.join(workDir, 'www', 'courses', 'peer'), { recursive: true });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Waits until a child server answers on its port. */
async function waitForServer(origin: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${log()}`);
    try {
      await fetch(origin);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`server did not start: ${log()}`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const HOSTS: Record<string, { start(): Promise<Host>; ownNotFoundPage?: boolean }> = {
  "npm start's vite preview": {
    async start() {
      // The project's own config (scripts/preview-host.ts), with the build served from the sub-folder.
      const server = await preview({
        base: MOUNT,
        logLevel: 'silent',
        preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
      });
      return { origin: new URL(server.resolvedUrls!.local[0]!).origin, close: () => server.close() };
    },
  },
  'python3 -m http.server': {
    // Answers unknown addresses with its own error page: the course cannot style that one.
    ownNotFoundPage: true,
    async start() {
      const port = await freePort();
      let log = '';
      const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', path.join(workDir, 'www')], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout!.on('data', (d) => (log += d));
      child.stderr!.on('data', (d) => (log += d));
      const origin = `http://127.0.0.1:${port}`;
      await waitForServer(origin, child, () => log);
      return { origin, close: () => stop(child) };
    },
  },
  'a host with a SPA fallback and no folder redirects': {
    async start() {
      const server = await startStaticServer({ root: 'dist', mountPath: MOUNT, redirectFolders: false, fallback: 'index.html' });
      return server;
    },
  },
  "nginx with Debian's default try_files": {
    async start() {
      if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: install nginx (apt-get install -y nginx); .ci/run does`);
      const port = await freePort();
      const dir = mkdtempSync(path.join(workDir, 'nginx-'));
      chmodSync(dir, 0o755);
      // As Debian's sites-available/default, plus the one line the README's "Hosting" suggests.
      writeFileSync(
        path.join(dir, 'nginx.conf'),
        `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  gzip on;
  server {
    listen 127.0.0.1:${port};
    root ${path.join(workDir, 'www')};
    index index.html;
    location / { try_files $uri $uri/ =404; }
    location ${MOUNT} { try_files $uri $uri/ =404; error_page 404 ${MOUNT}404.html; }
  }
}
`,
      );
      let log = '';
      const child = spawn(NGINX, ['-c', path.join(dir, 'nginx.conf'), '-p', dir, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout!.on('data', (d) => (log += d));
      child.stderr!.on('data', (d) => (log += d));
      const origin = `http://127.0.0.1:${port}`;
      await waitForServer(origin, child, () => log);
      return { origin, close: () => stop(child) };
    },
  },
};

/** Opens an address and checks the page a learner gets. */
async function expectWorkingPage(page: Page, url: string, heading: string, failures: string[]): Promise<void> {
  failures.length = 0;
  await page.goto(url);
  await waitForApp(page);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), { timeout: 10_000 }).toBe(heading);
  // The stylesheet is applied: its colour tokens are defined and the menu is laid out by it.
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--color-accent').trim()), { timeout: 10_000 })
    .not.toBe('');
  expect(failures, `files that failed for ${url}`).toEqual([]);
}

describe.each(Object.entries(HOSTS))('served by %s from a sub-folder', (_name, kind) => {
  let host: Host;
  let page: Page;
  const failures: string[] = [];

  beforeAll(async () => {
    host = await kind.start();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('response', (response) => {
      const url = response.url();
      // The page's own files (the unknown address itself answers 404 by design).
      if (response.status() >= 400 && url.startsWith(`${host.origin}${MOUNT}`) && !response.request().isNavigationRequest()) {
        failures.push(`${response.status()} ${url}`);
      }
    });
  }, 60_000);

  afterAll(async () => {
    await page?.context().close();
    await host?.close();
  });

  const routes: Array<[string, string, () => string]> = [
    ['home', '', () => course.title],
    ...sample.map((l): [string, string, () => string] => [`lesson ${l.number}`, `lesson/${l.id}`, () => l.title]),
    ['results', 'results', () => 'Your results'],
    ['lms-check', 'lms-check', () => 'LMS connection check'],
  ];

  it.each(routes)('opens %s with and without the trailing slash', async (_label, route, heading) => {
    for (const address of [`${MOUNT}${route}`.replace(/\/$/, ''), `${MOUNT}${route}${route ? '/' : ''}`]) {
      await expectWorkingPage(page, `${host.origin}${address}`, heading(), failures);
    }
  });

  it('opens an unknown address with and without the trailing slash', async () => {
    for (const address of [`${MOUNT}no-such-page`, `${MOUNT}no-such-page/`]) {
      if (kind.ownNotFoundPage) {
        const response = await page.goto(`${host.origin}${address}`);
        expect(response?.status()).toBe(404);
        continue;
      }
      await expectWorkingPage(page, `${host.origin}${address}`, 'Page not found', failures);
    }
  });

  it('reloads after moving on in the app', async () => {
    const [first, second, third] = lessons;
    await expectWorkingPage(page, `${host.origin}${MOUNT}lesson/${first!.id}`, first!.title, failures);
    await page.getByRole('link', { name: /Continue/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toBe(second!.title);
    expect(new URL(page.url()).pathname).toBe(`${MOUNT}lesson/${second!.id}/`);
    await page.reload();
    await waitForApp(page);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toBe(second!.title);
    await page.getByRole('navigation', { name: 'Course menu' }).getByRole('link', { name: third!.title }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toBe(third!.title);
    await page.reload();
    await waitForApp(page);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toBe(third!.title);
    expect(failures).toEqual([]);
  });
});
