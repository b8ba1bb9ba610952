/**
 * Every block's screen view, by block type (BlockList draws them; the print edition draws the
 * ones that print as they look on screen). A mapped type: a block type added to
 * src/content/types.ts without a view here fails to compile.
 */
import type { ComponentType } from 'react';
import type { BlockType } from '../content/types.ts';
import type { BlockProps } from './BlockScope.ts';
import { Accordion } from './accordion/Accordion.tsx';
import { Callout } from './callout/Callout.tsx';
import { Chart } from './chart/Chart.tsx';
import { Compare } from './compare/Compare.tsx';
import { FlipCards } from './flipcards/FlipCards.tsx';
import { Footnotes } from './footnotes/Footnotes.tsx';
import { Prose } from './prose/Prose.tsx';
import { Quote } from './quote/Quote.tsx';
import { Reveal } from './reveal/Reveal.tsx';
import { Slides } from './slides/Slides.tsx';
import { DataTable } from './table/DataTable.tsx';
import { Tabs } from './tabs/Tabs.tsx';

export type BlockViews = { [T in BlockType]: ComponentType<BlockProps<T>> };

export const views: BlockViews = {
  prose: Prose,
  tabs: Tabs,
  accordion: Accordion,
  flipcards: FlipCards,
  reveal: Reveal,
  slides: Slides,
  quote: Quote,
  callout: Callout,
  compare: Compare,
  table: DataTable,
  chart: Chart,
  footnotes: Footnotes,
};

/** The view of a block type (the map pairs each type with its view; TypeScript cannot follow that through the index). */
export const viewOf = (type: BlockType): ComponentType<BlockProps<BlockType>> => views[type] as ComponentType<BlockProps<BlockType>>;
