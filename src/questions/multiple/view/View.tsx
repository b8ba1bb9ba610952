/** Multiple response: checkboxes in a fieldset named by the prompt. "Choose all that apply." */
import { useTranslation } from 'react-i18next';
import { useContentLang } from '../../view/contentLang.tsx';
import { ChoiceGroup, choiceQuestionProps, textOptionItems, type ChoiceItem } from '../../view/ChoiceGroup.tsx';
import type { QuestionProps } from '../../view/questionProps.ts';

export function MultipleResponse(props: QuestionProps<'multiple'>) {
  const { question, text, answer, result, onAnswer } = props;
  const { t } = useTranslation();
  const contentLang = useContentLang();
  const chosenIds = answer?.optionIds ?? [];
  const onChange = (optionId: string, checked: boolean) => {
    const next = new Set(chosenIds);
    if (checked) next.add(optionId);
    else next.delete(optionId);
    // Keep the options' own order, so the saved answer does not depend on click order.
    onAnswer({ type: 'multiple', optionIds: question.options.map((o) => o.id).filter((id) => next.has(id)) });
  };
  const markFor = (optionId: string, chosen: boolean): ChoiceItem['mark'] => {
    if (!result) return null;
    if (chosen) {
      return result.wrongOptionIds?.includes(optionId)
        ? { kind: 'incorrect', text: t('check.chosenIncorrect') }
        : { kind: 'correct', text: t('check.chosenCorrect') };
    }
    return result.missedOptionIds?.includes(optionId) ? { kind: 'missed', text: t('check.missed') } : null;
  };
  return (
    <ChoiceGroup
      kind="checkbox"
      {...choiceQuestionProps(props)}
      instruction={t('check.chooseAll')}
      onChange={onChange}
      items={textOptionItems(question.options, text, contentLang, result, (id) => chosenIds.includes(id), markFor)}
    />
  );
}
