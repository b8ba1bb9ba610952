/** Yes/no on paper: two boxes; the key says which. */
import { usePrintTranslation } from '../../../i18n/print.ts';
import { Box, Instruction, type PrintProps } from '../../view/print-kit.tsx';

export function YesNoForm({ ui }: PrintProps<'yesno'>) {
  const { t } = usePrintTranslation();
  return (
    <>
      <Instruction ui={ui} text="printPage.yesNo" />
      <ul className="ws-options ws-options--inline" lang={ui}>
        <li>
          <Box /> {t('printPage.yes')}
        </li>
        <li>
          <Box /> {t('printPage.no')}
        </li>
      </ul>
    </>
  );
}

export function YesNoKey({ question }: PrintProps<'yesno'>) {
  const { t } = usePrintTranslation();
  return <p>{t('printPage.answer', { answer: t(question.correctAnswer === 'yes' ? 'printPage.yes' : 'printPage.no') })}</p>;
}
