/**
 * Last step of `npm run build`, after the pages are pre-rendered: writes dist/sw.js, the service
 * worker that keeps the whole web edition on the learner's device after the first visit (every
 * page's HTML, every lesson chunk, the styles, icons and the French catalog).
 *
 * The worker's code is src/app/offline/service-worker.ts (Workbox's precaching and routing),
 * bundled here into `sw-runtime-<hash>.js`. `sw.js` itself holds only the list of files to keep,
 * with Workbox's revisions, and imports the runtime: the browser re-fetches `sw.js` to look for
 * updates, so it stays small, and a new build changes it whenever a file or the runtime changes.
 *
 * It must run after scripts/prerender.ts: the pre-rendered pages are what it precaches.
 *
 * COURSE_SERVICE_WORKER=remove writes the kill switch instead (README "Offline"): a sw.js that
 * deletes this course's caches and unregisters itself, for a host that must take the worker back.
 * The app built that way does not register one (vite.config.ts passes the same setting).
 */
import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Rolldown } from 'vite';
import { getManifest } from 'workbox-build';

export const SERVICE_WORKER_FILE = 'sw.js';
const WORKER_SOURCE = path.resolve(import.meta.dirname, '../src/app/offline/service-worker.ts');

/** sw.js and the runtime it imports: not precached, and left out of LMS packages. */
export function isServiceWorkerFile(file: string): boolean {
  return file === SERVICE_WORKER_FILE || /^sw-runtime-[\w-]+\.js$/.test(file);
}

/** The worker a host deploys to take the course's worker back from learners' browsers. */
export const KILL_SWITCH = `// Removes the course's offline copy: deletes its caches, unregisters, reloads open pages.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const keys = await caches.keys();
    await Promise.all(keys.map((key) => caches.delete(key)));
    await self.registration.unregister();
    const windows = await self.clients.matchAll({ type: 'window' });
    for (const client of windows) client.navigate(client.url);
  })());
});
`;

export type ServiceWorkerMode = 'on' | 'remove';

export function serviceWorkerMode(env: NodeJS.ProcessEnv = process.env): ServiceWorkerMode {
  const value = env.COURSE_SERVICE_WORKER ?? 'on';
  if (value !== 'on' && value !== 'remove') throw new Error(`COURSE_SERVICE_WORKER must be "on" or "remove", not "${value}"`);
  return value;
}

function removeOldWorker(dist: string) {
  for (const name of readdirSync(dist)) if (isServiceWorkerFile(name)) rmSync(path.join(dist, name));
}

/** The worker's code as one classic script (a worker's importScripts takes no modules). */
async function bundleWorkerRuntime(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'warn',
    // Workbox logs to the console unless built for production.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      rolldownOptions: { input: WORKER_SOURCE, output: { format: 'iife' } },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output).filter((file) => file.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`service worker: expected one bundled file, got ${chunks.length}`);
  return chunks[0]!.code;
}

export async function writeServiceWorker(dist: string, mode: ServiceWorkerMode): Promise<{ files: number; bytes: number }> {
  removeOldWorker(dist);
  const swDest = path.join(dist, SERVICE_WORKER_FILE);
  if (mode === 'remove') {
    writeFileSync(swDest, KILL_SWITCH);
    return { files: 0, bytes: 0 };
  }
  const { manifestEntries, count, size, warnings } = await getManifest({
    globDirectory: dist,
    globPatterns: ['**/*.{html,js,css,svg,png,webmanifest,json}'],
    globIgnores: [SERVICE_WORKER_FILE, 'sw-runtime-*.js'],
    // Hashed assets are their own revision; pages and icons are revised by content.
    dontCacheBustURLsMatching: /^assets\//,
    maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
  });
  for (const warning of warnings) console.warn(`service worker: ${warning}`);
  const runtime = await bundleWorkerRuntime();
  const runtimeFile = `sw-runtime-${createHash('sha256').update(runtime).digest('hex').slice(0, 10)}.js`;
  writeFileSync(path.join(dist, runtimeFile), runtime);
  writeFileSync(swDest, `self.__WB_MANIFEST = ${JSON.stringify(manifestEntries)};\nimportScripts('./${runtimeFile}');\n`);
  return { files: count, bytes: size };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const dist = path.resolve(process.argv[2] ?? 'dist');
  if (!statSync(path.join(dist, 'index.html')).isFile()) throw new Error(`${dist}/index.html is missing: build first`);
  const mode = serviceWorkerMode();
  const { files, bytes } = await writeServiceWorker(dist, mode);
  console.log(
    mode === 'remove'
      ? `wrote the service worker kill switch to ${path.relative(process.cwd(), dist)}/${SERVICE_WORKER_FILE}`
      : `service worker: ${files} files precached (${Math.round(bytes / 1024)} KiB)`,
  );
}
