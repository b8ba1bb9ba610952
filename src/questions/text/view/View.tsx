/**
 * Text entry: a text field labelled by the prompt. Every change is sent as the answer (the
 * machine keeps it; the field shows what the machine holds). Read-only once submitted, so the
 * learner's answer stays readable and focusable.
 */
import { useTranslation } from 'react-i18next';
import { MAX_TEXT_ANSWER_LENGTH } from '../model.ts';
import { RichText } from '../../../blocks/RichText.tsx';
import { useContentLang, WithCourseText } from '../../view/contentLang.tsx';
import { Mark } from '../../view/Mark.tsx';
import { joinIds, type QuestionProps } from '../../view/questionProps.ts';

export function TextEntry({ text, answer, result, editable, onAnswer, idPrefix, describedBy }: QuestionProps<'text'>) {
  const { t } = useTranslation();
  const inputId = `${idPrefix}-input`;
  const instructionId = `${idPrefix}-instruction`;
  const contentLang = useContentLang();
  return (
    <div className="kc-text">
      <label className="kc-prompt" htmlFor={inputId} lang={contentLang}>
        <RichText as="span" html={text.promptHtml} />
      </label>
      <p className="kc-instruction" id={instructionId}>
        {t('check.typeInstruction')}
      </p>
      <input
        id={inputId}
        className="kc-text__input"
        type="text"
        value={answer?.text ?? ''}
        readOnly={!editable}
        maxLength={MAX_TEXT_ANSWER_LENGTH}
        autoComplete="off"
        aria-describedby={joinIds(instructionId, describedBy)}
        onChange={(event) => onAnswer({ type: 'text', text: event.currentTarget.value })}
      />
      {result && !result.correct && result.correctAnswer.type === 'text' && (
        <p className="kc-expected">
          <Mark kind="missed">
            <WithCourseText format={(answer) => t('check.expectedText', { answer })} text={result.correctAnswer.text} />
          </Mark>
        </p>
      )}
    </div>
  );
}
