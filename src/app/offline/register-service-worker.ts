/**
 * Registers the course's service worker (scripts/service-worker.ts) and reports what it is doing
 * to the offline status store. Loaded on demand, after the app has taken over, in the web edition
 * only: LMS packages carry no worker (docs/decisions/offline.md).
 *
 * An update never reloads the page by itself: a newer build waits until the learner chooses
 * "Reload now", which activates it and reloads once it controls the page.
 */
import { Workbox } from 'workbox-window';
import type { OfflineStatusStore } from '../../ui/offline-status.ts';

export async function registerServiceWorker(scriptUrl: URL, store: OfflineStatusStore): Promise<void> {
  const workbox = new Workbox(scriptUrl.href, { scope: new URL('./', scriptUrl).pathname });
  let reloadWhenControlled = false;

  workbox.addEventListener('waiting', () => store.update({ copy: 'update-ready' }));
  workbox.addEventListener('controlling', () => {
    if (reloadWhenControlled) window.location.reload();
  });
  workbox.addEventListener('activated', (event) => {
    if (!event.isUpdate) store.update({ copy: 'ready' });
  });
  store.acceptUpdate = () => {
    reloadWhenControlled = true;
    workbox.messageSkipWaiting();
  };

  const registration = await workbox.register();
  if (!registration) return;
  if (registration.waiting && navigator.serviceWorker.controller) store.update({ copy: 'update-ready' });
  else if (registration.active) store.update({ copy: 'ready' });
  else store.update({ copy: 'saving' });
}
