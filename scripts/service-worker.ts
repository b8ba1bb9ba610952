/**
 * Last step of `npm run build`, after the pages are pre-rendered: writes dist/sw.js, the service
 * worker that keeps the whole web edition on the learner's device after the first visit (every
 * page's HTML, every lesson chunk, the styles, icons and the French catalog), with Workbox.
 *
 * It must run after scripts/prerender.ts: the pre-rendered pages are what it precaches.
 *
 * COURSE_SERVICE_WORKER=remove writes the kill switch instead (README "Offline"): a sw.js that
 * deletes this course's caches and unregisters itself, for a host that must take the worker back.
 * The app built that way does not register one (vite.config.ts passes the same setting).
 */
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSW } from 'workbox-build';

export const SERVICE_WORKER_FILE = 'sw.js';

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

function removeOldWorkbox(dist: string) {
  for (const name of readdirSync(dist)) if (/^workbox-[\w-]+\.js$/.test(name)) rmSync(path.join(dist, name));
}

export async function writeServiceWorker(dist: string, mode: ServiceWorkerMode): Promise<{ files: number; bytes: number }> {
  removeOldWorkbox(dist);
  const swDest = path.join(dist, SERVICE_WORKER_FILE);
  if (mode === 'remove') {
    writeFileSync(swDest, KILL_SWITCH);
    return { files: 0, bytes: 0 };
  }
  const { count, size, warnings } = await generateSW({
    globDirectory: dist,
    globPatterns: ['**/*.{html,js,css,svg,png,webmanifest,json}'],
    globIgnores: [SERVICE_WORKER_FILE, 'workbox-*.js'],
    swDest,
    mode: 'production',
    sourcemap: false,
    // One small runtime file beside sw.js: the browser re-fetches sw.js to look for updates, so
    // sw.js itself stays small (the precache list) and the runtime is cached with the rest.
    inlineWorkboxRuntime: false,
    cacheId: 'course-player',
    // Hashed assets are their own revision; pages and icons are revised by content.
    dontCacheBustURLsMatching: /^assets\//,
    // `lesson/welcome/` is the page `lesson/welcome/index.html`.
    directoryIndex: 'index.html',
    ignoreURLParametersMatching: [/.*/],
    cleanupOutdatedCaches: true,
    // The first install takes over the open page, so its later lesson chunks come from the cache
    // too; an update waits for the learner (no skipWaiting: it is asked for from the page).
    clientsClaim: true,
    skipWaiting: false,
    maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
    runtimeCaching: [
      {
        // A deep link without its trailing slash (`lesson/welcome`): the page is `lesson/welcome/`.
        urlPattern: ({ request, url }) =>
          request.mode === 'navigate' && url.origin === self.location.origin && !/(\/|\.[A-Za-z0-9]+)$/.test(url.pathname),
        handler: async ({ url }) => {
          const slashed = new URL(url.href);
          slashed.pathname += '/';
          return Response.redirect(slashed.href, 301);
        },
      },
      {
        // Any other address: the network, and offline the course's own "page not found".
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: '404.html' } },
      },
    ],
  });
  for (const warning of warnings) console.warn(`service worker: ${warning}`);
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
