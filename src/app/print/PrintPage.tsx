/**
 * `/print`: the whole course laid out for paper (issue 16), from the same compiled content:
 * cover, contents, every lesson in order (interactive blocks in their printed form, see
 * PrintBlockList), knowledge checks as worksheets, the glossary, a completion record for a
 * trainer, and the answer key on its own pages. Two choices, kept in the address so a link or
 * `npm run print:pdf` can ask for them: `?key=without` leaves out the answer key, `?size=large`
 * sets large print (18 pt body text). Page numbers ("Page 2 of 31") are in the page margin
 * (print.css); their words come from the catalog through CSS custom properties on <html>.
 *
 * Its own chunk, with all lesson bodies loaded: nothing here weighs on the other pages.
 */
import { use, useEffect, useMemo, useRef, type ReactNode, type RefObject } from 'react';
import { useSearchParams } from 'react-router';
import { PrintBlockList } from '../../blocks/print/PrintBlockList.tsx';
import { usePrerendering } from '../../ui/prerendering.ts';
import { usePartLanguages } from '../../questions/view/contentLang.tsx';
import type { CompiledCourse, Glossary, LessonBody, LessonOutline } from '../../content/types.ts';
import { usePrintTranslation } from '../../i18n/print.ts';
import { useCourseRuntime } from '../../ui/course-context.tsx';
import { EditionListen } from '../read-aloud/ReadAloud.tsx';
import { allLessonBodies, glossaryPromise } from '../route-loading.ts';
import { usePage } from '../use-page.ts';
import { glossaryTerms } from './glossary.ts';
import { CheckKey, Worksheet } from './Worksheet.tsx';
import './print.css';

const NO_GLOSSARY: Promise<Glossary | null> = Object.assign(Promise.resolve(null), { status: 'fulfilled', value: null });

