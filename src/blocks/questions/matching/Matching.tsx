/**
 * Matching, without drag and drop: for each item (left column) a native `<select>` labelled by
 * the item, listing the descriptions (right column) after an empty "Choose…". Works with a
 * keyboard, a touch screen, a switch or voice control, and at any width. Partial answers are
 * kept while answering; the machine counts the question as answered when every item has one.
 */
import { useTranslation } from 'react-i18next';
import { RichText } from '../../RichText.tsx';
import { useContentLang } from '../contentLang.tsx';
import { Mark } from '../Mark.tsx';
import { joinIds, type QuestionProps } from '../questionProps.ts';

export function Matching({ question, answer, result, editable, onAnswer, idPrefix, describedBy }: QuestionProps<'matching'>) {
  const { t } = useTranslation();
  const instructionId = `${idPrefix}-instruction`;
  const contentLang = useContentLang();
  const pairs = answer?.pairs ?? {};
  const chosenText = (promptId: string) => question.targets.find((target) => target.id === pairs[promptId])?.text;
  const choose = (promptId: string, targetId: string) => {
    const next = { ...pairs };
    if (targetId === '') delete next[promptId];
    else next[promptId] = targetId;
    onAnswer({ type: 'matching', pairs: next });
  };
  return (
    <fieldset className="kc-fieldset" disabled={!editable} aria-describedby={joinIds(instructionId, describedBy)}>
      <legend className="kc-prompt" lang={contentLang}>
        <RichText as="span" html={question.promptHtml} />
      </legend>
      <p className="kc-instruction" id={instructionId}>
        {t('check.matchInstruction')}
      </p>
      <div className="kc-matches">
        {question.prompts.map((prompt) => {
          const selectId = `${idPrefix}-${prompt.id}`;
          const pairCorrect = result?.pairCorrect?.[prompt.id];
          return (
            <div className="kc-match" key={prompt.id}>
              <label className="kc-match__item" htmlFor={selectId} lang={contentLang}>
                <RichText as="span" html={prompt.html} />
              </label>
              <select
                id={selectId}
                className="kc-match__select"
                value={pairs[prompt.id] ?? ''}
                onChange={(event) => choose(prompt.id, event.currentTarget.value)}
              >
                <option value="">{t('check.matchPlaceholder')}</option>
                {/* <option> holds text only: the pipeline gives each target a plain-text form. */}
                {question.targets.map((target) => (
                  <option key={target.id} value={target.id} lang={contentLang}>
                    {target.text}
                  </option>
                ))}
              </select>
              {result && chosenText(prompt.id) !== undefined && (
                // A closed select cuts long text on a narrow screen, and a disabled one cannot be
                // opened: show the learner's choice in full (screen readers read the select).
                <p className="kc-match__answer" aria-hidden="true" lang={contentLang}>
                  {chosenText(prompt.id)}
                </p>
              )}
              {pairCorrect !== undefined && (
                <Mark kind={pairCorrect ? 'correct' : 'incorrect'}>
                  {t(pairCorrect ? 'check.matchCorrect' : 'check.matchIncorrect')}
                </Mark>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
