/**
 * A knowledge check: its questions, the Submit button, and after submission the results
 * (score, attempt, per-question result and feedback) and a Retry button.
 *
 * Every rule comes from the course machine through `selectCheckView`: whether a question is
 * answered, whether the check may be submitted, correctness and the score. This component only
 * draws them, sends `check.answer` / `check.submit` / `check.retry`, and manages focus and
 * announcements:
 *
 * - Submit stays focusable while answers are missing (`aria-disabled`, not `disabled`);
 *   activating it then shows and announces "Answer N more questions to submit.", marks the
 *   unanswered questions and moves focus to the first of them. `check.submit` is only sent when
 *   the selector allows it.
 * - After a submission the score is announced and focus moves to the results heading.
 * - Retry sends `check.retry`, announces the new attempt and moves focus to the first question.
 *
 * @example
 * <KnowledgeCheck checkId={lesson.checkId} text={lessonBody.check} />
 */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCourseActor, useCourseRuntime, useCourseSelector } from '../../ui/course-context.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import type { CourseSnapshot } from '../../course/machine.ts';
import { selectCheckView } from '../../course/selectors.ts';
import type { Answer } from '../../course/types.ts';
import type { CheckText, QuestionText } from '../../content/types.ts';
import { usePrerendering } from '../../ui/prerendering.ts';
import { usePartLanguages, WithCourseText } from './contentLang.tsx';
import { MarkIcon } from './Mark.tsx';
import { QuestionItem } from './QuestionItem.tsx';

export interface KnowledgeCheckProps {
  /** Id of a check in `CompiledCourse.checks`; an unknown id renders nothing. */
  checkId: string;
  /** The check's words, from its lesson's body. */
  text: CheckText;
}

/** Stands in if a question's words are missing, so the check still works (the build prevents it). */
const NO_TEXT: QuestionText = { promptHtml: '', promptText: '', correctFeedbackHtml: '', incorrectFeedbackHtml: '' };

type FocusTarget = { kind: 'results' } | { kind: 'question'; questionId: string };

