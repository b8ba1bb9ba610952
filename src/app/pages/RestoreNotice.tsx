import { useTranslation } from 'react-i18next';
import { useCourseRuntime } from '../../ui/course-context.tsx';
import { describeRestoreLosses, type LossPlace } from './restore-losses.ts';

/** What happened to saved progress on this visit, said on the home page. */
export function RestoreNotice() {
  const { t } = useTranslation();
  const { session, course } = useCourseRuntime();
  const report = session.restoreReport;
  switch (report.kind) {
    case 'fresh':
    case 'resumed':
      return null;
    case 'migrated': {
      if (report.dropped.length === 0) {
        return (
          <p className="notice" role="status">
            {t('restore.updatedAllKept')}
          </p>
        );
      }
      const losses = describeRestoreLosses(report.dropped, course);
      const where = (place: LossPlace) =>
        place.number === null
          ? t('restore.dropped.placeNoLesson', { title: place.title })
          : t('restore.dropped.place', { title: place.title, number: place.number });
      const lines: { key: string; text: string }[] = [];
      for (const check of losses.checks) {
        const place = where(check.place);
        if (check.unreadable) lines.push({ key: `${check.checkId}-unreadable`, text: t('restore.dropped.checkUnreadable', { place }) });
        if (check.answersCleared > 0 && check.resultsDropped > 0) {
          lines.push({ key: `${check.checkId}-both`, text: t('restore.dropped.answersAndResults', { count: check.questions, place }) });
        } else if (check.answersCleared > 0) {
          lines.push({ key: `${check.checkId}-answers`, text: t('restore.dropped.answers', { count: check.answersCleared, place }) });
        } else if (check.resultsDropped > 0) {
          lines.push({ key: `${check.checkId}-results`, text: t('restore.dropped.results', { count: check.resultsDropped, place }) });
        }
        if (check.reopened) lines.push({ key: `${check.checkId}-reopened`, text: t('restore.dropped.reopened', { place }) });
      }
      for (const lesson of losses.unreadableLessons) {
        lines.push({ key: `lesson-${lesson.number}`, text: t('restore.dropped.lessonUnreadable', { place: where(lesson) }) });
      }
      for (const lesson of losses.timeReset) {
        lines.push({ key: `time-${lesson.number}`, text: t('restore.dropped.timeReset', { place: where(lesson) }) });
      }
      if (losses.completionUnreadable) lines.push({ key: 'completion', text: t('restore.dropped.completionUnreadable') });
      if (losses.lessonsGone > 0) lines.push({ key: 'lessons-gone', text: t('restore.dropped.lessonsGone', { count: losses.lessonsGone }) });
      if (losses.checksGone > 0) lines.push({ key: 'checks-gone', text: t('restore.dropped.checksGone', { count: losses.checksGone }) });
      if (losses.other > 0) lines.push({ key: 'other', text: t('restore.dropped.other', { count: losses.other }) });
      return (
        <div className="notice" role="status">
          <p>
            {t(
              report.damaged
                ? report.contentChanged
                  ? 'restore.migratedAndDamaged'
                  : 'restore.damaged'
                : 'restore.migrated',
            )}
          </p>
          <ul>
            {lines.map((line) => (
              <li key={line.key}>{line.text}</li>
            ))}
          </ul>
        </div>
      );
    }
    case 'rejected':
      return (
        <p className="notice notice--warning" role="status">
          {t(
            report.reason === 'foreign-course'
              ? 'restore.rejected.foreign-course'
              : report.reason === 'unsupported-version'
                ? 'restore.rejected.unsupported-version'
                : 'restore.rejected.corrupt',
          )}{' '}
          {t(report.keptAside ? 'restore.rejected.keptAside' : 'restore.rejected.notKeptAside')}
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
