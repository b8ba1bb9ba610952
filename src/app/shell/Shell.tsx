import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { usePrerendering } from '../../ui/prerendering.ts';
import { useContentFallback, useCourseRuntime } from '../../ui/course-context.tsx';
import { OfflineNotice } from '../offline/OfflineNotice.tsx';
import { RestoreNotice } from '../pages/RestoreNotice.tsx';
import { CourseMenu } from './CourseMenu.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { LmsSessionSlot } from './lms-session-slot.tsx';
import { LmsStatusNotice } from './LmsStatusNotice.tsx';
import { SaveStatusNotice } from './SaveStatusNotice.tsx';

/** Wide screens pin the menu beside the lesson; narrow ones open it over the page. */
const WIDE = '(min-width: 64em)';

/** `null` while pre-rendering at build time, where the screen size is unknown. */
function useIsWide(): boolean | null {
  const prerendering = usePrerendering();
  const [wide, setWide] = useState(() => !prerendering && !!window.matchMedia?.(WIDE).matches);
  useEffect(() => {
    const query = window.matchMedia?.(WIDE);
    if (!query) return;
    const update = () => setWide(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return prerendering ? null : wide;
}

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { course } = useCourseRuntime();
  const contentFallback = useContentFallback();
  const menuId = useId().replace(/:/g, '') + 'menu';
  const wide = useIsWide();
  const [openOnNarrow, setOpenOnNarrow] = useState(false);
  const [closedOnWide, setClosedOnWide] = useState(false);
  // Pre-rendered pages show the menu; CSS hides it on narrow screens until the app takes over.
  const open = wide === null ? true : wide ? !closedOnWide : openOnNarrow;

  // What happened to saved progress is said on the page the learner opens first (the home page
  // says it in its own place), so a deep link from an LMS or a trainer does not hide it.
  const location = useLocation();
  const restoreNoticeHere = location.key === 'default' && location.pathname !== '/';

  const toggle = () => (wide ? setClosedOnWide((closed) => !closed) : setOpenOnNarrow((isOpen) => !isOpen));
  const closeOverlay = useCallback(() => {
    setOpenOnNarrow(false);
    document.getElementById(`${menuId}-button`)?.focus();
  }, [menuId]);

  return (
    <>
      {/* Focus moves by script: in an LMS package the hash names the route, so "#main" must not
          become the address. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <button
          type="button"
          id={`${menuId}-button`}
          className="icon-button"
          aria-expanded={open}
          aria-controls={menuId}
          onClick={toggle}
        >
          <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M2 5h16M2 10h16M2 15h16" stroke="currentColor" strokeWidth="2" />
          </svg>
          <span>{t('app.menu')}</span>
        </button>
        <p className="app-header__title">
          <Link to="/">{course.title}</Link>
        </p>
        <LanguageSwitcher />
        <LmsSessionSlot place="header" />
      </header>
      <div className="app-body">
        <CourseMenu id={menuId} open={open} overlay={wide === false} prerendered={wide === null} onClose={closeOverlay} />
        <main id="main" tabIndex={-1} lang={contentFallback ? course.locale : undefined}>
          {contentFallback && (
            <FallbackNotice />
          )}
          <OfflineNotice />
          <SaveStatusNotice />
          <LmsStatusNotice />
          <LmsSessionSlot place="notice" />
          {restoreNoticeHere && <RestoreNotice />}
          {children}
        </main>
      </div>
    </>
  );
}

function FallbackNotice() {
  const { t, i18n } = useTranslation();
  return (
    <p className="notice" lang={i18n.language}>
      {t('app.contentFallback', { language: t(`app.languageNames.${i18n.language}`) })}
    </p>
  );
}
