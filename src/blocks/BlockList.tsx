/**
 * Renders a lesson's blocks (or the blocks inside a panel), each with its type's view from
 * `views` (views.ts), a map that TypeScript checks has every block type of src/content/types.ts.
 *
 * `idPrefix` makes DOM ids unique when several lessons or blocks share a page; give each lesson
 * its own (e.g. `lesson-${lessonId}`). Block `i` uses `${idPrefix}-${i}`, and the blocks inside its
 * panels `${idPrefix}-${i}-${panelId}`.
 *
 * @example
 * <BlockList blocks={body.blocks} idPrefix={`lesson-${body.id}`} />
 */
import { Fragment } from 'react';
import type { Block } from '../content/types.ts';
import { BlockScopeContext, useListScope } from './BlockScope.ts';
// Before the views: a block's own CSS (e.g. chart/chart.css) comes after the shared rules.
import './blocks.css';
import { viewOf } from './views.ts';

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

function renderBlock(block: Block, idPrefix: string) {
  const View = viewOf(block.type);
  return <View block={block} idPrefix={idPrefix} />;
}
