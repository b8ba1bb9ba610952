/**
 * Every block's print form and reading order, by block type: how the print edition lays it out
 * (PrintBlockList) when that differs from its screen view, and what read-aloud says for it
 * (print-order.ts), in the same order. A mapped type: a block type added to src/content/types.ts
 * without an entry here fails to compile. Each entry lives in its block's folder (`<type>/print.ts(x)`).
 */
import type { ComponentType } from 'react';
import type { Block, BlockType } from '../../content/types.ts';
import type { BlockProps } from '../BlockScope.ts';
import { accordionPrint } from '../accordion/print.ts';
import { calloutPrint } from '../callout/print.ts';
import { chartPrint } from '../chart/print.tsx';
import { comparePrint } from '../compare/print.ts';
import { flipcardsPrint } from '../flipcards/print.tsx';
import { footnotesPrint } from '../footnotes/print.ts';
import { prosePrint } from '../prose/print.tsx';
import { quotePrint } from '../quote/print.ts';
import { revealPrint } from '../reveal/print.ts';
import { slidesPrint } from '../slides/print.ts';
import { tablePrint } from '../table/print.ts';
import { tabsPrint } from '../tabs/print.ts';
import type { BlockSpeechPart, SpeechKit } from './print-order.ts';

export interface PrintForm<T extends BlockType> {
  /** The printed form, when it is not the screen view (views.ts). */
  print?: ComponentType<BlockProps<T>>;
  /** What read-aloud says for the block, in print order; `panel` marks what the page may open. */
  speech(block: Extract<Block, { type: T }>, say: SpeechKit): BlockSpeechPart[];
}

export const printForms: { [T in BlockType]: PrintForm<T> } = {
  prose: prosePrint,
  tabs: tabsPrint,
  accordion: accordionPrint,
  flipcards: flipcardsPrint,
  reveal: revealPrint,
  slides: slidesPrint,
  quote: quotePrint,
  callout: calloutPrint,
  compare: comparePrint,
  table: tablePrint,
  chart: chartPrint,
  footnotes: footnotesPrint,
};

/** The entry of `block`'s type (the map pairs each type with its entry; TypeScript cannot follow that through the index). */
export const printFormOf = (block: Block): PrintForm<BlockType> => printForms[block.type] as PrintForm<BlockType>;
