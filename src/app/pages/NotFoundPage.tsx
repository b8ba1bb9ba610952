import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePage } from '../use-page.ts';

/** Any unknown address, including a lesson id that does not exist: say so and lead back. */
export function NotFoundPage({ missingLessonId }: { missingLessonId?: string }) {
  const { t } = useTranslation();
  const headingRef = usePage(t('notFound.title'));
  return (
    <div className="page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('notFound.title')}
      </h1>
      <p>{missingLessonId ? t('notFound.lesson', { id: missingLessonId }) : t('notFound.body')}</p>
      <p>
        <Link className="button" to="/">
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  );
}
