/** The blocks drawn the same way on screen (BlockList) and in the print edition (PrintBlockList). */
import type { ComponentType } from 'react';
import type { Block } from '../content/types.ts';
import type { BlockProps } from './BlockScope.ts';
import { Callout } from './callout/Callout.tsx';
import { Compare } from './compare/Compare.tsx';
import { Footnotes } from './footnotes/Footnotes.tsx';
import { Quote } from './quote/Quote.tsx';
import { DataTable } from './table/DataTable.tsx';

type SameInPrintType = 'quote' | 'callout' | 'compare' | 'table' | 'footnotes';
type SameInPrintBlock = Extract<Block, { type: SameInPrintType }>;

const VIEWS: { [T in SameInPrintType]: ComponentType<BlockProps<T>> } = {
  quote: Quote,
  callout: Callout,
  compare: Compare,
  table: DataTable,
  footnotes: Footnotes,
};

export function isSameInPrint(block: Block): block is SameInPrintBlock {
  return Object.hasOwn(VIEWS, block.type);
}

export function SameInPrint({ block, idPrefix }: { block: SameInPrintBlock; idPrefix: string }) {
  // The map gives each type its own view; TypeScript cannot follow the pairing through the index.
  const View = VIEWS[block.type] as ComponentType<{ block: SameInPrintBlock; idPrefix: string }>;
  return <View block={block} idPrefix={idPrefix} />;
}
