/**
 * Build time only: every block directive, by block type, for the pipeline (src/pipeline/markdown.ts).
 * A mapped type, so a block type added to src/content/types.ts without a directive here fails to
 * compile. The order is the order of "known blocks" in the unknown-directive message. Prose and
 * footnotes are plain Markdown, not directives (see README.md).
 */
import type { DirectiveSpec } from '../pipeline/block-directive.ts';
import type { BlockType } from '../content/types.ts';
import { accordionDirective } from './accordion/directive.ts';
import { calloutDirective } from './callout/directive.ts';
import { chartDirective } from './chart/directive.ts';
import { compareDirective } from './compare/directive.ts';
import { flipcardsDirective } from './flipcards/directive.ts';
import { quoteDirective } from './quote/directive.ts';
import { revealDirective } from './reveal/directive.ts';
import { slidesDirective } from './slides/directive.ts';
import { tableDirective } from './table/directive.ts';
import { tabsDirective } from './tabs/directive.ts';

export type DirectiveBlockType = Exclude<BlockType, 'prose' | 'footnotes'>;

export const directives: { [T in DirectiveBlockType]: DirectiveSpec<T> } = {
  tabs: tabsDirective,
  accordion: accordionDirective,
  flipcards: flipcardsDirective,
  reveal: revealDirective,
  slides: slidesDirective,
  compare: compareDirective,
  quote: quoteDirective,
  callout: calloutDirective,
  table: tableDirective,
  chart: chartDirective,
};
