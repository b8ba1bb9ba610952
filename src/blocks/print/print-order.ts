/**
 * The order the print edition lays a lesson out in, and the same order as plain text for
 * read-aloud, so what is heard is what is printed: tabs, accordion items, reveal points and slides
 * one after another (title, then content), flip cards front then back, a chart's figures, and the
 * lesson's footnotes at its end. Pure functions of the compiled data (no DOM, no React).
 */
import type { Block, CheckText, Html, KnowledgeCheck } from '../../content/types.ts';
import { printFormOf } from './print-forms.ts';
import { modelOf } from '../../questions/models.ts';

/** The lesson's top-level blocks in print order (footnotes last), with their index in the lesson. */
export function printOrder(blocks: Block[]): { block: Block; index: number }[] {
  const indexed = blocks.map((block, index) => ({ block, index }));
  return [...indexed.filter((b) => b.block.type !== 'footnotes'), ...indexed.filter((b) => b.block.type === 'footnotes')];
}

/** One utterance: a paragraph, a title or an option. `ui` marks words in the interface language. */
export interface SpeechPart {
  /**
   * What the page marks while this part is read: `block:<index>` (a top-level block of the lesson),
   * `block:<index>:panel:<n>` (its n-th panel: tab, accordion item, point with text, slide or card
   * back, which the page may open) or `question:<id>`.
   */
  target: string;
  text: string;
  ui?: boolean;
}

export interface SpeechWords {
  /** Interface words that carry meaning in the text ("Say", "Instead of", "Yes", "No"). */
  say: string;
  avoid: string;
  yes: string;
  no: string;
  /** A percentage in the course's language, e.g. 30 → "30 %". */
  percent: (value: number) => string;
}

/** A lesson's text in print order, cut into paragraphs. */
export function lessonSpeech(blocks: Block[], words: SpeechWords): SpeechPart[] {
  return printOrder(blocks).flatMap(({ block, index }) =>
    blockSpeech(block, words).map(({ panel, ...part }) => ({ ...part, target: `block:${index}${panel === undefined ? '' : `:panel:${panel}`}` })),
  );
}

/** A knowledge check's prompts and choices (never its answers), in order. */
export function checkSpeech(check: KnowledgeCheck, text: CheckText, words: SpeechWords): SpeechPart[] {
  return check.questions.flatMap((question) => {
    const q = text.questions[question.id];
    if (!q) return [];
    const target = `question:${question.id}`;
    const content = (html: Html) => htmlParagraphs(html).map((t) => ({ target, text: t }));
    const parts: SpeechPart[] = [...content(q.promptHtml)];
    // The type's model says what follows the prompt (src/questions/<type>/model.ts).
    for (const item of modelOf(question).readAloud(question)) {
      if ('ui' in item) parts.push({ target, text: words[item.ui], ui: true });
      else parts.push(...content(q[item.words]?.[item.id]?.html ?? ''));
    }
    return parts;
  });
}

/** What a block says, before it is placed in the lesson: `panel` is its n-th panel, which the page may open. */
export type BlockSpeechPart = Omit<SpeechPart, 'target'> & { panel?: number };

/** What each block's `speech` (src/blocks/<type>/print.ts) builds its parts with. */
export interface SpeechKit {
  words: SpeechWords;
  /** A plain-text part, or none when the text is blank. */
  text(value: string): BlockSpeechPart[];
  /** Compiled HTML cut into paragraphs. */
  html(value: Html): BlockSpeechPart[];
  /** Inline HTML as one plain string (a table cell). */
  plain(value: Html): string;
  /** Child blocks' parts (their own panels dropped: the block's panel holds them). */
  blocks(list: Block[]): BlockSpeechPart[];
  /** `parts` as the block's n-th panel. */
  inPanel(panel: number, parts: BlockSpeechPart[]): BlockSpeechPart[];
}

function blockSpeech(block: Block, words: SpeechWords): BlockSpeechPart[] {
  const say: SpeechKit = {
    words,
    text: (value) => (value.trim() ? [{ text: value.trim() }] : []),
    html: (value) => htmlParagraphs(value).map((t) => ({ text: t })),
    plain: htmlToText,
    blocks: (list) => list.flatMap((b) => blockSpeech(b, words)).map(({ panel: _inner, ...part }) => part),
    inPanel: (panel, parts) => parts.map((part) => ({ ...part, panel })),
  };
  return printFormOf(block).speech(block, say);
}

/** Build-time HTML (a small, known set of tags) cut into paragraphs, list items and headings. */
export function htmlParagraphs(html: Html): string[] {
  return html
    .replace(/<sup><a [^>]*class="footnote-ref"[^>]*>[^<]*<\/a><\/sup>/g, '')
    .split(/<\/?(?:p|li|h[1-6]|ul|ol|blockquote|tr|br)\b[^>]*>/)
    .map(htmlToText)
    .filter(Boolean);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Inline HTML as plain text: tags dropped, entities decoded, white space collapsed. */
export function htmlToText(html: Html): string {
  return html
    .replace(/<sup><a [^>]*class="footnote-ref"[^>]*>[^<]*<\/a><\/sup>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, code: string) => {
      if (code[0] === '#') {
        const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(point) ? String.fromCodePoint(point) : match;
      }
      return ENTITIES[code.toLowerCase()] ?? match;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
