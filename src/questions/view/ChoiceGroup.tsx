/**
 * The shared markup of the choice questions (single choice, multiple response, yes/no): a
 * `<fieldset>` whose `<legend>` holds the prompt, an instruction, and one native radio or
 * checkbox per option inside its `<label>`, so the whole row (≥ 44 px high) is the touch target
 * and the browser gives the keyboard behaviour (Tab into the group, arrows between radios,
 * Space to toggle a checkbox).
 *
 * Once the check is submitted the fieldset is disabled: the learner's choices stay checked,
 * each chosen or missed option gets a {@link Mark}, and option feedback sits under its option.
 */
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { ChoiceText, Html, QuestionText } from '../../content/types.ts';
import type { QuestionResult } from '../../course/scoring.ts';
import { RichText } from '../../blocks/RichText.tsx';
import { useContentLang } from './contentLang.tsx';
import { Mark, type MarkKind } from './Mark.tsx';
import { joinIds, type QuestionProps } from './questionProps.ts';

export interface ChoiceItem {
  id: string;
  label: ReactNode;
  checked: boolean;
  /** `lang` of the label when it is course text in another language than the interface. */
  lang: string | undefined;
  /** Shown after submission: how this option counts. */
  mark: { kind: MarkKind; text: string } | null;
  /** Feedback written for this option, shown after submission when the learner chose it. */
  feedbackHtml: Html | null;
}

/**
 * The mark of one option of a one-answer question (single choice, yes/no): the chosen option is
 * marked right or wrong and, after a wrong answer, the right option is marked as the answer.
 */
export function oneAnswerMark(
  t: TFunction,
  result: QuestionResult | null,
  optionId: string,
  chosen: boolean,
): ChoiceItem['mark'] {
  if (!result) return null;
  if (chosen) return result.correct ? { kind: 'correct', text: t('check.chosenCorrect') } : { kind: 'incorrect', text: t('check.chosenIncorrect') };
  const { correctAnswer } = result;
  const isAnswer =
    (correctAnswer.type === 'single' && correctAnswer.optionId === optionId) ||
    (correctAnswer.type === 'yesno' && correctAnswer.value === optionId);
  return !result.correct && isAnswer ? { kind: 'missed', text: t('check.correctOption') } : null;
}

/** The option's own feedback, shown after submission when the learner chose it. */
function optionFeedback(result: QuestionResult | null, optionId: string, words: ChoiceText | undefined): Html | null {
  if (!result || !result.chosenOptionIds.includes(optionId)) return null;
  return words?.feedbackHtml ?? null;
}

/** The ChoiceGroup props every choice question passes on as it got them. */
export function choiceQuestionProps({
  text,
  editable,
  idPrefix,
  describedBy,
}: Pick<QuestionProps<'single'>, 'text' | 'editable' | 'idPrefix' | 'describedBy'>) {
  return { idPrefix, promptHtml: text.promptHtml, editable, describedBy };
}

/** One item per option whose words are course text (single choice, multiple response). */
export function textOptionItems(
  options: readonly { id: string }[],
  text: QuestionText,
  lang: string | undefined,
  result: QuestionResult | null,
  isChosen: (optionId: string) => boolean,
  markFor: (optionId: string, chosen: boolean) => ChoiceItem['mark'],
): ChoiceItem[] {
  return options.map(({ id }) => {
    const chosen = isChosen(id);
    const words = text.options?.[id];
    return {
      id,
      label: <RichText as="span" html={words?.html ?? id} />,
      checked: chosen,
      lang,
      mark: markFor(id, chosen),
      feedbackHtml: optionFeedback(result, id, words),
    };
  });
}

export interface ChoiceGroupProps {
  kind: 'radio' | 'checkbox';
  idPrefix: string;
  promptHtml: Html;
  instruction: string;
  items: ChoiceItem[];
  editable: boolean;
  describedBy: string | undefined;
  onChange: (optionId: string, checked: boolean) => void;
}

export function ChoiceGroup({
  kind,
  idPrefix,
  promptHtml,
  instruction,
  items,
  editable,
  describedBy,
  onChange,
}: ChoiceGroupProps) {
  const instructionId = `${idPrefix}-instruction`;
  const contentLang = useContentLang();
  return (
    <fieldset className="kc-fieldset" disabled={!editable} aria-describedby={joinIds(instructionId, describedBy)}>
      <legend className="kc-prompt" lang={contentLang}>
        <RichText as="span" html={promptHtml} />
      </legend>
      <p className="kc-instruction" id={instructionId}>
        {instruction}
      </p>
      <div className="kc-options">
        {items.map((item) => (
          <div className="kc-option" key={item.id}>
            <label className="kc-option__label">
              <input
                type={kind}
                name={idPrefix}
                value={item.id}
                checked={item.checked}
                onChange={(event) => onChange(item.id, event.currentTarget.checked)}
              />
              <span className="kc-option__text" lang={item.lang}>
                {item.label}
              </span>
            </label>
            {item.mark && <Mark kind={item.mark.kind}>{item.mark.text}</Mark>}
            {item.feedbackHtml !== null && (
              <div className="kc-option-feedback" lang={contentLang}>
                <RichText html={item.feedbackHtml} />
              </div>
            )}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
