/**
 * What the question types' printed forms (`<type>/Print.tsx`) share: the props, lettered choices
 * (A, B, C… in the order the online check shows them, so the key and the worksheet use the same
 * letters) and boxes to tick.
 */
import { RichText } from '../../blocks/RichText.tsx';
import type { ChoiceRef, QuestionText } from '../../content/types.ts';
import { usePrintTranslation } from '../../i18n/print.ts';
import type { QuestionOf, QuestionType } from '../models.ts';

export interface PrintProps<T extends QuestionType> {
  question: QuestionOf<T>;
  words: QuestionText;
  /** The interface language, on the interface's own words, when it differs from the content's. */
  ui?: string | undefined;
}

export const letter = (index: number) => String.fromCharCode(65 + index);

/** A box to tick (drawn by CSS). */
export function Box() {
  return <span className="ws-box" aria-hidden="true" />;
}

type PrintKey = Parameters<ReturnType<typeof usePrintTranslation>['t']>[0];

/** The line that says how to answer, in the interface language. */
export function Instruction({ ui, text }: { ui?: string | undefined; text: PrintKey }) {
  const { t } = usePrintTranslation();
  return (
    <p className="ws-instruction" lang={ui}>
      {t(text)}
    </p>
  );
}

/** Options with a box and a letter each, after the instruction. */
export function ChoiceForm({ options, words, ui, instruction }: { options: ChoiceRef[]; words: QuestionText; ui?: string | undefined; instruction: PrintKey }) {
  return (
    <>
      <Instruction ui={ui} text={instruction} />
      <ul className="ws-options">
        {options.map((option, index) => (
          <li key={option.id}>
            <Box />
            <span className="ws-letter">{letter(index)}.</span>{' '}
            <RichText as="span" html={words.options?.[option.id]?.html ?? ''} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** An option as the key names it: its letter and its words. */
export function optionLabel(options: ChoiceRef[], id: string, words: QuestionText): string {
  return `${letter(options.findIndex((o) => o.id === id))}. ${words.options?.[id]?.text ?? id}`;
}
