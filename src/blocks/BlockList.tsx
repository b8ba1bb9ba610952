/**
 * Renders a lesson's blocks (or the blocks inside a panel) through one exhaustive switch, so a new
 * block type in src/content/types.ts cannot be forgotten: TypeScript fails on the `never` check.
 *
 * `idPrefix` makes DOM ids unique when several lessons or blocks share a page; give each lesson
 * its own (e.g. `lesson-${lessonId}`). Block `i` uses `${idPrefix}-${i}`, and the blocks inside its
 * panels `${idPrefix}-${i}-${panelId}`.
 *
 * @example
 * <BlockList blocks={body.blocks} idPrefix={`lesson-${body.id}`} />
 */
import { Fragment, type ReactNode } from 'react';
import type { Block } from '../content/types.ts';
import { isSameInPrint, SameInPrint } from './SameInPrint.tsx';
import { Accordion } from './accordion/Accordion.tsx';
import { BlockScopeContext, useListScope } from './BlockScope.ts';
import { Chart } from './chart/Chart.tsx';
import { FlipCards } from './flipcards/FlipCards.tsx';
import { Prose } from './prose/Prose.tsx';
import { Reveal } from './reveal/Reveal.tsx';
import { Slides } from './slides/Slides.tsx';
import { Tabs } from './tabs/Tabs.tsx';
import './blocks.css';

export interface BlockListProps {
  blocks: Block[];
  /** Start of every DOM id inside; unique on the page. */
  idPrefix: string;
}

const renderChildren = (children: Block[], prefix: string) => <BlockList blocks={children} idPrefix={prefix} />;

export function BlockList({ blocks, idPrefix }: BlockListProps) {
  const { parent, scope } = useListScope(idPrefix, renderChildren);
  const list = (
    <div className="blocks">
      {blocks.map((block, index) => (
        <Fragment key={`${idPrefix}-${index}-${block.type}`}>{renderBlock(block, `${idPrefix}-${index}`)}</Fragment>
      ))}
    </div>
  );
  return parent ? list : <BlockScopeContext.Provider value={scope}>{list}</BlockScopeContext.Provider>;
}

function renderBlock(block: Block, idPrefix: string): ReactNode {
  if (isSameInPrint(block)) return <SameInPrint block={block} idPrefix={idPrefix} />;
  switch (block.type) {
    case 'prose':
      return <Prose block={block} idPrefix={idPrefix} />;
    case 'tabs':
      return <Tabs block={block} idPrefix={idPrefix} />;
    case 'accordion':
      return <Accordion block={block} idPrefix={idPrefix} />;
    case 'flipcards':
      return <FlipCards block={block} idPrefix={idPrefix} />;
    case 'reveal':
      return <Reveal block={block} idPrefix={idPrefix} />;
    case 'slides':
      return <Slides block={block} idPrefix={idPrefix} />;
    case 'chart':
      return <Chart block={block} idPrefix={idPrefix} />;
    default: {
      // A type error here means a block type was added to src/content/types.ts without a case above.
      const unknown: never = block;
      void unknown;
      return null;
    }
  }
}
