/** The blocks drawn the same way on screen (BlockList) and in the print edition (PrintBlockList). */
import type { Block } from '../content/types.ts';
import { Callout } from './callout/Callout.tsx';
import { Compare } from './compare/Compare.tsx';
import { Footnotes } from './footnotes/Footnotes.tsx';
import { Quote } from './quote/Quote.tsx';
import { DataTable } from './table/DataTable.tsx';

const SAME_IN_PRINT = ['quote', 'callout', 'compare', 'table', 'footnotes'] as const;
type SameInPrintBlock = Extract<Block, { type: (typeof SAME_IN_PRINT)[number] }>;

export function isSameInPrint(block: Block): block is SameInPrintBlock {
  return (SAME_IN_PRINT as readonly string[]).includes(block.type);
}

export function SameInPrint({ block, idPrefix }: { block: SameInPrintBlock; idPrefix: string }) {
  switch (block.type) {
    case 'quote':
      return <Quote block={block} idPrefix={idPrefix} />;
    case 'callout':
      return <Callout block={block} idPrefix={idPrefix} />;
    case 'compare':
      return <Compare block={block} idPrefix={idPrefix} />;
    case 'table':
      return <DataTable block={block} idPrefix={idPrefix} />;
    case 'footnotes':
      return <Footnotes block={block} idPrefix={idPrefix} />;
  }
}
