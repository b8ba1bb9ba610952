/** Matching in suspend data (`x<prompt>*<target>+…`), SCORM and xAPI. */
import { dict, escapeText, plusList, unescapeText } from '../codec.ts';
import { longest, type QuestionLms } from '../kit.ts';
import { charMap, shortIdMap } from '../scorm.ts';
import type { MatchingAnswer, MatchingQuestion } from './model.ts';

/** The pairs of a matching answer whose prompt and target the question has, in its prompts' order. */
function matchedPairs(question: MatchingQuestion, pairs: Record<string, string>): Array<[string, string]> {
  const targets = new Set(question.targets.map((t) => t.id));
  return question.prompts.flatMap((p): Array<[string, string]> => {
    const target = Object.hasOwn(pairs, p.id) ? pairs[p.id] : undefined;
    return target !== undefined && targets.has(target) ? [[p.id, target]] : [];
  });
}

/** Pairs as `prompt<pair>target` joined by `<list>`, each side named through its map. */
function pairPattern(question: MatchingQuestion, map: (ids: string[]) => Map<string, string>, pair: string, list: string) {
  const prompts = map(question.prompts.map((p) => p.id));
  const targets = map(question.targets.map((t) => t.id));
  return (pairs: Record<string, string>) =>
    matchedPairs(question, pairs)
      .map(([p, t]) => `${prompts.get(p)!}${pair}${targets.get(t)!}`)
      .join(list);
}

export const matchingLms: QuestionLms<MatchingQuestion, MatchingAnswer> = {
  codec: {
    kinds: ['x'],
    encode: (answer) =>
      `x${Object.entries(answer.pairs)
        .map(([prompt, target]) => `${escapeText(prompt)}*${escapeText(target)}`)
        .join('+')}`,
    textLength: () => 0,
    decode(text) {
      const pairs = dict<string>();
      for (const pair of plusList(text.slice(1))) {
        const [prompt, target, extra] = pair.split('*');
        if (prompt === undefined || target === undefined || extra !== undefined) throw new Error('bad matching pair');
        pairs[unescapeText(prompt)] = unescapeText(target);
      }
      return { type: 'matching', pairs };
    },
  },
  scorm12(question, answer) {
    const pairs = pairPattern(question, charMap, '.', ',');
    return { type: 'matching', response: answer ? pairs(answer.pairs) : '', correct: [pairs(question.correctPairs)] };
  },
  scorm2004(question, answer) {
    const pairs = pairPattern(question, shortIdMap, '[.]', '[,]');
    const response = answer ? pairs(answer.pairs) : '';
    return { type: 'matching', response: response === '' ? null : response, correct: [pairs(question.correctPairs)] };
  },
  xapiDefinition: (question) => ({
    interactionType: 'matching',
    lists: { source: { refs: question.prompts, words: 'prompts' }, target: { refs: question.targets, words: 'targets' } },
    correctResponsesPattern: [question.prompts.map((p) => `${p.id}[.]${question.correctPairs[p.id] ?? ''}`).join('[,]')],
  }),
  xapiResponse: (answer) =>
    Object.entries(answer.pairs)
      .map(([prompt, target]) => `${prompt}[.]${target}`)
      .join('[,]'),
  worstAnswer(question) {
    const target = longest(question.targets.map((t) => t.id));
    return { type: 'matching', pairs: Object.fromEntries(question.prompts.map((p) => [p.id, target])) };
  },
};
