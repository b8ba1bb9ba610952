import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useCourseRuntime } from '../ui/course-context.tsx';

let firstPage = true;

/**
 * Every page: set the document title, and after a route change move focus to the page's h1 so
 * keyboard and screen-reader users start reading the new page (not on the very first load).
 */
export function usePage(title: string) {
  const { t } = useTranslation();
  const { course } = useCourseRuntime();
  const location = useLocation();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = title === course.title ? course.title : t('app.pageTitle', { page: title, course: course.title });
  }, [title, course.title, t]);

  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    if (!location.hash) {
      headingRef.current?.focus({ preventScroll: true });
      window.scrollTo?.(0, 0);
    }
  }, [location.pathname, location.hash]);

  return headingRef;
}
