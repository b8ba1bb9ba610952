import { memo, useCallback, useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useHref, useLocation, useNavigate } from 'react-router';
import type { LessonOutline } from '../../content/types.ts';
import { selectProgress, selectSections, type LessonEntry } from '../../course/selectors.ts';
import { useCourseRuntime, useCourseSelector } from '../../ui/course-context.tsx';
import { OfflineReady } from '../offline/OfflineNotice.tsx';
import { StatusIcon } from './StatusIcon.tsx';
import { routePath } from '../routes.ts';

interface CourseMenuProps {
  id: string;
  open: boolean;
  /** On narrow screens the menu covers the page: it takes focus and closes after a choice. */
  overlay: boolean;
  prerendered?: boolean;
  onClose: () => void;
}

/** Side menu: course progress bar, then sections and lessons with their status. */
export function CourseMenu({ id, open, overlay, prerendered = false, onClose }: CourseMenuProps) {
  const { t } = useTranslation();
  const sections = useCourseSelector(selectSections);
  const progress = useCourseSelector(selectProgress);
  const { course } = useCourseRuntime();
  const ref = useRef<HTMLElement>(null);
  const { lessonsHref, follow } = useLessonLinks();

  useEffect(() => {
    if (!open || !overlay) return;
    // The current lesson, else the first link (one selector list would always give the first link).
    const menu = ref.current;
    (menu?.querySelector<HTMLElement>('[aria-current="page"]') ?? menu?.querySelector<HTMLElement>('a'))?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, overlay, onClose]);

  return (
    <nav id={id} ref={ref} className={prerendered ? 'course-menu course-menu--prerendered' : 'course-menu'} aria-label={t('app.courseMenu')} hidden={!open}>
      {overlay && (
        <button type="button" className="icon-button course-menu__close" onClick={onClose}>
          <span aria-hidden="true">✕</span>
          <span className="visually-hidden">{t('app.closeMenu')}</span>
        </button>
      )}
      <div className="progress-bar">
        <div className="progress-bar__label" id={`${id}-progress-label`}>
          <span>{t('progress.label')}</span>
          <span>{t('progress.percent', { percent: progress.percent })}</span>
        </div>
        <progress
          max={100}
          value={progress.percent}
          aria-labelledby={`${id}-progress-label`}
          aria-valuetext={t('progress.lessonsComplete', { completed: progress.completed, total: progress.total })}
        />
        <OfflineReady />
      </div>
      {sections.map(({ section, progress: sectionProgress, lessons }) => (
        <section key={section.id} aria-labelledby={`${id}-${section.id}`}>
          <h2 id={`${id}-${section.id}`}>
            {section.title}
            <span className="visually-hidden">
              {' '}
              ({t('progress.sectionProgress', { completed: sectionProgress.completed, total: sectionProgress.total })})
            </span>
          </h2>
          <ol>
            {lessons.map(({ lesson, lock, status, isCurrent }) => (
              <li key={lesson.id}>
                <MenuLesson
                  lesson={lesson}
                  href={`${lessonsHref}${lesson.id}/`}
                  isCurrent={isCurrent}
                  status={status}
                  blockingLessonId={lock.locked && lock.reason === 'locked' ? lock.blockingLessonId : undefined}
                  onChoose={overlay ? onClose : undefined}
                  follow={follow}
                />
              </li>
            ))}
          </ol>
        </section>
      ))}
      {course.hasGlossary && (
        <p className="course-menu__extra">
          {/* Not a lesson: no number, no status, not counted in progress. */}
          <Link to={routePath.glossary} className="course-menu__glossary" onClick={overlay ? onClose : undefined}>
            {t('glossary.title')}
          </Link>
        </p>
      )}
    </nav>
  );
}

/**
 * What a lesson link needs from the router, in a form that does not change when the location
 * does: `<Link>` reads the location through context, so every link would render again on each
 * lesson change. `follow` behaves as a Link's click (left click without modifier keys; the
 * current location is replaced rather than pushed).
 */
function useLessonLinks() {
  const lessonsHref = useHref('/lesson/');
  const navigate = useNavigate();
  const location = useLocation();
  const latest = useRef({ navigate, here: '' });
  useEffect(() => {
    latest.current = { navigate, here: `${location.pathname}${location.search}${location.hash}` };
  });
  const follow = useCallback((event: MouseEvent<HTMLAnchorElement>, to: string) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    const { navigate: go, here } = latest.current;
    void go(to, { replace: here === to });
  }, []);
  return { lessonsHref, follow };
}

interface MenuLessonProps {
  lesson: LessonOutline;
  href: string;
  isCurrent: boolean;
  status: LessonEntry['status'];
  blockingLessonId: string | undefined;
  onChoose: (() => void) | undefined;
  follow: (event: MouseEvent<HTMLAnchorElement>, to: string) => void;
}

/** One lesson of the menu; memoized, so a lesson change renders only the items that changed. */
const MenuLesson = memo(function MenuLesson({ lesson, href, isCurrent, status, blockingLessonId, onChoose, follow }: MenuLessonProps) {
  const { t } = useTranslation();
  const { course } = useCourseRuntime();
  const blocking = blockingLessonId === undefined ? undefined : course.lessons.find((l) => l.id === blockingLessonId);
  return (
    <a
      href={href}
      data-discover="true"
      className="lesson-link"
      aria-current={isCurrent ? 'page' : undefined}
      aria-disabled={blocking ? true : undefined}
      onClick={(event) => {
        // A locked lesson stays where it is: its reason shows on focus and hover, and is part of its name.
        if (blocking) event.preventDefault();
        else onChoose?.();
        follow(event, `/lesson/${lesson.id}/`);
      }}
    >
      <span className="lesson-link__title">
        <span className="visually-hidden">{lesson.number}. </span>
        {lesson.title}
        {blocking && (
          <span className="lesson-link__reason">
            {' '}
            {t('lock.reason', { lesson: blocking.title })}
          </span>
        )}
      </span>
      <StatusIcon mark={blocking ? 'locked' : status} />
    </a>
  );
});
