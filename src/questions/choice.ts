/**
 * What single choice and multiple response share: options in the question's order, and their
 * SCORM and xAPI forms (a choice interaction either way).
 */
import type { ChoiceRef, ScormPatterns, XapiDefinition } from './kit.ts';
import { charMap, shortIdMap } from './scorm.ts';

/** `ids` once each, in the options' order (unknown ids left out). */
function inOrder(options: ChoiceRef[], ids: readonly string[]): string[] {
  return options.map((o) => o.id).filter((id) => ids.includes(id));
}

/** A choice interaction in SCORM 1.2: single characters joined by `,`. */
export function choiceScorm12(options: ChoiceRef[], chosen: readonly string[], correct: readonly string[]): ScormPatterns {
  const chars = charMap(options.map((o) => o.id));
  const list = (ids: string[]) => ids.map((id) => chars.get(id)!).join(',');
  return { type: 'choice', response: list(inOrder(options, chosen)), correct: [list(inOrder(options, correct))] };
}

/** A choice interaction in SCORM 2004: Moodle-safe short identifiers joined by `[,]`; no response when none is chosen. */
export function choiceScorm2004(options: ChoiceRef[], chosen: readonly string[], correct: readonly string[]): ScormPatterns {
  const ids = shortIdMap(options.map((o) => o.id));
  const list = (chosenIds: string[]) => chosenIds.map((id) => ids.get(id)!).join('[,]');
  const response = list(inOrder(options, chosen));
  return { type: 'choice', response: response === '' ? null : response, correct: [list(inOrder(options, correct))] };
}

/** A choice interaction in xAPI, its options listed as `choices`. */
export function choiceXapi(options: ChoiceRef[], correctPattern: string): XapiDefinition {
  return { interactionType: 'choice', lists: { choices: { refs: options, words: 'options' } }, correctResponsesPattern: [correctPattern] };
}
