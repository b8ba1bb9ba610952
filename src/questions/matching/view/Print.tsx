/** Matching on paper: numbered items with blanks, lettered descriptions; the key pairs them. */
import { RichText } from '../../../blocks/RichText.tsx';
import { usePrintTranslation } from '../../../i18n/print.ts';
import { letter, type PrintProps } from '../../view/print-kit.tsx';

export function MatchingForm({ question, words, ui }: PrintProps<'matching'>) {
  const { t } = usePrintTranslation();
  return (
    <>
      <p className="ws-instruction" lang={ui}>
        {t('printPage.matchInstruction')}
      </p>
      <div className="ws-match">
        <div>
          <p className="ws-column-title" lang={ui}>
            {t('printPage.items')}
          </p>
          <ol className="ws-match-list">
            {question.prompts.map((prompt, index) => (
              <li key={prompt.id}>
                <span className="ws-blank" aria-hidden="true" />
                <span className="ws-letter">{index + 1}.</span>{' '}
                <RichText as="span" html={words.prompts?.[prompt.id]?.html ?? ''} />
              </li>
            ))}
          </ol>
        </div>
        <div>
          <p className="ws-column-title" lang={ui}>
            {t('printPage.descriptions')}
          </p>
          <ol className="ws-match-list">
            {question.targets.map((target, index) => (
              <li key={target.id}>
                <span className="ws-letter">{letter(index)}.</span>{' '}
                <RichText as="span" html={words.targets?.[target.id]?.html ?? ''} />
              </li>
            ))}
          </ol>
        </div>
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
