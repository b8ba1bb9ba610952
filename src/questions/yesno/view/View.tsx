/** Yes / no: two radios, Yes then No, in a group named by the prompt. */
import { useTranslation } from 'react-i18next';
import { ChoiceGroup, choiceQuestionProps, oneAnswerMark } from '../../view/ChoiceGroup.tsx';
import type { QuestionProps } from '../../view/questionProps.ts';

const VALUES = ['yes', 'no'] as const;

export function YesNo(props: QuestionProps<'yesno'>) {
  const { answer, result, onAnswer } = props;
  const { t } = useTranslation();
  return (
    <ChoiceGroup
      kind="radio"
      {...choiceQuestionProps(props)}
      instruction={t('check.chooseOne')}
      onChange={(value) => {
        if (value === 'yes' || value === 'no') onAnswer({ type: 'yesno', value });
      }}
      items={VALUES.map((value) => {
        const chosen = answer?.value === value;
        return {
          id: value,
          label: t(`check.${value}`),
          checked: chosen,
          lang: undefined,
          mark: oneAnswerMark(t, result, value, chosen),
          feedbackHtml: null,
        };
      })}
    />
  );
}
