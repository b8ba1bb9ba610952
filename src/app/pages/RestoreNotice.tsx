import { useTranslation } from 'react-i18next';
import { useCourseRuntime } from '../course-context.tsx';

/** What happened to saved progress on this visit, said once on the home page. */
export function RestoreNotice() {
  const { t } = useTranslation();
  const report = useCourseRuntime().session.restoreReport;
  switch (report.kind) {
    case 'fresh':
    case 'resumed':
      return null;
    case 'migrated':
      return (
        <p className="notice" role="status">
          {t('restore.migrated', { count: report.dropped.length })}
        </p>
      );
    case 'rejected':
      return (
        <p className="notice notice--warning" role="status">
          {t('restore.rejected')}
        </p>
      );
    case 'storage-unavailable':
      return (
        <p className="notice notice--warning" role="status">
          {t('restore.storageUnavailable')}
        </p>
      );
  }
}
