/** Single choice on paper: lettered options to tick; the key names the right one. */
import { usePrintTranslation } from '../../../i18n/print.ts';
import { ChoiceForm, optionLabel, type PrintProps } from '../../view/print-kit.tsx';

export function SingleChoiceForm({ question, words, ui }: PrintProps<'single'>) {
  return <ChoiceForm options={question.options} words={words} ui={ui} instruction="printPage.chooseOne" />;
}

export function SingleChoiceKey({ question, words }: PrintProps<'single'>) {
  const { t } = usePrintTranslation();
  return <p>{t('printPage.answer', { answer: optionLabel(question.options, question.correctOptionId, words) })}</p>;
}
