/**
 * The registry of the question types' printed forms (the worksheet's question and its answer
 * key), keyed like the models' registry (models.ts): a type missing here does not compile.
 * Loaded with the print edition only.
 */
import type { ComponentType } from 'react';
import { MatchingForm, MatchingKey } from '../matching/view/Print.tsx';
import type { QuestionType } from '../models.ts';
import { MultipleResponseForm, MultipleResponseKey } from '../multiple/view/Print.tsx';
import { SingleChoiceForm, SingleChoiceKey } from '../single/view/Print.tsx';
import { TextEntryForm, TextEntryKey } from '../text/view/Print.tsx';
import type { PrintProps } from './print-kit.tsx';
import { YesNoForm, YesNoKey } from '../yesno/view/Print.tsx';

interface PrintedQuestion<T extends QuestionType> {
  /** The question on the worksheet, under its prompt: boxes, lines or blanks. */
  Form: ComponentType<PrintProps<T>>;
  /** Its part of the answer key. */
  Key: ComponentType<PrintProps<T>>;
}

const printedQuestions = {
  single: { Form: SingleChoiceForm, Key: SingleChoiceKey },
  multiple: { Form: MultipleResponseForm, Key: MultipleResponseKey },
  yesno: { Form: YesNoForm, Key: YesNoKey },
  text: { Form: TextEntryForm, Key: TextEntryKey },
  matching: { Form: MatchingForm, Key: MatchingKey },
} satisfies { [T in QuestionType]: PrintedQuestion<T> };

/** The printed form of a question's type, typed for any question (the one cast, as in models.ts). */
export function printedQuestionOf(type: QuestionType): PrintedQuestion<QuestionType> {
  return printedQuestions[type] as unknown as PrintedQuestion<QuestionType>;
}
