import { use, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { GlossaryEntry } from '../../content/types.ts';
import { useCourseRuntime } from '../../ui/course-context.tsx';
import { LoadBoundary } from '../LoadBoundary.tsx';
import { glossaryPromise } from '../route-loading.ts';
import { usePage } from '../use-page.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

/**
 * `/glossary`: the course's terms and acronyms, alphabetical, grouped by first letter, each with a
 * link back to the lesson that explains it. Lessons link a term's first use here (`#<entry id>`).
 * Not a lesson: it has no number and does not count towards progress.
 */
export function GlossaryPage() {
  const { t } = useTranslation();
  const { course } = useCourseRuntime();
  const headingRef = usePage(t('glossary.title'));
  if (!course.hasGlossary) return <NotFoundPage />;
  return (
    <div className="page glossary">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('glossary.title')}
      </h1>
      <p>{t('glossary.intro')}</p>
      <LoadBoundary loading={t('app.loading')} failed={t('app.pageLoadFailed')}>
        <GlossaryEntries />
      </LoadBoundary>
    </div>
  );
}

function GlossaryEntries() {
  const { t, i18n } = useTranslation();
  const { course } = useCourseRuntime();
  const glossary = use(glossaryPromise(course.locale));
  const { hash } = useLocation();

  // A link from a lesson names an entry: bring it into view and start reading there.
  useEffect(() => {
    const id = decodeURIComponent(hash.replace(/^#/, ''));
    if (!id) return;
    const entry = document.getElementById(`glossary-${id}`);
    entry?.scrollIntoView?.({ block: 'start' });
    entry?.focus({ preventScroll: true });
  }, [hash]);

  const groups = new Map<string, GlossaryEntry[]>();
  for (const entry of glossary.entries) {
    const letter = entry.term.charAt(0).toLocaleUpperCase(i18n.language);
    groups.set(letter, [...(groups.get(letter) ?? []), entry]);
  }
  return (
    <>
      {[...groups].map(([letter, entries]) => (
        <section key={letter} aria-labelledby={`glossary-letter-${letter}`}>
          <h2 id={`glossary-letter-${letter}`}>{letter}</h2>
          <dl className="glossary-list">
            {entries.map((entry) => {
              const lesson = course.lessons.find((l) => l.id === entry.lessonId);
              return (
                <div key={entry.id} className="glossary-entry">
                  <dt id={`glossary-${entry.id}`} tabIndex={-1}>
                    {entry.kind === 'acronym' && entry.expansion ? (
                      <>
                        <abbr title={entry.expansion}>{entry.term}</abbr> ({entry.expansion})
                      </>
                    ) : (
                      entry.term
                    )}
                  </dt>
                  <dd>
                    <p>{entry.definition}</p>
                    {lesson && (
                      <p>
                        <Link to={`/lesson/${lesson.id}`}>
                          {t('glossary.explainedIn', { number: lesson.number, title: lesson.title })}
                        </Link>
                      </p>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </>
  );
}
