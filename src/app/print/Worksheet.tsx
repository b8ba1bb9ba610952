/**
 * A knowledge check on paper: each question with boxes to tick or lines to write on, matching as
 * two lettered columns with blanks; and its part of the answer key (the correct answer and its
 * feedback). Choices are lettered A, B, C… in the order the online check shows them, so the key
 * and the worksheet use the same letters.
 */
import { RichText } from '../../blocks/RichText.tsx';
import type { CheckText, KnowledgeCheck, Question, QuestionText } from '../../content/types.ts';
import { usePrintTranslation } from '../../i18n/print.ts';

const letter = (index: number) => String.fromCharCode(65 + index);

/** A box to tick (drawn by CSS). */
function Box() {
  return <span className="ws-box" aria-hidden="true" />;
}

export function Worksheet({ check, text, idPrefix, ui }: { check: KnowledgeCheck; text: CheckText; idPrefix: string; ui?: string }) {
  const { t } = usePrintTranslation();
  const total = check.questions.length;
  return (
    <section className="worksheet" aria-labelledby={`${idPrefix}-ws`}>
      <h4 className="worksheet-title" id={`${idPrefix}-ws`} lang={ui}>
        {t('printPage.worksheet')}
      </h4>
      <p className="worksheet-intro" lang={ui}>
        {t('printPage.worksheetIntro')}
      </p>
      <ol className="ws-questions">
        {check.questions.map((question, index) => {
          const words = text.questions[question.id];
          if (!words) return null;
          return (
            <li className="ws-question" key={question.id} data-question={question.id}>
              <p className="ws-position" lang={ui}>
                {t('printPage.question', { number: index + 1, total })}
              </p>
              <RichText className="ws-prompt" html={words.promptHtml} />
              <QuestionForm question={question} words={words} ui={ui} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function QuestionForm({ question, words, ui }: { question: Question; words: QuestionText; ui?: string }) {
  const { t } = usePrintTranslation();
  switch (question.type) {
    case 'single':
    case 'multiple':
      return (
        <>
          <p className="ws-instruction" lang={ui}>
            {t(question.type === 'single' ? 'printPage.chooseOne' : 'printPage.chooseAll')}
          </p>
          <ul className="ws-options">
            {question.options.map((option, index) => (
              <li key={option.id}>
                <Box />
                <span className="ws-letter">{letter(index)}.</span>{' '}
                <RichText as="span" html={words.options?.[option.id]?.html ?? ''} />
              </li>
            ))}
          </ul>
        </>
      );
    case 'yesno':
      return (
        <>
          <p className="ws-instruction" lang={ui}>
            {t('printPage.yesNo')}
          </p>
          <ul className="ws-options ws-options--inline" lang={ui}>
            <li>
              <Box /> {t('printPage.yes')}
            </li>
            <li>
              <Box /> {t('printPage.no')}
            </li>
          </ul>
        </>
      );
    case 'text':
      return (
        <>
          <p className="ws-instruction" lang={ui}>
            {t('printPage.writeAnswer')}
          </p>
          <div className="ws-lines" aria-hidden="true">
            <span className="ws-line" />
            <span className="ws-line" />
          </div>
        </>
      );
    case 'matching':
      return (
        <>
          <p className="ws-instruction" lang={ui}>
            {t('printPage.matchInstruction')}
          </p>
          <div className="ws-match">
            <div>
              <p className="ws-column-title" lang={ui}>
                {t('printPage.items')}
              </p>
              <ol className="ws-match-list">
                {question.prompts.map((prompt, index) => (
                  <li key={prompt.id}>
                    <span className="ws-blank" aria-hidden="true" />
                    <span className="ws-letter">{index + 1}.</span>{' '}
                    <RichText as="span" html={words.prompts?.[prompt.id]?.html ?? ''} />
                  </li>
                ))}
              </ol>
            </div>
            <div>
              <p className="ws-column-title" lang={ui}>
                {t('printPage.descriptions')}
              </p>
              <ol className="ws-match-list">
                {question.targets.map((target, index) => (
                  <li key={target.id}>
                    <span className="ws-letter">{letter(index)}.</span>{' '}
                    <RichText as="span" html={words.targets?.[target.id]?.html ?? ''} />
                  </li>
                ))}
              </ol>
            </div>
          </div>
        </>
      );
    default: {
      const unknown: never = question;
      void unknown;
      return null;
    }
  }
}

/** One check's part of the answer key. */
export function CheckKey({ check, text, heading, idPrefix }: { check: KnowledgeCheck; text: CheckText; heading: string; idPrefix: string }) {
  const { t } = usePrintTranslation();
  const total = check.questions.length;
  return (
    <section className="key-check" aria-labelledby={`${idPrefix}-key`}>
      <h3 id={`${idPrefix}-key`}>{heading}</h3>
      <ol className="key-list">
        {check.questions.map((question, index) => {
          const words = text.questions[question.id];
          if (!words) return null;
          return (
            <li className="key-item" key={question.id}>
              <p className="ws-position">{t('printPage.question', { number: index + 1, total })}</p>
              <div className="key-answer">
                <KeyAnswer question={question} words={words} />
              </div>
              <RichText className="key-feedback" html={words.correctFeedbackHtml} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function KeyAnswer({ question, words }: { question: Question; words: QuestionText }) {
  const { t } = usePrintTranslation();
  const option = (options: { id: string }[], id: string) => {
    const index = options.findIndex((o) => o.id === id);
    return `${letter(index)}. ${words.options?.[id]?.text ?? id}`;
  };
  switch (question.type) {
    case 'single':
      return <p>{t('printPage.answer', { answer: option(question.options, question.correctOptionId) })}</p>;
    case 'multiple':
      return (
        <>
          <p>{t('printPage.answer', { answer: question.correctOptionIds.map((id) => letter(question.options.findIndex((o) => o.id === id))).join(', ') })}</p>
          <ul>
            {question.correctOptionIds.map((id) => (
              <li key={id}>{option(question.options, id)}</li>
            ))}
          </ul>
        </>
      );
    case 'yesno':
      return <p>{t('printPage.answer', { answer: t(question.correctAnswer === 'yes' ? 'printPage.yes' : 'printPage.no') })}</p>;
    case 'text':
      return (
        <>
          <p>{t('printPage.answer', { answer: question.acceptedAnswers[0] ?? '' })}</p>
          {question.acceptedAnswers.length > 1 && <p>{t('printPage.accepted', { answers: question.acceptedAnswers.slice(1).join(', ') })}</p>}
        </>
      );
    case 'matching':
      return (
        <ul>
          {question.prompts.map((prompt, index) => {
            const targetId = question.correctPairs[prompt.id] ?? '';
            const targetIndex = question.targets.findIndex((target) => target.id === targetId);
            return (
              <li key={prompt.id}>
                {index + 1}. {words.prompts?.[prompt.id]?.text ?? prompt.id} → {letter(targetIndex)}. {words.targets?.[targetId]?.text ?? targetId}
              </li>
            );
          })}
        </ul>
      );
    default: {
      const unknown: never = question;
      void unknown;
      return null;
    }
  }
}
