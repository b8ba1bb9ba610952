/** Single choice: a radio group named by the prompt. "Choose one answer." */
import { useTranslation } from 'react-i18next';
import { RichText } from '../../RichText.tsx';
import { useContentLang } from '../contentLang.tsx';
import { ChoiceGroup } from '../ChoiceGroup.tsx';
import type { QuestionProps } from '../questionProps.ts';

export function SingleChoice({ question, answer, result, editable, onAnswer, idPrefix, describedBy }: QuestionProps<'single'>) {
  const { t } = useTranslation();
  const contentLang = useContentLang();
  const chosenId = answer?.optionId;
  return (
    <ChoiceGroup
      kind="radio"
      idPrefix={idPrefix}
      promptHtml={question.promptHtml}
      instruction={t('check.chooseOne')}
      editable={editable}
      describedBy={describedBy}
      onChange={(optionId) => onAnswer({ type: 'single', optionId })}
      items={question.options.map((option) => {
        const chosen = option.id === chosenId;
        return {
          id: option.id,
          label: <RichText as="span" html={option.html} />,
          checked: chosen,
          lang: contentLang,
          // With one choice, the chosen option is right exactly when the answer is.
          mark:
            result && chosen
              ? result.correct
                ? { kind: 'correct', text: t('check.chosenCorrect') }
                : { kind: 'incorrect', text: t('check.chosenIncorrect') }
              : null,
          feedbackHtml: result?.optionFeedback.find((f) => f.optionId === option.id)?.html ?? null,
        };
      })}
    />
  );
}