export function PrintPage() {
  const { t } = usePrintTranslation();
  const { course } = useCourseRuntime();
  const bodies = use(allLessonBodies(course));
  const [params, setParams] = useSearchParams();
  const large = params.get('size') === 'large';
  const withKey = params.get('key') !== 'without';
  const headingRef = usePage(t('printPage.edition'));
  const prerendering = usePrerendering();
  const { content, ui } = usePartLanguages();
  usePageNumberWords(t('printPage.pageNumber', { page: '\u0001', pages: '\u0002' }));
  const rootRef = useRef<HTMLDivElement>(null);
  useAddressShown(rootRef);

  const byId = useMemo(() => new Map(bodies.map((body) => [body.id, body])), [bodies]);
  const terms = glossaryTerms(use(course.hasGlossary ? glossaryPromise(course.locale) : NO_GLOSSARY));
  const checkLessons = course.lessons.filter((lesson) => lesson.checkId && course.checks[lesson.checkId] && byId.get(lesson.id)?.check);
  const choose = (name: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );

  return (
    <div className={`page print-edition${large ? ' print-edition--large' : ''}`} lang={ui} ref={rootRef}>

      <header className="print-cover">
        <p className="print-cover__edition">{t('printPage.edition')}</p>
        <h1 ref={headingRef} tabIndex={-1} lang={content}>
          {course.title}
        </h1>
        <p lang={content}>{course.description}</p>
        <p>
          {t('printPage.estimate', { minutes: course.estimatedMinutes })}
          <br />
          {t('printPage.lessonsCount', { count: course.lessons.length, sections: course.sections.length })}
        </p>
      </header>

      <section className="print-options no-print" aria-labelledby="print-options">
        <h2 id="print-options">{t('printPage.options')}</h2>
        <p>{t('printPage.intro')}</p>
        <div className="print-options__choices">
          <fieldset disabled={prerendering}>
            <legend>{t('printPage.answerKey')}</legend>
            <Radio name="key" checked={withKey} onChange={() => choose('key', null)}>
              {t('printPage.withKey')}
            </Radio>
            <Radio name="key" checked={!withKey} onChange={() => choose('key', 'without')}>
              {t('printPage.withoutKey')}
            </Radio>
          </fieldset>
          <fieldset disabled={prerendering}>
            <legend>{t('printPage.size')}</legend>
            <Radio name="size" checked={!large} onChange={() => choose('size', null)}>
              {t('printPage.plain')}
            </Radio>
            <Radio name="size" checked={large} onChange={() => choose('size', 'large')}>
              {t('printPage.large')}
            </Radio>
          </fieldset>
        </div>
        <p className="print-options__actions">
          <button type="button" className="button" disabled={prerendering} onClick={() => window.print()}>
            {t('printPage.print')}
          </button>
        </p>
        <EditionListen course={course} bodies={byId} />
      </section>

      <nav className="print-contents" aria-labelledby="print-contents">
        <h2 id="print-contents">{t('printPage.contents')}</h2>
        <ol className="print-contents__sections">
          {course.sections.map((section) => (
            <li key={section.id}>
              <span className="print-contents__section" lang={content}>
                {section.title}
              </span>
              <ol className="print-contents__lessons">
                {section.lessonIds.map((id) => {
                  const lesson = course.lessons.find((l) => l.id === id);
                  if (!lesson) return null;
                  return (
                    <li key={id}>
                      <a href={`#print-lesson-${id}`}>
                        {t('printPage.lesson', { number: lesson.number })}: <span lang={content}>{lesson.title}</span>
                      </a>
                      {lesson.checkId && <> ({t('printPage.checkLabel')})</>}
                    </li>
                  );
                })}
              </ol>
            </li>
          ))}
        </ol>
        <ul className="print-contents__extra">
          {terms.length > 0 && (
            <li>
              <a href="#print-glossary">{t('printPage.glossaryHeading')}</a>
            </li>
          )}
          <li>
            <a href="#print-record">{t('printPage.completionHeading')}</a>
          </li>
          {withKey && (
            <li>
              <a href="#print-key">{t('printPage.answerKeyHeading')}</a>
            </li>
          )}
        </ul>
      </nav>

      {course.sections.map((section) => (
        <section className="print-section" key={section.id} aria-labelledby={`print-section-${section.id}`}>
          <h2 className="print-section__title" id={`print-section-${section.id}`} lang={content}>
            {section.title}
          </h2>
          {section.lessonIds.map((id) => {
            const lesson = course.lessons.find((l) => l.id === id);
            const body = byId.get(id);
            return lesson && body ? <PrintLesson key={id} course={course} lesson={lesson} body={body} /> : null;
          })}
        </section>
      ))}

      {terms.length > 0 && (
        <section className="print-glossary" id="print-glossary" aria-labelledby="print-glossary-title">
          <h2 id="print-glossary-title">{t('printPage.glossaryHeading')}</h2>
          <dl lang={content}>
            {terms.map((term) => {
              const lesson = term.lessonId ? course.lessons.find((l) => l.id === term.lessonId) : undefined;
              return (
                <div className="print-glossary__entry" key={term.term}>
                  <dt>{term.term}</dt>
                  <dd>
                    {term.definition}
                    {lesson && (
                      <span className="print-glossary__lesson" lang={ui}>
                        {' '}
                        ({t('printPage.glossaryLesson', { number: lesson.number, title: lesson.title })})
                      </span>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      )}

      <CompletionRecord course={course} />

      {withKey && (
        <section className="answer-key" id="print-key" aria-labelledby="print-key-title">
          <h2 id="print-key-title">{t('printPage.answerKeyHeading')}</h2>
          <p>{t('printPage.answerKeyIntro')}</p>
          {checkLessons.map((lesson) => (
            <div key={lesson.id} lang={content}>
              <CheckKey
                check={course.checks[lesson.checkId!]!}
                text={byId.get(lesson.id)!.check!}
                heading={`${t('printPage.lesson', { number: lesson.number })}: ${lesson.title}`}
                idPrefix={`key-${lesson.id}`}
              />
            </div>
          ))}
        </section>
      )}
    </div>
  );
}

function Radio({ name, checked, onChange, children }: { name: string; checked: boolean; onChange: () => void; children: ReactNode }) {
  return (
    <label className="print-options__radio">
      <input type="radio" name={name} checked={checked} onChange={onChange} /> {children}
    </label>
  );
}

function PrintLesson({ course, lesson, body }: { course: CompiledCourse; lesson: LessonOutline; body: LessonBody }) {
  const { t } = usePrintTranslation();
  const { content, ui } = usePartLanguages();
  const check = lesson.checkId ? course.checks[lesson.checkId] : undefined;
  const isLast = course.lessons.at(-1)?.id === lesson.id;
  return (
    <article className="print-lesson" id={`print-lesson-${lesson.id}`} aria-labelledby={`print-title-${lesson.id}`} lang={content}>
      <p className="print-lesson__number" lang={ui}>
        {t('printPage.lesson', { number: lesson.number })}
        {lesson.checkId && <> · {t('printPage.checkLabel')}</>}
      </p>
      <h3 className="print-lesson__title" id={`print-title-${lesson.id}`}>
        {lesson.title}
      </h3>
      <PrintBlockList blocks={body.blocks} idPrefix={`p-${lesson.id}`} />
      {check && body.check && <Worksheet check={check} text={body.check} idPrefix={`ws-${lesson.id}`} ui={ui} />}
      {isLast && course.resources.length > 0 && (
        <section className="print-reading" aria-labelledby="print-reading">
          <h4 id="print-reading" lang={ui}>
            {t('printPage.furtherReading')}
          </h4>
          <ul>
            {course.resources.map((resource) => (
              <li key={resource.title}>
                <strong>{resource.url ? <a href={resource.url}>{resource.title}</a> : resource.title}</strong>
                {resource.publisher && <> ({resource.publisher})</>}. {resource.summary}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

function Line() {
  return <span className="ws-line" aria-hidden="true" />;
}

function CompletionRecord({ course }: { course: CompiledCourse }) {
  const { t } = usePrintTranslation();
  const { content } = usePartLanguages();
  const total = Object.values(course.checks).reduce((sum, check) => sum + check.questions.length, 0);
  const passing = course.completion.passingScore;
  return (
    <section className="completion-record" id="print-record" aria-labelledby="print-record-title">
      <h2 id="print-record-title">{t('printPage.completionHeading')}</h2>
      <p>{t('printPage.completionIntro')}</p>
      <p className="record-course" lang={content}>
        <strong>{course.title}</strong>
      </p>
      <div className="record-fields">
        <p>
          {t('printPage.learner')} <Line />
        </p>
        <p>
          {t('printPage.organisation')} <Line />
        </p>
        <p>
          {t('printPage.date')} <Line />
        </p>
      </div>
      <p>
        {t('printPage.how')}: <span className="ws-box" aria-hidden="true" /> {t('printPage.onPaper')}{' '}
        <span className="ws-box" aria-hidden="true" /> {t('printPage.assisted')}
      </p>
      <table className="data-table record-sections">
        <thead>
          <tr>
            <th scope="col">{t('printPage.section')}</th>
            <th scope="col">{t('printPage.completed')}</th>
          </tr>
        </thead>
        <tbody>
          {course.sections.map((section) => (
            <tr key={section.id}>
              <th scope="row" lang={content}>
                {section.title}
              </th>
              <td>
                <span className="ws-box" aria-hidden="true" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('printPage.score', { total })}</p>
      {passing !== undefined && <p>{t('printPage.passing', { percent: passing, count: Math.ceil((passing * total) / 100), total })}</p>}
      <div className="record-fields">
        <p>
          {t('printPage.trainer')} <Line />
        </p>
        <p>
          {t('printPage.signature')} <Line />
        </p>
        <p>
          {t('printPage.date')} <Line />
        </p>
      </div>
    </section>
  );
}

/**
 * The margin's "Page 2 of 31": `words` is the catalog's sentence with \u0001 and \u0002 for the
 * numbers; its three text parts become CSS strings that print.css puts around the counters.
 */
function usePageNumberWords(words: string) {
  useEffect(() => {
    const [before = '', rest = ''] = words.split('\u0001');
    const [between = '', after = ''] = rest.split('\u0002');
    const style = document.documentElement.style;
    const properties = { '--print-page-before': before, '--print-page-between': between, '--print-page-after': after };
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, JSON.stringify(value));
    return () => {
      for (const name of Object.keys(properties)) style.removeProperty(name);
    };
  }, [words]);
}

/** Links whose text is already their address do not print it a second time (print.css). */
function useAddressShown(rootRef: RefObject<HTMLElement | null>) {
  useEffect(() => {
    for (const link of rootRef.current?.querySelectorAll<HTMLAnchorElement>('a[href^="http"]') ?? []) {
      const text = link.textContent?.trim().replace(/\/$/, '');
      if (text === link.getAttribute('href')?.replace(/\/$/, '')) link.dataset.addressShown = '';
    }
  });
}
