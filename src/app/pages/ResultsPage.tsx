import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  selectCheckView,
  selectCompletion,
  selectCourseScore,
  selectLessons,
  selectProgress,
  selectTimeSpent,
} from '../../course/selectors.ts';
import { useCourseActor, useCourseRuntime, useCourseSelector } from '../../ui/course-context.tsx';
import { usePage } from '../use-page.ts';
import { Certificate } from './Certificate.tsx';
import { routePath } from '../routes.ts';
import { LmsSessionSlot } from '../shell/lms-session-slot.tsx';

/** Results: progress, each check's score, time spent, and the certificate once complete. */
export function ResultsPage() {
  const { t, i18n } = useTranslation();
  const { course } = useCourseRuntime();
  const actor = useCourseActor();
  const navigate = useNavigate();
  const headingRef = usePage(t('results.title'));
  const progress = useCourseSelector(selectProgress);
  const completion = useCourseSelector(selectCompletion);
  const score = useCourseSelector(selectCourseScore);
  const time = useCourseSelector(selectTimeSpent);
  const lessons = useCourseSelector(selectLessons);
  const checkViews = useCourseSelector((s) => Object.keys(course.checks).map((id) => selectCheckView(s, id)!));
  const [confirming, setConfirming] = useState(false);
  const format = new Intl.NumberFormat(i18n.language);
  const remaining = progress.total - progress.completed;

  return (
    <div className="page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('results.title')}
      </h1>

      <h2>{t('results.status')}</h2>
      <p>
        <strong>
          {completion.status === 'complete' ? t('results.complete') : t('results.incomplete', { remaining: format.format(remaining) })}
        </strong>
      </p>
      <p>
        {t('progress.lessonsComplete', { completed: format.format(progress.completed), total: format.format(progress.total) })} (
        {t('progress.percent', { percent: format.format(progress.percent) })})
      </p>
      {score.passingScore !== null && completion.success !== 'unknown' && (
        <p>
          {t(completion.success === 'passed' ? 'results.passed' : 'results.failed', {
            percent: format.format(score.percent),
            passing: format.format(score.passingScore),
          })}
        </p>
      )}
      {remaining > 0 && (
        <details>
          <summary>{t('results.lessonsToGo')}</summary>
          <ul>
            {lessons
              .filter((entry) => entry.status !== 'complete')
              .map(({ lesson }) => (
                <li key={lesson.id}>
                  <Link to={`/lesson/${lesson.id}/`}>
                    {lesson.number}. {lesson.title}
                  </Link>
                </li>
              ))}
          </ul>
        </details>
      )}

      <h2 id="results-checks">{t('results.checks')}</h2>
      {/* On a narrow phone the table scrolls sideways by itself (focusable, so keyboards can scroll it), never the page. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be focusable to be scrolled by keyboard (WCAG 2.1.1) */}
      <div className="table-scroll" role="region" aria-labelledby="results-checks" tabIndex={0}>
        <table className="summary-table">
          <thead>
            <tr>
              <th scope="col">{t('results.check')}</th>
              <th scope="col">{t('results.score')}</th>
              <th scope="col">{t('results.attempts')}</th>
            </tr>
          </thead>
          <tbody>
            {checkViews.map((view) => {
              const lesson = course.lessons.find((l) => l.id === view.lessonId);
              return (
                <tr key={view.check.id}>
                  <th scope="row">
                    <Link to={`/lesson/${view.lessonId}/`}>
                      {lesson ? `${lesson.number}. ` : ''}
                      {view.check.title}
                    </Link>
                  </th>
                  <td>
                    {view.attempts
                      ? t('results.scoreValue', { score: format.format(view.countedScore.score), max: format.format(view.countedScore.max) })
                      : t('results.notTaken')}
                  </td>
                  <td>{format.format(view.attempts)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>{t('results.courseScore', { percent: format.format(score.percent) })}</p>

      <h2>{t('results.timeSpent')}</h2>
      <p>{t('results.totalTime', { time: formatDuration(time.totalSeconds, t) })}</p>

      <Certificate />

      <p className="no-print">
        <Link to={routePath.print}>{t('print.link')}</Link>
      </p>
      <LmsSessionSlot place="results" />

      <h2 className="no-print">{t('results.restart')}</h2>
      <div className="no-print">
        {!confirming ? (
          <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
            {t('results.restart')}
          </button>
        ) : (
          <div role="alertdialog" aria-labelledby="restart-question" className="notice notice--warning">
            <p id="restart-question">{t('results.restartConfirm')}</p>
            <button
              type="button"
              className="button"
              onClick={() => {
                actor.send({ type: 'course.restart' });
                setConfirming(false);
                void navigate('/');
              }}
            >
              {t('results.restart')}
            </button>{' '}
            {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the confirmation replaces the button that had focus; focus goes to its safe choice */}
            <button type="button" className="button button--secondary" autoFocus onClick={() => setConfirming(false)}>
              {t('results.cancel')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

function formatDuration(seconds: number, t: (key: string, options?: Record<string, unknown>) => string): string {
  // Saved times are checked on restore; this is the last guard against "Infinity minutes".
  if (!Number.isFinite(seconds) || seconds < 0) return t('time.unknown');
  if (seconds < 60) return t('time.lessThanMinute');
  return t('time.minutes', { count: Math.round(seconds / 60) });
}
