/** Printed: the figures as a table (rank, item, figure); read: label, each item with its figure, the note. */
import { usePrintTranslation } from '../../i18n/print.ts';
import { useBlockScope, type BlockProps } from '../BlockScope.ts';
import type { PrintForm } from '../print/print-forms.ts';
import { TableFrame } from '../table/TableFrame.tsx';

function PrintChart({ block, idPrefix }: BlockProps<'chart'>) {
  const { t, i18n } = usePrintTranslation();
  const { renderBlocks } = useBlockScope();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <TableFrame
      tableClass="data-table print-chart"
      caption={block.label}
      after={block.blocks.length > 0 && <div className="chart-note">{renderBlocks(block.blocks, `${idPrefix}-note`)}</div>}
    >
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
    </TableFrame>
  );
}

export const chartPrint: PrintForm<'chart'> = {
  print: PrintChart,
  speech: (block, say) => [
    ...say.text(block.label),
    ...block.items.flatMap((item) => say.text(item.value === undefined ? item.label : `${item.label}: ${say.words.percent(item.value)}`)),
    ...say.blocks(block.blocks),
  ],
};
