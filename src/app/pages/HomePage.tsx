import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { selectCurrentLesson, selectProgress, selectSections, selectStartOrResume } from '../../course/selectors.ts';
import { useCourseRuntime, useCourseSelector } from '../../ui/course-context.tsx';
import { StatusIcon } from '../shell/StatusIcon.tsx';
import { usePage } from '../use-page.ts';
import { RestoreNotice } from './RestoreNotice.tsx';
import { routePath } from '../routes.ts';

/** Course home: what the course is, how long it takes, start or resume, and the contents. */
export function HomePage() {
  const { t } = useTranslation();
  const { course } = useCourseRuntime();
  const headingRef = usePage(course.title);
  const sections = useCourseSelector(selectSections);
  const progress = useCourseSelector(selectProgress);
  const current = useCourseSelector(selectCurrentLesson);
  const next = useCourseSelector(selectStartOrResume);
  const { started } = next;

  return (
    <div className="page">
      <h1 ref={headingRef} tabIndex={-1}>
        {course.title}
      </h1>
      <RestoreNotice />
      <p>{course.description}</p>
      <p>
        {t('home.estimate', { minutes: course.estimatedMinutes })} ·{' '}
        {t('home.lessonsCount', { count: course.lessons.length, sections: course.sections.length })}
        {started && <> · {t('progress.percent', { percent: progress.percent })}</>}
      </p>
      <p className="home-actions">
        {next.kind === 'start' && (
          <Link className="button" to={routePath.lesson(next.lessonId)}>
            {t('home.start')}
          </Link>
        )}
        {next.kind === 'resume' && (
          <Link className="button" to={routePath.lesson(current.id)}>
            {t('home.resume', { lesson: current.title })}
          </Link>
        )}
        {next.kind === 'results' && (
          <Link className="button" to={routePath.results}>
            {t('home.results')}
          </Link>
        )}
      </p>
      {course.hasGlossary && (
        <p>
          <Link to={routePath.glossary}>{t('glossary.link')}</Link>
        </p>
      )}
      <p className="no-print">
        <Link to={routePath.print}>{t('print.link')}</Link>
      </p>
      <h2>{t('home.contents')}</h2>
      {sections.map(({ section, lessons }) => (
        <section key={section.id} className="toc-section" aria-labelledby={`toc-${section.id}`}>
          <h3 id={`toc-${section.id}`}>{section.title}</h3>
          <ol className="toc">
            {lessons.map(({ lesson, status, lock }) => (
              <li key={lesson.id} value={lesson.number}>
                <Link to={`/lesson/${lesson.id}/`} className="lesson-link">
                  <span className="lesson-link__title">
                    {lesson.number}. {lesson.title}
                    <br />
                    <small>
                      {lesson.checkId ? `${t('home.knowledgeCheck')} · ` : ''}
                      {lesson.summary} · {t('home.minutes', { count: lesson.minutes })}
                    </small>
                  </span>
                  <StatusIcon mark={lock.locked ? 'locked' : status} />
                </Link>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
