/** Single choice: a radio group named by the prompt. "Choose one answer." */
import { useTranslation } from 'react-i18next';
import { useContentLang } from '../../view/contentLang.tsx';
import { ChoiceGroup, choiceQuestionProps, oneAnswerMark, textOptionItems } from '../../view/ChoiceGroup.tsx';
import type { QuestionProps } from '../../view/questionProps.ts';

export function SingleChoice(props: QuestionProps<'single'>) {
  const { question, text, answer, result, onAnswer } = props;
  const { t } = useTranslation();
  const contentLang = useContentLang();
  return (
    <ChoiceGroup
      kind="radio"
      {...choiceQuestionProps(props)}
      instruction={t('check.chooseOne')}
      onChange={(optionId) => onAnswer({ type: 'single', optionId })}
      items={textOptionItems(
        question.options,
        text,
        contentLang,
        result,
        (id) => id === answer?.optionId,
        (id, chosen) => oneAnswerMark(t, result, id, chosen),
      )}
    />
  );
}
