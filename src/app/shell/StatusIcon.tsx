import { useTranslation } from 'react-i18next';
import type { LessonStatus } from '../../course/types.ts';

export type LessonMark = LessonStatus | 'locked';

/** The menu's per-lesson mark: an empty circle, a half circle, a check mark, or a lock. Named in text too. */
export function StatusIcon({ mark }: { mark: LessonMark }) {
  const { t } = useTranslation();
  return (
    <>
      <svg className="status-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        {mark === 'complete' ? (
          <>
            <circle cx="12" cy="12" r="10" fill="var(--color-success)" />
            <path d="M7 12.5l3.2 3.2L17 9" fill="none" stroke="var(--color-surface)" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
          </>
        ) : mark === 'locked' ? (
          <>
            <rect x="5" y="11" width="14" height="10" rx="2" fill="var(--color-muted)" />
            <path d="M8 11V8a4 4 0 018 0v3" fill="none" stroke="var(--color-muted)" strokeWidth="2" />
          </>
        ) : (
          <>
            <circle cx="12" cy="12" r="9" fill="none" stroke="var(--color-muted)" strokeWidth="2" />
            {mark === 'in-progress' && <path d="M12 3a9 9 0 010 18z" fill="var(--color-accent)" />}
          </>
        )}
      </svg>
      <span className="visually-hidden">{t(`status.${mark}`)}</span>
    </>
  );
}
