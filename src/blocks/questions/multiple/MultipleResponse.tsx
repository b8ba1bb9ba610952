/** Multiple response: checkboxes in a fieldset named by the prompt. "Choose all that apply." */
import { useTranslation } from 'react-i18next';
import { RichText } from '../../RichText.tsx';
import { useContentLang } from '../contentLang.tsx';
import { ChoiceGroup, optionFeedback, type ChoiceItem } from '../ChoiceGroup.tsx';
import type { QuestionProps } from '../questionProps.ts';

export function MultipleResponse({
  question,
  text,
  answer,
  result,
  editable,
  onAnswer,
  idPrefix,
  describedBy,
}: QuestionProps<'multiple'>) {
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
      idPrefix={idPrefix}
      promptHtml={text.promptHtml}
      instruction={t('check.chooseAll')}
      editable={editable}
      describedBy={describedBy}
      onChange={onChange}
      items={question.options.map(({ id }) => {
        const chosen = chosenIds.includes(id);
        const words = text.options?.[id];
        return {
          id,
          label: <RichText as="span" html={words?.html ?? id} />,
          checked: chosen,
          lang: contentLang,
          mark: markFor(id, chosen),
          feedbackHtml: optionFeedback(result, id, words),
        };
      })}
    />
  );
}
