/**
 * Pieces of the source schemas (source-schema.ts) that the question types' own schemas
 * (src/questions/<type>/schema.ts) use too. Build time only.
 */
import { z } from 'zod';

export const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single dashes, e.g. "what-is-peer-support"');

export const text = z.string().trim().min(1, 'must not be empty');

/** A JSON Schema editor's note; ignored by the player. */
export const comment = z.string().optional().describe('A note for editors; ignored by the player.');

/**
 * Silences editorial warnings for the object it sits in (a question, a resource, a glossary entry):
 * rule name → the reason it does not apply here. Errors cannot be silenced.
 */
export const ignore = z
  .record(
    z.string().regex(/^[a-z]+(?:-[a-z]+)*$/, 'use the rule name shown in brackets by content:check, e.g. "inclusive-language"'),
    text.describe('Why the warning does not apply here.'),
  )
  .optional()
  .describe('Editorial warnings silenced here: { "rule-name": "the reason" }. Errors cannot be silenced.');

// ------------------------------------------------------------------ checks

export const inline = text.describe('Plain text or inline Markdown; never HTML.');

export const feedback = z
  .strictObject({
    correct: inline.describe('Shown when the answer is right: say why.'),
    incorrect: inline.describe('Shown when the answer is wrong: say what to look at again.'),
  })
  .describe('Feedback explaining the answer.');

export const option = z.strictObject({
  id: id.describe('Option id, e.g. "a".'),
  text: inline,
  feedback: inline.optional().describe('Why this option is right or wrong.'),
});

export const questionBase = {
  $comment: comment,
  $ignore: ignore,
  id: id.describe('Question id, unique within the check, e.g. "q1".'),
  prompt: inline.describe('The question.'),
  feedback,
  review: id.describe('Id of the lesson that teaches this; linked as "review lesson N".'),
};
