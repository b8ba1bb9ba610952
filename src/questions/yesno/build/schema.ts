/** Yes/no at build time: its source schema and compile. */
import { z } from 'zod';
import { questionBase } from '../../../pipeline/schema-parts.ts';
import type { QuestionBuild } from '../../build/build-kit.ts';

const schema = z.strictObject({
  ...questionBase,
  type: z.literal('yesno').describe('Answered yes or no.'),
  correct: z.enum(['yes', 'no']),
});

export const yesno: QuestionBuild<'yesno', typeof schema> = {
  schema,
  fingerprint: (source) => [source.type, source.correct],
  compile: (source, { base }) => ({ ...base, type: 'yesno', correctAnswer: source.correct }),
};
