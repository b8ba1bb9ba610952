/**
 * Matching, without drag and drop: for each item (left column) a native `<select>` labelled by
 * the item, listing the descriptions (right column) after an empty "Choose…". Works with a
 * keyboard, a touch screen, a switch or voice control, and at any width. Partial answers are
 * kept while answering; the machine counts the question as answered when every item has one.
 */
import { useTranslation } from 'react-i18next';
import { RichText } from '../../../blocks/RichText.tsx';
import { useContentLang, WithCourseText } from '../../view/contentLang.tsx';
import { Mark } from '../../view/Mark.tsx';
import { joinIds, type QuestionProps } from '../../view/questionProps.ts';

export function Matching({ question, text, answer, result, editable, onAnswer, idPrefix, describedBy }: QuestionProps<'matching'>) {
  const { t } = useTranslation();
  const instructionId = `${idPrefix}-instruction`;
  const contentLang = useContentLang();
  const pairs = answer?.pairs ?? {};
  const targetText = (targetId: string | undefined) => (targetId === undefined ? undefined : text.targets?.[targetId]?.text);
  const chosenText = (promptId: string) => targetText(pairs[promptId]);
  const expectedTarget = (promptId: string) =>
    result?.correctAnswer.type === 'matching' ? targetText(result.correctAnswer.pairs[promptId]) : undefined;
  const choose = (promptId: string, targetId: string) => {
    const next = { ...pairs };
    if (targetId === '') delete next[promptId];
    else next[promptId] = targetId;
    onAnswer({ type: 'matching', pairs: next });
  };
  return (
    <fieldset className="kc-fieldset" disabled={!editable} aria-describedby={joinIds(instructionId, describedBy)}>
      <legend className="kc-prompt" lang={contentLang}>
        <RichText as="span" html={text.promptHtml} />
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
                <RichText as="span" html={text.prompts?.[prompt.id]?.html ?? prompt.id} />
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
                    {targetText(target.id) ?? target.id}
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
              {pairCorrect === false && expectedTarget(prompt.id) !== undefined && (
                <Mark kind="missed">
                  <WithCourseText format={(answer) => t('check.expectedMatch', { answer })} text={expectedTarget(prompt.id)!} />
                </Mark>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
