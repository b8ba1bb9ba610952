/**
 * content/<locale>/glossary.json → the glossary page's data, and the build-time rewrite of lesson
 * text: in each lesson, the first use of an acronym becomes `<abbr title="…">PSW</abbr> (peer
 * support worker)` linked to its glossary entry (just the `<abbr>` when the lesson spells it out
 * right there, as in "Wellness Recovery Action Plan (WRAP)"), and the first use of a defined term
 * links to its entry. Headings, links and footnotes are left as written.
 */
import type { Link, Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Glossary, GlossaryEntry } from '../content/types.ts';
import type { Problem } from './problems.ts';
import { glossarySchema, type GlossaryEntrySource } from './source-schema.ts';
import { jsonPosition, parseJsonFile } from './source-files.ts';

export interface GlossaryIndex {
  entries: (GlossaryEntry & { forms: string[] })[];
  /** Every way an acronym is written (term and forms), for the acronym rule. */
  acronyms: Set<string>;
  /** One regular expression over every form, longest first, with what each group stands for. */
  pattern: RegExp | undefined;
  alternatives: { entry: GlossaryEntry; expansion: boolean }[];
}

export const emptyGlossaryIndex: GlossaryIndex = { entries: [], acronyms: new Set(), pattern: undefined, alternatives: [] };

