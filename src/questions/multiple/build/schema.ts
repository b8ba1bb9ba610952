/** Multiple response at build time: its source schema and compile. */
import { z } from 'zod';
import { id, option, questionBase } from '../../../pipeline/schema-parts.ts';
import { notAnOption, type QuestionBuild } from '../../build/build-kit.ts';

const schema = z.strictObject({
  ...questionBase,
  type: z.literal('multiple').describe('Choose all that apply.'),
  options: z.array(option).min(2),
  correct: z.array(id).min(1).describe('The ids of every correct option.'),
});

export const multiple: QuestionBuild<'multiple', typeof schema> = {
  schema,
  fingerprint: (source) => [source.type, source.options.map((o) => o.id), source.correct],
  compile(source, { base, report, uniqueIds, choices }) {
    const ids = uniqueIds(source.options, 'options');
    source.correct.forEach((id, i) => {
      if (!ids.has(id)) report(['correct', i], 'answer-not-an-option', notAnOption(id, ids));
    });
    return { ...base, type: 'multiple', options: choices(source.options, 'options'), correctOptionIds: source.correct };
  },
};
