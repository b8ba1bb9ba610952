/** Text entry on paper: lines to write on; the key gives the first accepted answer and the others. */
import { usePrintTranslation } from '../../../i18n/print.ts';
import { Instruction, type PrintProps } from '../../view/print-kit.tsx';

export function TextEntryForm({ ui }: PrintProps<'text'>) {
  return (
    <>
      <Instruction ui={ui} text="printPage.writeAnswer" />
      <div className="ws-lines" aria-hidden="true">
        <span className="ws-line" />
        <span className="ws-line" />
      </div>
    </>
  );
}

export function TextEntryKey({ question }: PrintProps<'text'>) {
  const { t } = usePrintTranslation();
  return (
    <>
      <p>{t('printPage.answer', { answer: question.acceptedAnswers[0] ?? '' })}</p>
      {question.acceptedAnswers.length > 1 && <p>{t('printPage.accepted', { answers: question.acceptedAnswers.slice(1).join(', ') })}</p>}
    </>
  );
}
