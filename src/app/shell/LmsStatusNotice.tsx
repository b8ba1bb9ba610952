import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fixedStatusStore } from '../../tracking/adapter.ts';
import type { LmsConnection, LmsStatus } from '../../tracking/lms.ts';
import { useCourseRuntime } from '../../ui/course-context.tsx';

const WEB_STATUS = fixedStatusStore<LmsStatus>({ mode: 'web' });

/** The tracking connection of the running course (`null` when pre-rendering) and its live status. */
export function useLmsStatus(): { connection: LmsConnection | null; status: LmsStatus } {
  const { tracking } = useCourseRuntime();
  const store = tracking?.status ?? WEB_STATUS;
  const status = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  return { connection: tracking?.connection ?? null, status };
}

/**
 * Says so, calmly, when progress is not reaching the learner's LMS: an LMS package opened
 * outside an LMS, or an LMS that is not answering (progress is kept in this browser meanwhile).
 * Nothing is shown while everything is saved, or in the plain web version.
 */
export function LmsStatusNotice() {
  const { t } = useTranslation();
  const { status } = useLmsStatus();
  let message: string | null = null;
  let warning = false;
  if (status.mode === 'local') {
    message = t('lms.notice.local');
  } else if (status.mode === 'lms' && status.state === 'retrying') {
    message = t('lms.notice.retrying');
    warning = true;
  } else if (status.mode === 'lms' && status.state === 'ended') {
    message = t('lms.notice.ended');
    warning = true;
  }
  if (message === null) return null;
  return (
    <p className={warning ? 'notice notice--warning' : 'notice'} role="status">
      {message} <Link to="/lms-check/">{t('lms.notice.details')}</Link>
    </p>
  );
}