export function glossaryEntryId(term: string): string {
  return (
    term
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'term'
  );
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface ParsedGlossary {
  file: string;
  text: string;
  entries: GlossaryEntrySource[];
}

/** Parse and validate one glossary file (its lesson ids are checked later, see {@link checkGlossaryLessons}). */
export function parseGlossary(file: string, text: string, problems: Problem[]): ParsedGlossary | undefined {
  const parsed = parseJsonFile(file, text, glossarySchema, problems);
  if (!parsed.ok) return undefined;
  const seen = new Map<string, number>();
  parsed.value.entries.forEach((entry, index) => {
    for (const form of [entry.term, ...(entry.forms ?? [])]) {
      const key = form.trim().toLowerCase();
      const first = seen.get(key);
      if (first !== undefined && first !== index) {
        problems.push({
          file,
          ...jsonPosition(text, ['entries', index, 'term']),
          rule: 'duplicate-term',
          message: `"${form}" is already in the glossary (entry ${first + 1}, "${parsed.value.entries[first]!.term}"); keep one entry and add other spellings to its "forms"`,
        });
      }
      seen.set(key, first ?? index);
    }
  });
  return { file, text, entries: parsed.value.entries };
}

export function checkGlossaryLessons(glossary: ParsedGlossary, lessonIds: Set<string>, problems: Problem[]): void {
  glossary.entries.forEach((entry, index) => {
    if (!lessonIds.has(entry.lesson)) {
      problems.push({
        file: glossary.file,
        ...jsonPosition(glossary.text, ['entries', index, 'lesson']),
        rule: 'unknown-lesson-link',
        message: `"lesson" names "${entry.lesson}", which does not exist; use the id of the lesson that explains "${entry.term}"`,
      });
    }
  });
}

function toGlossaryEntry(entry: ParsedGlossary['entries'][number]): GlossaryEntry {
  return {
    id: glossaryEntryId(entry.term),
    term: entry.term,
    kind: entry.kind,
    ...(entry.expansion ? { expansion: entry.expansion } : {}),
    definition: entry.definition,
    lessonId: entry.lesson,
  };
}

export function compileGlossary(glossary: ParsedGlossary, locale: string): Glossary {
  const entries = glossary.entries
    .map(toGlossaryEntry)
    .sort((a, b) => a.term.localeCompare(b.term, locale, { sensitivity: 'base' }));
  return { locale, entries };
}

export function indexGlossary(glossary: ParsedGlossary | undefined): GlossaryIndex {
  if (!glossary) return emptyGlossaryIndex;
  const entries = glossary.entries.map((entry) => ({
    ...toGlossaryEntry(entry),
    forms: [entry.term, ...(entry.forms ?? [])],
  }));
  const acronyms = new Set(entries.filter((e) => e.kind === 'acronym').flatMap((e) => e.forms));
  // One alternative per form, longest first, so "peer support worker" wins over "peer support".
  // An acronym's expansion is matched too, and left as written: "Wellness Recovery Action Plan"
  // is not a use of the term "recovery".
  // An expansion that is itself a glossary term ("peer support worker") is linked as that term.
  const termForms = new Set(entries.filter((e) => e.kind === 'term').flatMap((e) => e.forms.map((f) => f.toLowerCase())));
  const alternatives = entries
    .flatMap((entry) => [
      ...entry.forms.map((form) => ({ form, entry, acronym: entry.kind === 'acronym', expansion: false })),
      ...(entry.expansion && !termForms.has(entry.expansion.toLowerCase())
        ? [{ form: entry.expansion, entry, acronym: false, expansion: true }]
        : []),
    ])
    .sort((a, b) => b.form.length - a.form.length);
  if (!alternatives.length) return { entries, acronyms, pattern: undefined, alternatives: [] };
  // Acronyms match case-sensitively ("BC", not "bc"); terms in any case. A plural "s" is allowed.
  const source = alternatives
    .map((a) => `(${a.acronym ? escape(a.form) : caseless(a.form)}(?:s|es)?)`)
    .join('|');
  return {
    entries,
    acronyms,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}\\-])(?:${source})(?![\\p{L}\\p{N}\\-])`, 'gu'),
    alternatives: alternatives.map(({ entry, expansion }) => ({ entry, expansion })),
  };
}

/** A case-insensitive form of `text` for a regular expression that must stay case-sensitive elsewhere. */
function caseless(text: string): string {
  return [...text]
    .map((char) => {
      const lower = char.toLowerCase();
      const upper = char.toUpperCase();
      return lower !== upper ? `[${lower}${upper}]` : escape(char);
    })
    .join('');
}

const SKIP = new Set(['link', 'linkReference', 'heading', 'footnoteDefinition', 'inlineCode', 'code', 'html']);

/**
 * Rewrite the first use of each glossary entry in a lesson (see the module comment). Terms are not
 * linked in the lesson that explains them; acronyms are expanded everywhere.
 */
export function applyGlossary(tree: Root, index: GlossaryIndex, lessonId: string | undefined): void {
  const pattern = index.pattern;
  if (!pattern) return;
  const used = new Set<string>();

  const rewrite = (node: Text): PhrasingContent[] | undefined => {
    const out: PhrasingContent[] = [];
    let last = 0;
    const value = node.value;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
      const group = match.slice(1).findIndex((g) => g !== undefined);
      const alternative = index.alternatives[group];
      if (!alternative || alternative.expansion) continue;
      const entry = alternative.entry;
      if (used.has(entry.id)) continue;
      if (entry.kind === 'term' && entry.lessonId === lessonId) continue;
      used.add(entry.id);
      const written = match[0];
      const start = match.index;
      const end = start + written.length;
      if (start > last) out.push({ type: 'text', value: value.slice(last, start) });
      const href = `glossary:${entry.id}`;
      if (entry.kind === 'acronym' && entry.expansion) {
        const abbr: PhrasingContent = {
          type: 'emphasis',
          data: { hName: 'abbr', hProperties: { title: entry.expansion } },
          children: [{ type: 'text', value: written }],
        };
        out.push({ type: 'link', url: href, children: [abbr] } satisfies Link);
        // "Wellness Recovery Action Plan (WRAP)": already spelled out, the <abbr> is enough.
        const spelledOut = value.slice(0, start).endsWith('(') && value.slice(end).startsWith(')');
        if (!spelledOut) {
          const plural = written.length > entry.term.length && !/s$/i.test(entry.expansion) ? 's' : '';
          out.push({ type: 'text', value: ` (${entry.expansion}${plural})` });
        }
      } else {
        out.push({ type: 'link', url: href, children: [{ type: 'text', value: written }] } satisfies Link);
      }
      last = end;
    }
    if (!out.length) return undefined;
    if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
    return out;
  };

  const walk = (parent: Parent) => {
    const children: Nodes[] = [];
    for (const child of parent.children as Nodes[]) {
      if (child.type === 'text') {
        const replaced = rewrite(child);
        if (replaced) children.push(...replaced);
        else children.push(child);
        continue;
      }
      if (!SKIP.has(child.type) && 'children' in child) walk(child);
      children.push(child);
    }
    (parent as { children: Nodes[] }).children = children;
  };
  walk(tree);
}
