import { Activity, memo, use, useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BlockList } from '../../blocks/BlockList.tsx';
// Styled with the page, so a pre-rendered check looks right before its view code loads.
import '../../questions/view/questions.css';
import type { CheckText, LessonOutline } from '../../content/types.ts';
import { selectLessonLock, selectLessonStatus, selectNavigation } from '../../course/selectors.ts';
import { useCourseActor, useCourseRuntime, useCourseSelector } from '../../ui/course-context.tsx';
import { knowledgeCheckModule, lessonBodyPromise, preloadLesson } from '../route-loading.ts';
import { LoadBoundary } from '../LoadBoundary.tsx';
import { ListenSlot } from '../read-aloud/ListenSlot.tsx';
import { usePage } from '../use-page.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

/** `/lesson/:lessonId`: the URL names the place; the machine decides whether it is open. */
export function LessonPage() {
  const { lessonId = '' } = useParams();
  const { course } = useCourseRuntime();
  const actor = useCourseActor();
  const lesson = course.lessons.find((l) => l.id === lessonId);
  const lock = useCourseSelector((s) => selectLessonLock(s, lessonId));

  useEffect(() => {
    if (lesson) actor.send({ type: 'nav.goto', lessonId: lesson.id });
  }, [actor, lesson]);

  if (!lesson) return <NotFoundPage missingLessonId={lessonId} />;
  if (lock.locked && lock.reason === 'locked') {
    const blocking = course.lessons.find((l) => l.id === lock.blockingLessonId)!;
    return <LockedLesson lesson={lesson} blocking={blocking} />;
  }
  return <LessonStage lesson={lesson} />;
}

/**
 * The open lesson, and the next one drawn ahead out of sight once its words are loaded: Continue
 * then only shows what is already built (React's Activity keeps it hidden, its effects not started,
 * out of the accessibility tree and of find-in-page).
 */
function LessonStage({ lesson }: { lesson: LessonOutline }) {
  const { course } = useCourseRuntime();
  const nextLessonId = useCourseSelector((s) => selectNavigation(s, lesson.id).nextLessonId);
  const [loadedNextId, setLoadedNextId] = useState<string | null>(null);
  const next = loadedNextId === nextLessonId ? course.lessons.find((l) => l.id === loadedNextId) : undefined;
  return (next ? [lesson, next] : [lesson]).map((shown) => (
    <Activity key={shown.id} mode={shown === lesson ? 'visible' : 'hidden'}>
      <OpenLesson lesson={shown} onNextLoaded={setLoadedNextId} />
    </Activity>
  ));
}

