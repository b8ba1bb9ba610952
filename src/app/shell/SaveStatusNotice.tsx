import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useCourseRuntime } from '../../ui/course-context.tsx';

/** Says so, calmly, when progress cannot be saved on this device. */
export function SaveStatusNotice() {
  const { t } = useTranslation();
  const { session } = useCourseRuntime();
  const status = useSyncExternalStore(session.saveStatus.subscribe, session.saveStatus.getSnapshot, session.saveStatus.getSnapshot);
  if (status.state === 'ok' || session.restoreReport.kind === 'storage-unavailable') return null;
  return (
    <p className="notice notice--warning" role="status">
      {t('restore.saveFailing')}
    </p>
  );
}
