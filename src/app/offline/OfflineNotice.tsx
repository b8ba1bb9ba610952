import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useCourseRuntime } from '../../ui/course-context.tsx';
import type { OfflineStatus, OfflineStatusStore } from '../../ui/offline-status.ts';

const NO_STATUS: OfflineStatus = { copy: 'none', online: true };
const noStore: Pick<OfflineStatusStore, 'getSnapshot' | 'subscribe'> = {
  getSnapshot: () => NO_STATUS,
  subscribe: () => () => undefined,
};

function useOfflineStatus(): { status: OfflineStatus; store: OfflineStatusStore | undefined } {
  const { offline } = useCourseRuntime();
  const source = offline ?? noStore;
  const status = useSyncExternalStore(source.subscribe, source.getSnapshot, source.getSnapshot);
  return { status, store: offline };
}

/**
 * Above the page: offline, and a newer version waiting. Both are status messages read out
 * politely; neither takes focus, and the page never reloads unless the learner asks.
 */
export function OfflineNotice() {
  const { t } = useTranslation();
  const { status, store } = useOfflineStatus();
  return (
    <div role="status" className="offline-notices">
      {!status.online && <p className="notice">{t('offline.offline')}</p>}
      {status.copy === 'update-ready' && (
        <p className="notice">
          {t('offline.updateAvailable')}{' '}
          <button type="button" className="button button--secondary" onClick={() => store?.acceptUpdate?.()}>
            {t('offline.reloadNow')}
          </button>
        </p>
      )}
    </div>
  );
}

/** A quiet line in the menu once the whole course is on this device. */
export function OfflineReady() {
  const { t } = useTranslation();
  const { status } = useOfflineStatus();
  if (status.copy !== 'ready' && status.copy !== 'update-ready') return null;
  return <p className="offline-ready">{t('offline.ready')}</p>;
}
