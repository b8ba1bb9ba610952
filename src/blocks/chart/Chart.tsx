/**
 * A bar chart of figures the source states. Every item has a row, in rank order, so an item ranked
 * first without a figure still comes first; only items with a value get a bar (0–100 % of the
 * track), the others say "no figure given". The width is a class in whole-percent steps
 * (`chart-bar--w37`, blocks.css), not a `style` attribute, so the pre-rendered chart looks right
 * under a Content-Security-Policy with `style-src 'self'`. The same data is a visible ordered list
 * beneath it, with each item's rank (tied items share one and say so). The bars repeat the list for
 * sighted readers and are hidden from screen readers, which read the list. The chart's note follows.
 */
import { useTranslation } from 'react-i18next';
import { useBlockScope, type BlockProps } from '../BlockScope.ts';
import './chart.css';

export function Chart({ block, idPrefix }: BlockProps<'chart'>) {
  const { t, i18n } = useTranslation();
  const { renderBlocks } = useBlockScope();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const format = (value: number) => percent.format(value / 100);
  const hasFigures = block.items.some((item) => item.value !== undefined);
  const bars = hasFigures ? block.items : [];
  return (
    <figure className="block chart" aria-labelledby={`${idPrefix}-caption`}>
      <figcaption className="chart-caption" id={`${idPrefix}-caption`}>
        {block.label}
      </figcaption>
      {bars.length > 0 && (
        <div className="chart-bars" aria-hidden="true">
          {bars.map((item, index) => (
            <div className="chart-bar-row" key={index}>
              <span className="chart-bar-label">{item.label}</span>
              <span className="chart-bar-track">
                {item.value !== undefined && <span className={`chart-bar chart-bar--w${barStep(item.value)}`} />}
              </span>
              <span className="chart-bar-value">{item.value === undefined ? t('blocks.chart.noFigure') : format(item.value)}</span>
            </div>
          ))}
        </div>
      )}
      <p className="chart-data-title" id={`${idPrefix}-data`}>
        {t('blocks.chart.ranked')}
      </p>
      <ol className="chart-data" aria-labelledby={`${idPrefix}-data`}>
        {block.items.map((item, index) => (
          <li key={index} value={item.rank ?? index + 1}>
            {t('blocks.chart.item', {
              label: item.label,
              value: item.value === undefined ? t('blocks.chart.noFigure') : format(item.value),
            })}
            {item.tied && <> {t('blocks.chart.tied')}</>}
          </li>
        ))}
      </ol>
      {block.blocks.length > 0 && (
        <div className="chart-note">{renderBlocks(block.blocks, `${idPrefix}-note`)}</div>
      )}
    </figure>
  );
}

/** The bar's width class step: the value rounded to a whole percent, within 0–100. */
export function barStep(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.min(100, Math.round(value))) : 0;
}
