import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectCompletion, selectCourseScore } from '../../course/selectors.ts';
import { useCourseRuntime, useCourseSelector } from '../../ui/course-context.tsx';

const NAME_KEY = 'course-player.certificate-name';

function savedName(): string {
  try {
    return globalThis.localStorage?.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Certificate of completion: the learner types their name; it prints alone on one page. */
export function Certificate() {
  const { t, i18n } = useTranslation();
  const { course } = useCourseRuntime();
  const completion = useCourseSelector(selectCompletion);
  const score = useCourseSelector(selectCourseScore);
  const [name, setName] = useState(savedName);

  if (completion.status !== 'complete' || !completion.completedAt) {
    return (
      <section aria-labelledby="certificate-heading">
        <h2 id="certificate-heading">{t('certificate.heading')}</h2>
        <p>{t('certificate.notYet')}</p>
      </section>
    );
  }
  // A date that does not parse (restore drops those) shows no date line instead of throwing.
  const completedAt = new Date(completion.completedAt);
  const date = Number.isFinite(completedAt.getTime())
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(completedAt)
    : null;
  const print = () => {
    document.documentElement.classList.add('print-certificate');
    window.addEventListener('afterprint', () => document.documentElement.classList.remove('print-certificate'), { once: true });
    window.print();
  };
  return (
    <section aria-labelledby="certificate-heading">
      <h2 id="certificate-heading" className="no-print">
        {t('certificate.heading')}
      </h2>
      <div className="field no-print">
        <label htmlFor="certificate-name">{t('certificate.nameLabel')}</label>
        <input
          id="certificate-name"
          autoComplete="name"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            try {
              globalThis.localStorage?.setItem(NAME_KEY, event.target.value);
            } catch {
              // Not remembering the name is harmless.
            }
          }}
        />
      </div>
      <div className="certificate" role="group" aria-label={t('certificate.heading')}>
        <p className="certificate__title">{t('certificate.heading')}</p>
        <p>{t('certificate.certifies')}</p>
        <p className="certificate__name">{name.trim() || t('certificate.namePlaceholder')}</p>
        <p>{t('certificate.completed')}</p>
        <p className="certificate__course" lang={course.locale}>
          {course.title}
        </p>
        {date !== null && <p>{t('certificate.date', { date })}</p>}
        {score.max > 0 && score.passingScore !== null && <p>{t('certificate.score', { percent: score.percent })}</p>}
      </div>
      <button type="button" className="button no-print" onClick={print}>
        {t('certificate.print')}
      </button>
    </section>
  );
}
