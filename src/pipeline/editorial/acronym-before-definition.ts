/**
 * An acronym must be in the glossary, or spelled out in the lesson where it is first used, as in
 * "Wellness Recovery Action Plan (WRAP)". The course itself asks for this: "clearly defining all
 * acronyms … in a glossary" (lesson 23).
 */
import type { GlossaryIndex } from '../glossary.ts';
import type { Finding, LessonRule, TextPiece } from './types.ts';

const ACRONYM = /(?<![\p{L}\p{N}.])([A-Z][A-Z0-9&]*[A-Z0-9]\+?)(s)?(?![\p{L}\p{N}])/gu;

/** Ordinary words the course sets in capitals ("IN ACTION:", "Opioid user OR Addict"). */
const WORDS_IN_CAPITALS = new Set(
  'A AN AND ARE AS AT BE BY FOR FROM IN IS IT NO NOT OF ON OR OK SO THE TO WE YES YOU ACTION EXAMPLE GOAL NOTE ROLE PROMISE SOLUTIONS SOLUTION BARRIER IMPORTANT'.split(' '),
);
const ROMAN_NUMERAL = /^[IVXLC]+$/;

export interface AcronymUse {
  acronym: string;
  written: string;
  index: number;
}

export function acronymUses(text: string): AcronymUse[] {
  const uses: AcronymUse[] = [];
  for (const match of text.matchAll(ACRONYM)) {
    const acronym = match[1]!;
    if (WORDS_IN_CAPITALS.has(acronym) || ROMAN_NUMERAL.test(acronym)) continue;
    uses.push({ acronym, written: match[0], index: match.index });
  }
  return uses;
}

/** "Expansion (ACR)" or "ACR (expansion)": the acronym is spelled out right here. */
function spelledOutHere(text: string, use: AcronymUse): boolean {
  const before = text.slice(0, use.index);
  const after = text.slice(use.index + use.written.length);
  if (/[\p{L}][\p{L}\s,'’-]+\($/u.test(before) && after.startsWith(')')) return true;
  return /^\s*\((?![A-Z0-9+]+s?\))[^)]{4,}\)/.test(after);
}

/**
 * Acronyms in `pieces` that are neither in the glossary nor spelled out before (or at) their first
 * use, one finding per acronym.
 */
export function undefinedAcronyms(pieces: { text: string; line: number; column: number }[], glossary: GlossaryIndex): Finding[] {
  const defined = new Set<string>();
  const reported = new Set<string>();
  const findings: Finding[] = [];
  for (const piece of pieces) {
    for (const use of acronymUses(piece.text)) {
      const known = glossary.acronyms.has(use.acronym) || glossary.acronyms.has(use.written) || defined.has(use.acronym);
      if (known) continue;
      if (spelledOutHere(piece.text, use)) {
        defined.add(use.acronym);
        continue;
      }
      if (reported.has(use.acronym)) continue;
      reported.add(use.acronym);
      findings.push({
        line: piece.line,
        column: piece.column,
        message: `the acronym "${use.acronym}" is used before it is defined; add it to glossary.json (with the lesson that explains it), or spell it out at its first use, e.g. "Full Name (${use.acronym})"`,
      });
    }
  }
  return findings;
}

export const acronymBeforeDefinition: LessonRule = {
  rule: 'acronym-before-definition',
  severity: 'warning',
  description: 'an acronym is used before it is spelled out in the lesson, and is not in the glossary',
  check({ pieces, glossary }) {
    return undefinedAcronyms(pieces as TextPiece[], glossary);
  },
};
