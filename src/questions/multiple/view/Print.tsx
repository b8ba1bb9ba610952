/** Multiple response on paper: lettered options to tick; the key lists the right ones. */
import { usePrintTranslation } from '../../../i18n/print.ts';
import { ChoiceForm, letter, optionLabel, type PrintProps } from '../../view/print-kit.tsx';

export function MultipleResponseForm({ question, words, ui }: PrintProps<'multiple'>) {
  return <ChoiceForm options={question.options} words={words} ui={ui} instruction="printPage.chooseAll" />;
}

export function MultipleResponseKey({ question, words }: PrintProps<'multiple'>) {
  const { t } = usePrintTranslation();
  return (
    <>
      <p>{t('printPage.answer', { answer: question.correctOptionIds.map((id) => letter(question.options.findIndex((o) => o.id === id))).join(', ') })}</p>
      <ul>
        {question.correctOptionIds.map((id) => (
          <li key={id}>{optionLabel(question.options, id, words)}</li>
        ))}
      </ul>
    </>
  );
}
