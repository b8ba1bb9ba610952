/**
 * A question's "review" link should go to the lesson its feedback quotes: when the words in
 * “curly quotes” in its feedback are found in another lesson and not in the review lesson, the
 * learner is sent to the wrong place.
 */
import type { QuestionSource } from '../source-schema.ts';
import { inlineMarkdownToText } from '../markdown.ts';

const QUOTED = /“([^”]+)”/g;

const normal = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/[.,;:!?]+$/, '')
    .trim();

export function reviewNotQuoted(
  question: QuestionSource,
  lessons: Map<string, { textPieces: string[] }>,
  at: { line: number; column: number },
): { line: number; column: number; message: string } | undefined {
  const feedback = [
    question.feedback.correct,
    question.feedback.incorrect,
    ...('options' in question ? question.options.map((option) => option.feedback ?? '') : []),
  ].map(inlineMarkdownToText);
  const texts = new Map([...lessons].map(([id, lesson]) => [id, normal(lesson.textPieces.join(' '))]));
  const review = texts.get(question.review);
  if (review === undefined) return undefined;
  for (const text of feedback) {
    for (const match of text.matchAll(QUOTED)) {
      const quote = normal(match[1]!);
      if (quote.split(' ').length < 4 || review.includes(quote)) continue;
      const elsewhere = [...texts].find(([, lessonText]) => lessonText.includes(quote))?.[0];
      if (!elsewhere) continue;
      return {
        ...at,
        message: `the feedback quotes “${match[1]}” from lesson "${elsewhere}", but "review" sends the learner to "${question.review}"; set "review" to the lesson the feedback quotes`,
      };
    }
  }
  return undefined;
}
