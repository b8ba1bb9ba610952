/**
 * The glossary the print edition shows, read from the compiled course. Until the course data has
 * a glossary (the editors' issue adds one) this finds none and the edition has no glossary
 * section. Expected shape: `course.glossary.terms`, in the order to print.
 */
import type { CompiledCourse, Html } from '../../content/types.ts';

export interface PrintGlossaryTerm {
  term: string;
  /** Plain text; `definitionHtml` is used instead when present. */
  definition: string;
  definitionHtml?: Html;
  /** The lesson that explains the term. */
  lessonId?: string;
}

export function glossaryTerms(course: CompiledCourse): PrintGlossaryTerm[] {
  const glossary = (course as CompiledCourse & { glossary?: { terms?: unknown } }).glossary;
  const terms = glossary?.terms;
  return Array.isArray(terms) ? (terms as PrintGlossaryTerm[]).filter((t) => typeof t?.term === 'string') : [];
}
