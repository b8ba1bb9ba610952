/** Single choice at build time: its source schema and compile. */
import { z } from 'zod';
import { id, option, questionBase } from '../../../pipeline/schema-parts.ts';
import { notAnOption, type QuestionBuild } from '../../build/build-kit.ts';

const schema = z.strictObject({
  ...questionBase,
  type: z.literal('single').describe('One correct option.'),
  options: z.array(option).min(2),
  correct: id.describe('The id of the correct option.'),
});

export const single: QuestionBuild<'single', typeof schema> = {
  schema,
  fingerprint: (source) => [source.type, source.options.map((o) => o.id), source.correct],
  compile(source, { base, report, uniqueIds, choices }) {
    const ids = uniqueIds(source.options, 'options');
    if (!ids.has(source.correct)) report(['correct'], 'answer-not-an-option', notAnOption(source.correct, ids));
    return { ...base, type: 'single', options: choices(source.options, 'options'), correctOptionId: source.correct };
  },
};
