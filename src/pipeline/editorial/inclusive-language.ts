/**
 * Insensitive or inconsiderate wording, found with `retext-equality` (a maintained word list of
 * the unified collective). Tuned for this course: words it flags where the course already uses
 * careful, person-first language are ignored below, each with its reason.
 */
import type { Root as NlcstRoot } from 'nlcst';
import retextEnglish from 'retext-english';
import retextEquality from 'retext-equality';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Finding } from './types.ts';

/** Word → why the course's use of it is fine. Passed to retext-equality's `ignore`. */
export const EQUALITY_IGNORES: Record<string, string> = {
  mental:
    'flagged as a slur ("nuts"), but the course always writes "mental health" or "mental health challenges" about a person, the person-first wording it teaches (lesson 20)',
  just: 'flagged as condescending; the course uses it as "only" ("not just the management team"), never to say something is easy',
  clearly: 'flagged as condescending; the course uses it for manner ("clearly defining all acronyms"), never to say something is obvious',
};

const english = unified().use(retextEnglish);
const processor = unified().use(retextEquality, { ignore: Object.keys(EQUALITY_IGNORES) });

/**
 * Findings for every piece, in one pass: the pieces are checked as one text, one paragraph each
 * (a pass per piece is many times slower), and each message is mapped back to its piece's place.
 */
export function equalityFindings(pieces: { text: string; line: number; column: number }[]): Finding[] {
  const starts: number[] = [];
  let line = 1;
  const texts = pieces.map((piece) => {
    // A blank line between pieces keeps them separate paragraphs.
    const text = piece.text.replace(/\n\s*\n/g, '\n');
    starts.push(line);
    line += text.split('\n').length + 1;
    return text;
  });
  const file = new VFile(texts.join('\n\n'));
  processor.runSync(english.parse(file) as NlcstRoot, file);
  const findings: Finding[] = [];
  for (const message of file.messages) {
    const at = message.line ?? 1;
    let index = starts.length - 1;
    while (index > 0 && starts[index]! > at) index--;
    const piece = pieces[index]!;
    const offset = at - starts[index]!;
    findings.push({
      line: piece.line + offset,
      column: offset === 0 ? piece.column + (message.column ?? 1) - 1 : (message.column ?? 1),
      message: `${message.reason.replace(/^Unexpected potentially insensitive use of /, 'possibly insensitive: ').replace('in somes cases', 'in some cases')} (retext-equality ${message.ruleId ?? ''}); reword, or silence it with the reason it is right here`,
    });
  }
  return findings;
}
