/**
 * One question of a knowledge check: "Question N of M", the type's own view (looked up in the
 * views' registry, which must list every type), and, once submitted, the result
 * (icon + words), the feedback that applies and a link to the lesson to review.
 */
import { createElement, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCourseRuntime } from '../../ui/course-context.tsx';
import type { QuestionView } from '../../course/selectors.ts';
import type { Answer } from '../../course/types.ts';
import type { QuestionText } from '../../content/types.ts';
import { RichText } from '../../blocks/RichText.tsx';
import { useContentLang, WithCourseText } from './contentLang.tsx';
import { Mark, MarkIcon } from './Mark.tsx';
import { viewOf } from './views.ts';

export interface QuestionItemProps {
  view: QuestionView;
  /** The question's words. */
  text: QuestionText;
  /** 1-based position in the check. */
  number: number;
  total: number;
  idPrefix: string;
  editable: boolean;
  /** Mark the question "Not answered yet" if it is (after a refused submission). */
  flagUnanswered: boolean;
  onAnswer: (answer: Answer) => void;
  /** The "Question N of M" heading, which takes focus when the check sends the learner here. */
  headingRef: Ref<HTMLHeadingElement>;
}

export function QuestionItem({ view, text, number, total, idPrefix, editable, flagUnanswered, onAnswer, headingRef }: QuestionItemProps) {
  const { t } = useTranslation();
  const { course } = useCourseRuntime();
  const contentLang = useContentLang();
  const { result } = view;
  const unansweredId = `${idPrefix}-unanswered`;
  const showUnanswered = flagUnanswered && !view.answered && result === null;
  const reviewLesson =
    result && !result.correct ? course.lessons.find((lesson) => lesson.id === result.reviewLessonId) : undefined;

  return (
    <div className={`kc-question${showUnanswered ? ' kc-question--unanswered' : ''}`}>
      <h3 className="kc-question__position" ref={headingRef} tabIndex={-1}>
        {t('check.questionPosition', { number, total })}
      </h3>
      {result && (
        <p className={`kc-result kc-result--${result.correct ? 'correct' : 'incorrect'}`}>
          <MarkIcon kind={result.correct ? 'correct' : 'incorrect'} />
          <span>{t(result.correct ? 'check.correct' : 'check.incorrect')}</span>
        </p>
      )}
      {showUnanswered && (
        <p className="kc-unanswered">
          <Mark kind="warning" id={unansweredId}>
            {t('check.notAnswered')}
          </Mark>
        </p>
      )}
      <QuestionBody
        view={view}
        text={text}
        idPrefix={idPrefix}
        editable={editable}
        onAnswer={onAnswer}
        describedBy={showUnanswered ? unansweredId : undefined}
      />
      {result && view.answer === undefined && (
        <p className="kc-no-answer">{t('check.yourAnswer', { answer: t('check.noAnswer') })}</p>
      )}
      {result && (
        <div className={`kc-feedback kc-feedback--${result.correct ? 'correct' : 'incorrect'}`}>
          <div className="kc-feedback__text" lang={contentLang}>
            <RichText html={result.correct ? text.correctFeedbackHtml : text.incorrectFeedbackHtml} />
          </div>
          {reviewLesson && (
            <p className="kc-review">
              <Link className="kc-review__link" to={`/lesson/${reviewLesson.id}/`}>
                <WithCourseText
                  format={(title) => t('check.review', { number: reviewLesson.number, title })}
                  text={reviewLesson.title}
                />
              </Link>
            </p>
          )}
        </div>
      )}
    </div>
  );
}

interface QuestionBodyProps {
  view: QuestionView;
  text: QuestionText;
  idPrefix: string;
  editable: boolean;
  onAnswer: (answer: Answer) => void;
  describedBy: string | undefined;
}

/** The view of the question's type, from the registry (views.ts). */
function QuestionBody({ view, ...props }: QuestionBodyProps) {
  const { question, answer, result } = view;
  // createElement, not <View />: the registry's views are module-level components, never made during render.
  return createElement(viewOf(question.type), {
    ...props,
    question,
    result,
    answer: answer?.type === question.type ? answer : undefined,
  });
}
