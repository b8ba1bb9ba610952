/**
 * The web edition's service worker (docs/decisions/offline.md). scripts/service-worker.ts bundles
 * it into `sw-runtime-<hash>.js` and writes `sw.js`, which names the files to keep
 * (`self.__WB_MANIFEST`) and imports this: the browser re-fetches `sw.js` to look for updates, so
 * it stays a few KiB.
 *
 * Runs in the worker, not the page: it uses nothing from the app.
 */
import { clientsClaim, setCacheNameDetails, type WorkboxPlugin } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, precacheAndRoute, PrecacheFallbackPlugin, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';

/** The worker's global scope, as far as this file uses it (the project's types are the page's). */
type WorkerScope = {
  __WB_MANIFEST: PrecacheEntry[];
  location: Location;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
};
const worker = self as unknown as WorkerScope;

/**
 * Saving the course for offline is one file at a time, with a pause after each. Saved all at once
 * it kept both cores of a slow machine busy for about a second just as the learner starts, and
 * the first lessons opened up to twice as slowly; paced, it takes a few seconds longer.
 */
const PAUSE_BETWEEN_SAVED_FILES_MS = 40;
const pausedInstall: WorkboxPlugin = {
  requestWillFetch: async ({ request, event }) => {
    if (event.type === 'install') await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_SAVED_FILES_MS));
    return request;
  },
};

setCacheNameDetails({ prefix: 'course-player' });
addPlugins([pausedInstall]);
// `lesson/welcome/` is the page `lesson/welcome/index.html`; query strings do not name other files.
precacheAndRoute(worker.__WB_MANIFEST, { directoryIndex: 'index.html', ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();

// The first install takes over the open page, so its later lesson chunks come from the cache too;
// an update waits for the learner ("Reload now" sends SKIP_WAITING through workbox-window).
clientsClaim();
worker.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void worker.skipWaiting();
});

// A deep link without its trailing slash (`lesson/welcome`): the page is `lesson/welcome/`.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && url.origin === worker.location.origin && !/(\/|\.[A-Za-z0-9]+)$/.test(url.pathname),
  async ({ url }) => {
    const slashed = new URL(url.href);
    slashed.pathname += '/';
    return Response.redirect(slashed.href, 301);
  },
);
// Any other address: the network, and offline the course's own "page not found".
registerRoute(({ request }) => request.mode === 'navigate', new NetworkOnly({ plugins: [new PrecacheFallbackPlugin({ fallbackURL: '404.html' })] }));
