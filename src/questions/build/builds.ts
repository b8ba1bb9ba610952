/**
 * The registry of the question types' build-time parts (source schema, fingerprint, compile),
 * keyed like the models' registry (models.ts): a type missing here does not compile. Build
 * time only: imported by src/pipeline, never by the player.
 */
import { z } from 'zod';
import type { QuestionBuild } from './build-kit.ts';
import { matching } from '../matching/build/schema.ts';
import type { QuestionType } from '../models.ts';
import { multiple } from '../multiple/build/schema.ts';
import { single } from '../single/build/schema.ts';
import { text } from '../text/build/schema.ts';
import { yesno } from '../yesno/build/schema.ts';

export const questionBuilds = { single, multiple, yesno, text, matching } satisfies {
  [T in QuestionType]: QuestionBuild<T, z.ZodType<{ type: T }>>;
};

type Builds = typeof questionBuilds;
type SourceSchema = Builds[QuestionType]['schema'];

/** One question of a check file, whatever its type (JSON Schema: one `anyOf` branch per type, in the registry's order). */
export const questionSchema = z.discriminatedUnion(
  'type',
  Object.values(questionBuilds).map((build) => build.schema) as [SourceSchema, ...SourceSchema[]],
);

export type QuestionSource = z.infer<typeof questionSchema>;

/** The build part of a question's type, typed for any question source (the one cast, as in models.ts). */
export function buildOf(source: QuestionSource): QuestionBuild<QuestionType, z.ZodType<QuestionSource>> {
  return questionBuilds[source.type] as unknown as QuestionBuild<QuestionType, z.ZodType<QuestionSource>>;
}
