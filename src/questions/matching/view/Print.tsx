/** Matching on paper: numbered items with blanks, lettered descriptions; the key pairs them. */
import { RichText } from '../../../blocks/RichText.tsx';
import { usePrintTranslation } from '../../../i18n/print.ts';
import type { ChoiceRef, ChoiceText } from '../../../content/types.ts';
import { Instruction, letter, type PrintProps } from '../../view/print-kit.tsx';

/** One column: its title, then each item with its number (items) or letter (descriptions). */
function Column({ title, refs, words, ui, items }: { title: 'printPage.items' | 'printPage.descriptions'; refs: ChoiceRef[]; words: Record<string, ChoiceText> | undefined; ui?: string | undefined; items: boolean }) {
  const { t } = usePrintTranslation();
  return (
    <div>
      <p className="ws-column-title" lang={ui}>
        {t(title)}
      </p>
      <ol className="ws-match-list">
        {refs.map((ref, index) => (
          <li key={ref.id}>
            {items && <span className="ws-blank" aria-hidden="true" />}
            <span className="ws-letter">{items ? index + 1 : letter(index)}.</span>{' '}
            <RichText as="span" html={words?.[ref.id]?.html ?? ''} />
          </li>
        ))}
      </ol>
    </div>
  );
}

export function MatchingForm({ question, words, ui }: PrintProps<'matching'>) {
  return (
    <>
      <Instruction ui={ui} text="printPage.matchInstruction" />
      <div className="ws-match">
        <Column title="printPage.items" refs={question.prompts} words={words.prompts} ui={ui} items />
        <Column title="printPage.descriptions" refs={question.targets} words={words.targets} ui={ui} items={false} />
      </div>
    </>
  );
}

export function MatchingKey({ question, words }: PrintProps<'matching'>) {
  return (
    <ul>
      {question.prompts.map((prompt, index) => {
        const targetId = question.correctPairs[prompt.id] ?? '';
        const targetIndex = question.targets.findIndex((target) => target.id === targetId);
        return (
          <li key={prompt.id}>
            {index + 1}. {words.prompts?.[prompt.id]?.text ?? prompt.id} → {letter(targetIndex)}. {words.targets?.[targetId]?.text ?? targetId}
          </li>
        );
      })}
    </ul>
  );
}
