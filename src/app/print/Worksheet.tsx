/**
 * A knowledge check on paper: each question with boxes to tick or lines to write on, matching as
 * two lettered columns with blanks; and its part of the answer key (the correct answer and its
 * feedback). Choices are lettered A, B, C… in the order the online check shows them, so the key
 * and the worksheet use the same letters.
 */
import { RichText } from '../../blocks/RichText.tsx';
import type { CheckText, KnowledgeCheck, Question, QuestionText } from '../../content/types.ts';
import { usePrintTranslation } from '../../i18n/print.ts';
import { printedQuestionOf } from '../../questions/view/print.ts';

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

/** The question's printed form, from its type's module (src/questions/<type>/Print.tsx). */
function QuestionForm({ question, words, ui }: { question: Question; words: QuestionText; ui?: string }) {
  const { Form } = printedQuestionOf(question.type);
  return <Form question={question} words={words} ui={ui} />;
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
  const { Key } = printedQuestionOf(question.type);
  return <Key question={question} words={words} />;
}
