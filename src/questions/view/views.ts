/**
 * The registry of the question types' screen views, keyed like the models' registry (models.ts):
 * a type missing here does not compile. Loaded with the knowledge check's chunk, never the first
 * lesson's.
 */
import type { ComponentType } from 'react';
import { Matching } from '../matching/view/View.tsx';
import type { QuestionType } from '../models.ts';
import { MultipleResponse } from '../multiple/view/View.tsx';
import { SingleChoice } from '../single/view/View.tsx';
import { TextEntry } from '../text/view/View.tsx';
import type { QuestionProps } from './questionProps.ts';
import { YesNo } from '../yesno/view/View.tsx';

export const questionViews = {
  single: SingleChoice,
  multiple: MultipleResponse,
  yesno: YesNo,
  text: TextEntry,
  matching: Matching,
} satisfies { [T in QuestionType]: ComponentType<QuestionProps<T>> };

/** The view of a question's type, typed for any question (the one cast, as in models.ts). */
export function viewOf(type: QuestionType): ComponentType<QuestionProps<QuestionType>> {
  return questionViews[type] as ComponentType<QuestionProps<QuestionType>>;
}
