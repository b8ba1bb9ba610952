/** Text entry at build time: its source schema and compile. */
import { z } from 'zod';
import { questionBase, text as plainText } from '../../../pipeline/schema-parts.ts';
import type { QuestionBuild } from '../../build/build-kit.ts';

const schema = z.strictObject({
  ...questionBase,
  type: z.literal('text').describe('Typed answer; case and extra spaces are ignored.'),
  accepted: z.array(plainText).min(1).describe('Every accepted answer.'),
});

export const text: QuestionBuild<'text', typeof schema> = {
  schema,
  fingerprint: (source) => [source.type, source.accepted],
  compile: (source, { base }) => ({ ...base, type: 'text', acceptedAnswers: source.accepted }),
};
