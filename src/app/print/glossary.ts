/**
 * The glossary as the print edition shows it: each entry's term (with what an acronym stands for)
 * and its definition, in the glossary's alphabetical order.
 */
import type { Glossary } from '../../content/types.ts';

export interface PrintGlossaryTerm {
  term: string;
  definition: string;
  /** The lesson that explains the term. */
  lessonId: string;
}

export function glossaryTerms(glossary: Glossary | null): PrintGlossaryTerm[] {
  return (glossary?.entries ?? []).map((entry) => ({
    term: entry.expansion ? `${entry.term} (${entry.expansion})` : entry.term,
    definition: entry.definition,
    lessonId: entry.lessonId,
  }));
}