export function KnowledgeCheck({ checkId, text }: KnowledgeCheckProps) {
  const { t } = useTranslation();
  const actor = useCourseActor();
  const { course, tracking } = useCourseRuntime();
  // A Review launch shows the last answers as they were: nothing to change, submit or retry.
  const reviewing = tracking?.reviewing === true;
  const announce = useAnnounce();
  const languages = usePartLanguages();
  const select = useCallback((snapshot: CourseSnapshot) => selectCheckView(snapshot, checkId), [checkId]);
  const view = useCourseSelector(select);
  const idPrefix = `kc${useId().replace(/[^\w-]/g, '')}`;

  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const questionHeadings = useRef(new Map<string, HTMLHeadingElement>());

  const prerendering = usePrerendering();

  // Focus moves after React has drawn the results (or the fresh attempt).
  useEffect(() => {
    if (focusTarget === null) return;
    const element =
      focusTarget.kind === 'results' ? resultsHeading.current : questionHeadings.current.get(focusTarget.questionId);
    element?.focus();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a one-shot request, cleared once the DOM has been focused
    setFocusTarget(null);
  }, [focusTarget]);

  if (view === null) return null;

  const submitted = view.status === 'submitted';
  const { canSubmit, submitRefused: refused } = view;
  const locked = !canSubmit.ok && canSubmit.reason === 'locked';
  // The pre-rendered page shows the questions; answering waits until the app has taken over.
  const editable = view.status === 'answering' && !locked && !prerendering && !reviewing;
  const total = view.questions.length;
  const headingId = `${idPrefix}-heading`;
  const messageId = `${idPrefix}-message`;

  const blockingLesson =
    !canSubmit.ok && canSubmit.reason === 'locked'
      ? course.lessons.find((lesson) => lesson.id === canSubmit.blockingLessonId)
      : undefined;
  const lockedMessage = (): string =>
    blockingLesson ? t('check.locked', { lesson: blockingLesson.title }) : t('check.lockedGeneric');
  let message: ReactNode = null;
  if (locked) {
    message = blockingLesson ? (
      <WithCourseText format={(lesson) => t('check.locked', { lesson })} text={blockingLesson.title} />
    ) : (
      t('check.lockedGeneric')
    );
  } else if (refused && !canSubmit.ok && canSubmit.reason === 'unanswered') {
    message = t('check.unanswered', { count: canSubmit.unansweredQuestionIds.length });
  }

  const answer = (questionId: string, value: Answer) => {
    actor.send({ type: 'check.answer', checkId, questionId, answer: value });
  };

  const submit = () => {
    actor.send({ type: 'check.submit', checkId });
    if (canSubmit.ok) {
      const after = selectCheckView(actor.getSnapshot(), checkId);
      if (after?.status === 'submitted' && after.lastScore) {
        announce(t('check.submittedAnnouncement', { score: after.lastScore.score, max: after.lastScore.max }));
        setFocusTarget({ kind: 'results' });
      }
      return;
    }
    if (canSubmit.reason === 'unanswered') {
      announce(t('check.unanswered', { count: canSubmit.unansweredQuestionIds.length }));
      const first = canSubmit.unansweredQuestionIds[0];
      if (first !== undefined) questionHeadings.current.get(first)?.focus();
    } else if (canSubmit.reason === 'locked') {
      announce(lockedMessage());
    }
  };

  const retry = () => {
    actor.send({ type: 'check.retry', checkId });
    const after = selectCheckView(actor.getSnapshot(), checkId);
    if (after?.status !== 'answering') return;
    announce(t('check.retryAnnouncement', { attempt: after.attempts + 1 }));
    const first = after.questions[0];
    if (first) setFocusTarget({ kind: 'question', questionId: first.question.id });
  };

  return (
    <section className="knowledge-check" aria-labelledby={headingId} lang={languages.ui}>
      {submitted && view.lastScore && (
        <div className="kc-summary">
          <h2 className="kc-summary__heading" ref={resultsHeading} tabIndex={-1}>
            {t('check.resultsHeading')}
          </h2>
          <p className="kc-summary__score">{t('check.score', { score: view.lastScore.score, max: view.lastScore.max })}</p>
          <p className="kc-summary__attempt">{t('check.attempt', { attempt: view.attempts })}</p>
        </div>
      )}
      <h2 className="kc-heading" id={headingId}>
        {t('check.heading')}
      </h2>
      {!submitted && view.attempts > 0 && <p className="kc-attempt">{t('check.attempt', { attempt: view.attempts + 1 })}</p>}
      <div className="kc-questions">
        {view.questions.map((questionView, index) => {
          const questionId = questionView.question.id;
          return (
            <QuestionItem
              key={questionId}
              view={questionView}
              text={text.questions[questionId] ?? NO_TEXT}
              number={index + 1}
              total={total}
              idPrefix={`${idPrefix}-${questionId}`}
              editable={editable}
              flagUnanswered={refused}
              onAnswer={(value) => answer(questionId, value)}
              headingRef={(element) => {
                if (element) questionHeadings.current.set(questionId, element);
                else questionHeadings.current.delete(questionId);
              }}
            />
          );
        })}
      </div>
      <div className="kc-actions">
        {reviewing ? (
          <p className="kc-progress">{t('check.reviewOnly')}</p>
        ) : submitted ? (
          view.canRetry && (
            <button type="button" className="button kc-button" onClick={retry}>
              {t('check.retry')}
            </button>
          )
        ) : (
          <>
            <p className="kc-progress">{t('check.answeredCount', { answered: view.answeredCount, total })}</p>
            {message !== null && (
              <p className="kc-message" id={messageId}>
                <MarkIcon kind="warning" />
                <span>{message}</span>
              </p>
            )}
            <button
              type="button"
              className="button kc-button"
              aria-disabled={canSubmit.ok ? undefined : true}
              aria-describedby={message !== null ? messageId : undefined}
              onClick={submit}
            >
              {t('check.submit')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
