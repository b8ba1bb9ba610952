/**
 * A lesson's blocks laid out for paper (the print edition, src/app/print): every interactive block
 * in its printed form, in the order of `printOrder` (which read-aloud follows too):
 *
 * - tabs and accordions: headed sections, all open;
 * - reveal points and slides: one after another, title then text (slides numbered);
 * - flip cards: front, then back;
 * - a chart: its figures as a table;
 * - footnotes: at the end of the lesson.
 *
 * Blocks that are already static (quote, callout, compare, table, footnotes) use their
 * usual components, inside a BlockScope whose `renderBlocks` is this list, so the blocks nested in
 * them print the same way. Headings inside lesson text move two levels down (h2 → h4), under the
 * edition's section (h2) and lesson (h3) headings. Each top-level block carries
 * `data-block="<index in the lesson>"` for read-aloud to mark.
 */
import { Fragment } from 'react';
import type { Block } from '../../content/types.ts';
import { BlockScopeContext, useListScope } from '../BlockScope.ts';
import type { BlockListProps } from '../BlockList.tsx';
import '../blocks.css';
import { viewOf } from '../views.ts';
import { printFormOf } from './print-forms.ts';
import { printOrder } from './print-order.ts';

const renderChildren = (children: Block[], prefix: string) => <PrintBlockList blocks={children} idPrefix={prefix} />;

/** Like BlockList (same props), in print order and printed form. */
export function PrintBlockList({ blocks, idPrefix }: BlockListProps) {
  const { parent, scope } = useListScope(idPrefix, renderChildren);
  if (parent) {
    return (
      <div className="blocks">
        {blocks.map((block, index) => (
          <Fragment key={`${index}-${block.type}`}>{renderPrintBlock(block, `${idPrefix}-${index}`)}</Fragment>
        ))}
      </div>
    );
  }
  return (
    <BlockScopeContext.Provider value={scope}>
      <div className="blocks">
        {printOrder(blocks).map(({ block, index }) => (
          <div className="print-block" data-block={index} key={`${index}-${block.type}`}>
            {renderPrintBlock(block, `${idPrefix}-${index}`)}
          </div>
        ))}
      </div>
    </BlockScopeContext.Provider>
  );
}

/** A block's print form (print-forms.ts), or its screen view where it prints as it looks. */
function renderPrintBlock(block: Block, idPrefix: string) {
  const View = printFormOf(block).print ?? viewOf(block.type);
  return <View block={block} idPrefix={idPrefix} />;
}
