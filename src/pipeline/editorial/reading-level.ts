/**
 * A lesson's reading grade (Flesch-Kincaid grade level, computed with the `flesch-kincaid` and
 * `syllable` packages on sentences and words found by `retext-english`). content:check prints it
 * per lesson, and warns when a lesson is above `maxReadingGrade` in course.json.
 */
import { fleschKincaid } from 'flesch-kincaid';
import type { Root as NlcstRoot } from 'nlcst';
import { toString as nlcstToString } from 'nlcst-to-string';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { syllable } from 'syllable';
import { visit } from 'unist-util-visit';

const english = unified().use(retextEnglish);

export interface ReadingLevel {
  grade: number;
  sentences: number;
  words: number;
}

/** Each piece is read as its own paragraph, so a list item without a full stop ends a sentence. */
export function readingLevel(pieces: string[]): ReadingLevel | undefined {
  let sentences = 0;
  let words = 0;
  let syllables = 0;
  for (const piece of pieces) {
    if (!piece.trim()) continue;
    const tree = english.parse(piece) as NlcstRoot;
    visit(tree, (node) => {
      if (node.type === 'SentenceNode') sentences++;
      if (node.type === 'WordNode') {
        const word = nlcstToString(node);
        if (!/\p{L}/u.test(word)) return;
        words++;
        syllables += Math.max(1, syllable(word));
      }
    });
  }
  if (!words || !sentences) return undefined;
  const grade = fleschKincaid({ sentence: sentences, word: words, syllable: syllables });
  return { grade: Math.round(grade * 10) / 10, sentences, words };
}
