/** Shared text helpers for the editorial rules: visible text pieces, sentences, instructions. */
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { positionOf, type TextPiece } from './types.ts';

/** Block attributes that learners read. */
const VISIBLE_ATTRIBUTES = ['label', 'title', 'front', 'say', 'avoid', 'caption', 'cite'];
const SKIPPED = new Set(['footnoteDefinition', 'code', 'html', 'definition']);
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** Visible text, in document order: block attributes first, then the block's content. */
export function textPieces(tree: Root, lineOffset: number): TextPiece[] {
  const pieces: TextPiece[] = [];
  const walk = (node: Nodes) => {
    if (SKIPPED.has(node.type)) return;
    if (node.type === 'containerDirective' || node.type === 'leafDirective') {
      for (const name of VISIBLE_ATTRIBUTES) {
        const value = node.attributes?.[name];
        if (value) pieces.push({ text: value, ...positionOf(node, lineOffset), node, attribute: name });
      }
    }
    if (TEXT_BLOCKS.has(node.type)) {
      const text = toString(node);
      if (text.trim()) pieces.push({ text, ...positionOf(node, lineOffset), node });
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(tree);
  return pieces;
}

export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** What an instruction can point at, and the block (or image) that answers it. */
export type TargetKind = 'image' | 'video' | 'reveal' | 'flipcards' | 'tabs' | 'slides' | 'accordion';

const NOUNS: [RegExp, TargetKind][] = [
  [/\b(?:images?|pictures?|photos?|diagrams?|graphics?|infographics?|illustrations?)\b/i, 'image'],
  [/\bvideos?\b/i, 'video'],
  [/\bbuttons?\b/i, 'reveal'],
  [/\b(?:flip ?)?cards?\b/i, 'flipcards'],
  [/\btabs?\b/i, 'tabs'],
  [/\bslides?\b/i, 'slides'],
  [/\btitles?\b/i, 'accordion'],
];

const VERB = /\b(?:click|select|tap|press|choose|watch|look at|view|explore|open|turn|flip|read|hover over)\b/i;
const WHERE = /\b(?:below|following|beneath|underneath)\b/i;
/** "Below is a graphic …", "The following video shows …". */
const POINTING = /\b(?:below|following) (?:is|are) |\bthe following (?:images?|graphics?|diagrams?|videos?)\b/i;

export interface Instruction {
  sentence: string;
  targets: TargetKind[];
  /** The words that named each target, for messages. */
  words: string[];
}

/** Sentences that tell the learner to act on (or look at) something below. */
export function instructions(text: string): Instruction[] {
  const found: Instruction[] = [];
  for (const sentence of sentences(text)) {
    if (!((VERB.test(sentence) && WHERE.test(sentence)) || POINTING.test(sentence))) continue;
    const targets: TargetKind[] = [];
    const words: string[] = [];
    for (const [pattern, kind] of NOUNS) {
      const match = pattern.exec(sentence);
      if (match && !targets.includes(kind)) {
        targets.push(kind);
        words.push(match[0]);
      }
    }
    if (targets.length) found.push({ sentence, targets, words });
  }
  return found;
}

/** For comparing a heading with a block's label: case, punctuation and ellipses ignored. */
export function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
