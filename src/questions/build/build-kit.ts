/**
 * What every question module's build-time part (`<type>/schema.ts`) provides: its source schema,
 * what decides its answer (the fingerprint), and its compile. Build time only (zod, pipeline).
 */
import type { z } from 'zod';
import type { Rule } from '../../pipeline/problems.ts';
import type { ChoiceRef } from '../kit.ts';
import type { QuestionOf, QuestionType } from '../models.ts';

/** The choice lists whose words go to the question's text (`QuestionText`), by key. */
export type ChoiceListKey = 'options' | 'prompts' | 'targets';

/** What the pipeline gives a type's compile for one question. */
export interface CompileKit {
  /** The fields every compiled question has (id, fingerprint, review lesson). */
  base: { id: string; fingerprint: string; reviewLessonId: string };
  /** Reports a problem at a JSON path inside the question (`['correct', 0]`), at its file:line. */
  report(path: (string | number)[], rule: Rule, message: string): void;
  /** Reports ids used twice in a list; returns the ids. */
  uniqueIds(items: { id: string }[], key: ChoiceListKey): Set<string>;
  /** Compiles a list's words into the question's text and returns its ids, in order. */
  choices(list: { id: string; text: string; feedback?: string | undefined }[], key: ChoiceListKey): ChoiceRef[];
}

export interface QuestionBuild<T extends QuestionType, S extends z.ZodType<{ type: T }>> {
  /** The source schema of one question of this type, with `type: z.literal(T)`. */
  schema: S;
  /** What decides the answer, type first: when it changes, learners' saved answers to the question are dropped. */
  fingerprint(source: z.infer<S>): unknown[];
  /** The compiled question; problems go through `kit.report`. */
  compile(source: z.infer<S>, kit: CompileKit): QuestionOf<T>;
}

/** The message for an answer id that is not one of a list's ids. */
export const notAnOption = (id: string, ids: Set<string>) => `the correct answer "${id}" is not one of the options (${[...ids].join(', ')})`;
