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

export function equalityFindings(pieces: { text: string; line: number; column: number }[]): Finding[] {
  const findings: Finding[] = [];
  for (const piece of pieces) {
    const file = new VFile(piece.text);
    const tree = english.parse(piece.text) as NlcstRoot;
    processor.runSync(tree, file);
    for (const message of file.messages) {
      const line = message.line ?? 1;
      findings.push({
        line: piece.line + line - 1,
        column: line === 1 ? piece.column + (message.column ?? 1) - 1 : (message.column ?? 1),
        message: `${message.reason.replace(/^Unexpected potentially insensitive use of /, 'possibly insensitive: ').replace('in somes cases', 'in some cases')} (retext-equality ${message.ruleId ?? ''}); reword, or silence it with the reason it is right here`,
      });
    }
  }
  return findings;
}
