/**
 * What the learner is told about the offline copy and the connection. Lives in the main bundle
 * (a few lines); the worker's registration, with workbox-window, is its own chunk loaded after the
 * app has taken over (register-service-worker.ts).
 */
export interface OfflineStatus {
  /** `ready` once every page and lesson is on this device; `update-ready` when a newer build waits. */
  copy: 'none' | 'saving' | 'ready' | 'update-ready';
  online: boolean;
}

type Listener = () => void;

export interface OfflineStatusStore {
  getSnapshot(): OfflineStatus;
  subscribe(listener: Listener): () => void;
  update(change: Partial<OfflineStatus>): void;
  /** Set by the registration: activates the waiting build, then reloads once it controls the page. */
  acceptUpdate: (() => void) | null;
}

export function createOfflineStatusStore(online: boolean): OfflineStatusStore {
  let status: OfflineStatus = { copy: 'none', online };
  const listeners = new Set<Listener>();
  return {
    getSnapshot: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(change) {
      const next = { ...status, ...change };
      if (next.copy === status.copy && next.online === status.online) return;
      status = next;
      for (const listener of listeners) listener();
    },
    acceptUpdate: null,
  };
}

/** Follows the browser's online/offline events. */
export function watchConnection(store: OfflineStatusStore, target: Pick<Window, 'addEventListener'>): void {
  target.addEventListener('online', () => store.update({ online: true }));
  target.addEventListener('offline', () => store.update({ online: false }));
}
