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
 * Blocks that are already static (prose, quote, callout, compare, table, footnotes) use their
 * usual components, inside a BlockScope whose `renderBlocks` is this list, so the blocks nested in
 * them print the same way. Headings inside lesson text move two levels down (h2 → h4), under the
 * edition's section (h2) and lesson (h3) headings. Each top-level block carries
 * `data-block="<index in the lesson>"` for read-aloud to mark.
 */
import { Fragment, type ReactNode } from 'react';
import type { Block, Html, Panel } from '../../content/types.ts';
import { isSameInPrint, SameInPrint } from '../SameInPrint.tsx';
import { BlockScopeContext, useBlockScope, useListScope, type BlockProps } from '../BlockScope.ts';
import { RichText } from '../RichText.tsx';
import { usePrintTranslation } from '../../i18n/print.ts';
import { printOrder } from './print-order.ts';
import '../blocks.css';

export interface PrintBlockListProps {
  blocks: Block[];
  /** Start of every DOM id inside; unique on the page. */
  idPrefix: string;
}

const renderChildren = (children: Block[], prefix: string) => <PrintBlockList blocks={children} idPrefix={prefix} />;

export function PrintBlockList({ blocks, idPrefix }: PrintBlockListProps) {
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

function renderPrintBlock(block: Block, idPrefix: string): ReactNode {
  if (isSameInPrint(block)) return <SameInPrint block={block} idPrefix={idPrefix} />;
  switch (block.type) {
    case 'prose':
      return <RichText className="block prose" html={shiftHeadings(block.html)} />;
    case 'tabs':
    case 'accordion':
      return <PrintPanels label={block.label} panels={block.panels} idPrefix={idPrefix} />;
    case 'reveal':
      return <PrintPanels label={block.label} panels={block.points} idPrefix={idPrefix} />;
    case 'slides':
      return <PrintPanels label={block.label} panels={block.slides} idPrefix={idPrefix} numbered />;
    case 'flipcards':
      return <PrintFlipCards block={block} idPrefix={idPrefix} />;
    case 'chart':
      return <PrintChart block={block} idPrefix={idPrefix} />;
    default: {
      const unknown: never = block;
      void unknown;
      return null;
    }
  }
}

/** Lesson headings under the edition's own: h2 → h4, h3 → h5 (h6 at most). */
export function shiftHeadings(html: Html): Html {
  return html.replace(/<(\/?)h([1-6])\b/g, (_m, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + 2)}`);
}

function PrintPanels({ label, panels, idPrefix, numbered = false }: { label: string; panels: Panel[]; idPrefix: string; numbered?: boolean }) {
  const { renderBlocks } = useBlockScope();
  return (
    <div className="block print-panels">
      <p className="block-label">{label}</p>
      {panels.map((panel, index) => (
        <section className="print-panel" key={panel.id} aria-labelledby={`${idPrefix}-title-${panel.id}`}>
          <h4 className="print-panel-title" id={`${idPrefix}-title-${panel.id}`}>
            {numbered ? `${index + 1}. ${panel.title}` : panel.title}
          </h4>
          {panel.blocks.length > 0 && renderBlocks(panel.blocks, `${idPrefix}-${panel.id}`)}
        </section>
      ))}
    </div>
  );
}

function PrintFlipCards({ block, idPrefix }: BlockProps<'flipcards'>) {
  const { renderBlocks } = useBlockScope();
  return (
    <div className="block print-panels">
      <p className="block-label">{block.label}</p>
      {block.cards.map((card) => (
        <div className="print-card" key={card.id}>
          <RichText className="print-card-front" html={card.frontHtml} />
          <div className="print-card-back">{renderBlocks(card.back, `${idPrefix}-${card.id}`)}</div>
        </div>
      ))}
    </div>
  );
}

function PrintChart({ block, idPrefix }: BlockProps<'chart'>) {
  const { t, i18n } = usePrintTranslation();
  const { renderBlocks } = useBlockScope();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <div className="block table-block">
      <table className="data-table print-chart">
        <caption>{block.label}</caption>
        <thead>
          <tr>
            <th scope="col">{t('printPage.chartRank')}</th>
            <th scope="col">{t('printPage.chartItem')}</th>
            <th scope="col">{t('printPage.chartFigure')}</th>
          </tr>
        </thead>
        <tbody>
          {block.items.map((item, index) => (
            <tr key={index}>
              <td>{index + 1}</td>
              <th scope="row">{item.label}</th>
              <td>{item.value === undefined ? t('blocks.chart.noFigure', { ns: 'translation' }) : percent.format(item.value / 100)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {block.blocks.length > 0 && <div className="chart-note">{renderBlocks(block.blocks, `${idPrefix}-note`)}</div>}
    </div>
  );
}