function LessonHeading({ lesson, headingRef }: { lesson: LessonOutline; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const { t } = useTranslation();
  const { course } = useCourseRuntime();
  return (
    <>
      <p className="lesson-meta">{t('lesson.position', { number: lesson.number, total: course.lessons.length })}</p>
      <h1 ref={headingRef} tabIndex={-1} id={`lesson-title-${lesson.id}`}>
        {lesson.title}
      </h1>
    </>
  );
}

function LockedLesson({ lesson, blocking }: { lesson: LessonOutline; blocking: LessonOutline }) {
  const { t } = useTranslation();
  const headingRef = usePage(lesson.title);
  return (
    <article className="page">
      <LessonHeading lesson={lesson} headingRef={headingRef} />
      <div className="notice" role="note">
        <h2>{t('lock.title')}</h2>
        <p>{t('lock.body', { lesson: blocking.title })}</p>
        <p>
          <Link className="button" to={`/lesson/${blocking.id}/`}>
            {t('lock.goTo', { lesson: blocking.title })}
          </Link>
        </p>
      </div>
    </article>
  );
}

function OpenLesson({ lesson, onNextLoaded }: { lesson: LessonOutline; onNextLoaded: (lessonId: string) => void }) {
  const { t } = useTranslation();
  const headingRef = usePage(lesson.title);
  useLessonTimer(lesson.id);
  const { course } = useCourseRuntime();
  const isLast = course.lessons.at(-1)?.id === lesson.id;
  // The Continue bar completes the lesson when it comes into view; while the body is still loading
  // it is in view on every lesson, so it only starts watching once the body is on the page.
  const [bodyShown, setBodyShown] = useState(false);
  const onBodyShown = useCallback(() => setBodyShown(true), []);
  return (
    <>
      <article className="page" aria-labelledby={`lesson-title-${lesson.id}`}>
        <header>
          <LessonHeading lesson={lesson} headingRef={headingRef} />
        </header>
        <LoadBoundary loading={t('app.loadingLesson')} failed={t('app.lessonLoadFailed')}>
          <LessonBody lesson={lesson} onShown={onBodyShown} />
        </LoadBoundary>
        {isLast && <FurtherReading />}
      </article>
      <ContinueBar lesson={lesson} bodyShown={bodyShown} onNextLoaded={onNextLoaded} />
    </>
  );
}

// Memoized: when the body is shown, OpenLesson renders again (the Continue bar starts watching),
// and the lesson's blocks, unchanged, need not.
const LessonBody = memo(function LessonBody({ lesson, onShown }: { lesson: LessonOutline; onShown: () => void }) {
  const { course } = useCourseRuntime();
  const body = use(lessonBodyPromise(course.locale, lesson.id));
  useEffect(() => onShown(), [onShown]);
  return (
    <>
      <ListenSlot blocks={body.blocks} checkId={lesson.checkId} checkText={body.check} />
      <BlockList blocks={body.blocks} idPrefix={`l-${lesson.id}`} />
      {lesson.checkId && body.check && <CheckView checkId={lesson.checkId} text={body.check} />}
    </>
  );
});

function CheckView({ checkId, text }: { checkId: string; text: CheckText }) {
  const { KnowledgeCheck } = use(knowledgeCheckModule());
  return <KnowledgeCheck checkId={checkId} text={text} />;
}

function FurtherReading() {
  const { t } = useTranslation();
  const { course } = useCourseRuntime();
  if (!course.resources.length) return null;
  return (
    <section aria-labelledby="further-reading">
      <h2 id="further-reading">{t('lesson.furtherReading')}</h2>
      <ul>
        {course.resources.map((resource) => (
          <li key={resource.title}>
            <p>
              <strong>{resource.url ? <a href={resource.url}>{resource.title}</a> : resource.title}</strong>
              {resource.publisher && (
                <> ({t('lesson.publisher', { publisher: resource.publisher })}{resource.year ? `, ${resource.year}` : ''})</>
              )}
              {!resource.publisher && resource.year && <> ({resource.year})</>}
            </p>
            <p>{resource.summary}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Bottom of every lesson: previous, and "continue" naming the next lesson. Reaching this bar
 * is what completes a content lesson (a knowledge check completes when submitted).
 */
function ContinueBar({
  lesson,
  bodyShown,
  onNextLoaded,
}: {
  lesson: LessonOutline;
  bodyShown: boolean;
  /** Told when the next lesson's words are here, so it can be drawn ahead. */
  onNextLoaded: (lessonId: string) => void;
}) {
  const { t } = useTranslation();
  const { course } = useCourseRuntime();
  const actor = useCourseActor();
  const navigation = useCourseSelector((s) => selectNavigation(s, lesson.id));
  const status = useCourseSelector((s) => selectLessonStatus(s, lesson.id));
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    if (lesson.checkId || status === 'complete' || !bodyShown) return;
    const complete = () => actor.send({ type: 'lesson.complete', lessonId: lesson.id });
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      complete();
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) complete();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [actor, lesson.id, lesson.checkId, status, bodyShown]);

  const previous = navigation.previousLessonId ? course.lessons.find((l) => l.id === navigation.previousLessonId) : undefined;
  const next = navigation.nextLessonId ? course.lessons.find((l) => l.id === navigation.nextLessonId) : undefined;

  // Fetch the next lesson while this one is read, so Continue opens it at once (and it is there
  // if the connection drops). A failure here is retried when the lesson is opened. A locked next
  // lesson is fetched but not drawn: Continue does not go there.
  const canGoNext = navigation.canGoNext;
  useEffect(() => {
    if (!bodyShown || !next) return;
    preloadLesson(course, next).then(
      () => canGoNext && onNextLoaded(next.id),
      () => undefined,
    );
  }, [bodyShown, course, next, canGoNext, onNextLoaded]);

  return (
    <nav ref={ref} className="continue-bar" aria-label={t('lesson.continue')}>
      {previous && (
        <Link className="button button--secondary" to={`/lesson/${previous.id}/`} rel="prev">
          <span aria-hidden="true">←</span> {t('lesson.previous')}
          <span className="visually-hidden">: {previous.title}</span>
        </Link>
      )}
      <div className="continue-bar__next">
        {next && navigation.canGoNext && (
          <Link className="continue-link" to={`/lesson/${next.id}/`} rel="next">
            <span>
              {t('lesson.continue')} <span aria-hidden="true">→</span>
            </span>
            <small>{t('lesson.next', { lesson: next.title })}</small>
          </Link>
        )}
        {next && !navigation.canGoNext && (
          <p className="continue-link" aria-disabled="true">
            <span>{t('lesson.continue')}</span>
            <small>{t('lesson.lockedContinue')}</small>
          </p>
        )}
        {!next && (
          <Link className="continue-link" to="/results/">
            <span>{t('lesson.finish')}</span>
            <small>{t('lesson.finishHint')}</small>
          </Link>
        )}
      </div>
    </nav>
  );
}

/** Reports time on a lesson while the page is visible: on leaving, on hiding, and every minute. */
function useLessonTimer(lessonId: string) {
  const actor = useCourseActor();
  useEffect(() => {
    let since = document.visibilityState === 'visible' ? Date.now() : null;
    const report = () => {
      if (since === null) return;
      const seconds = Math.round((Date.now() - since) / 1000);
      since = Date.now();
      if (seconds > 0) actor.send({ type: 'time.spent', lessonId, seconds });
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') since = Date.now();
      else {
        report();
        since = null;
      }
    };
    const interval = window.setInterval(report, 60_000);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', report);
    return () => {
      report();
      window.clearInterval(interval);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', report);
    };
  }, [actor, lessonId]);
}
