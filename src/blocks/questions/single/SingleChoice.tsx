/** Single choice: a radio group named by the prompt. "Choose one answer." */
import { useTranslation } from 'react-i18next';
import { RichText } from '../../RichText.tsx';
import { useContentLang } from '../contentLang.tsx';
import { ChoiceGroup, oneAnswerMark, optionFeedback } from '../ChoiceGroup.tsx';
import type { QuestionProps } from '../questionProps.ts';

export function SingleChoice({ question, text, answer, result, editable, onAnswer, idPrefix, describedBy }: QuestionProps<'single'>) {
  const { t } = useTranslation();
  const contentLang = useContentLang();
  return (
    <ChoiceGroup
      kind="radio"
      idPrefix={idPrefix}
      promptHtml={text.promptHtml}
      instruction={t('check.chooseOne')}
      editable={editable}
      describedBy={describedBy}
      onChange={(optionId) => onAnswer({ type: 'single', optionId })}
      items={question.options.map(({ id }) => {
        const chosen = id === answer?.optionId;
        const words = text.options?.[id];
        return {
          id,
          label: <RichText as="span" html={words?.html ?? id} />,
          checked: chosen,
          lang: contentLang,
          mark: oneAnswerMark(t, result, id, chosen),
          feedbackHtml: optionFeedback(result, id, words),
        };
      })}
    />
  );
}
