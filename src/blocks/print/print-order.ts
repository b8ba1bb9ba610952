/**
 * The order the print edition lays a lesson out in, and the same order as plain text for
 * read-aloud, so what is heard is what is printed: tabs, accordion items, reveal points and slides
 * one after another (title, then content), flip cards front then back, a chart's figures, and the
 * lesson's footnotes at its end. Pure functions of the compiled data (no DOM, no React).
 */
import type { Block, CheckText, Html, KnowledgeCheck } from '../../content/types.ts';
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

type Part = Omit<SpeechPart, 'target'> & { panel?: number };

function blockSpeech(block: Block, words: SpeechWords): Part[] {
  const text = (value: string): Part[] => (value.trim() ? [{ text: value.trim() }] : []);
  const html = (value: Html): Part[] => htmlParagraphs(value).map((t) => ({ text: t }));
  const blocks = (list: Block[]): Part[] => list.flatMap((b) => blockSpeech(b, words)).map(({ panel: _inner, ...part }) => part);
  const inPanel = (panel: number, parts: Part[]) => parts.map((part) => ({ ...part, panel }));
  switch (block.type) {
    case 'prose':
      return html(block.html);
    case 'tabs':
    case 'accordion':
      return [...text(block.label), ...block.panels.flatMap((p, i) => inPanel(i, [...text(p.title), ...blocks(p.blocks)]))];
    case 'reveal': {
      // Only points with text have a panel.
      let panels = 0;
      return [
        ...text(block.label),
        ...block.points.flatMap((p) => (p.blocks.length ? inPanel(panels++, [...text(p.title), ...blocks(p.blocks)]) : text(p.title))),
      ];
    }
    case 'slides':
      return [...text(block.label), ...block.slides.flatMap((p, i) => inPanel(i, [...text(p.title), ...blocks(p.blocks)]))];
    case 'flipcards':
      return [...text(block.label), ...block.cards.flatMap((card, i) => [...text(card.frontText), ...inPanel(i, blocks(card.back))])];
    case 'quote':
      return [...blocks(block.blocks), ...text(block.cite)];
    case 'callout':
      return [...text(block.title ?? ''), ...blocks(block.blocks)];
    case 'compare':
      return [
        ...text(block.label),
        ...block.rows.flatMap((row) => [
          ...text(row.title),
          { text: words.say, ui: true },
          ...html(row.sayHtml),
          { text: words.avoid, ui: true },
          ...html(row.avoidHtml),
          ...blocks(row.blocks),
        ]),
      ];
    case 'table':
      // Cell by cell, each after its column's header ("Goal: …"), as a screen reader would.
      return [
        ...text(block.caption),
        ...block.rowsHtml.flatMap((row) =>
          row.flatMap((html, column) => {
            const header = block.headText[column]?.trim();
            const cell = htmlToText(html);
            return text(header && !(column === 0 && block.rowHeaders) ? `${header}: ${cell}` : cell);
          }),
        ),
      ];
    case 'chart':
      return [
        ...text(block.label),
        ...block.items.flatMap((item) => text(item.value === undefined ? item.label : `${item.label}: ${words.percent(item.value)}`)),
        ...blocks(block.blocks),
      ];
    case 'footnotes':
      return block.notes.flatMap((note) => html(note.html));
    default: {
      const unknown: never = block;
      void unknown;
      return [];
    }
  }
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
