/**
 * A data table: `<caption>`, `<th scope="col">` for the header row and, with `rowHeaders`,
 * `<th scope="row">` for the first cell of each row. In a narrow column (a phone, or 200 % zoom)
 * CSS stacks each row into a card and labels each cell from its `data-label` (the column header),
 * so the page never scrolls sideways. Explicit table roles keep the table a table for screen
 * readers even when CSS changes how its parts are displayed.
 */
import type { BlockProps } from '../BlockScope.ts';
import { RichText } from '../RichText.tsx';

export function DataTable({ block }: BlockProps<'table'>) {
  const columnLabels = block.headText;
  return (
    <div className="block table-block">
      <table className="data-table" role="table">
        <caption>{block.caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {block.headHtml.map((html, column) => (
              <th key={column} scope="col" role="columnheader">
                <RichText as="span" html={html} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {block.rowsHtml.map((row, rowIndex) => (
            <tr key={rowIndex} role="row">
              {row.map((html, column) =>
                column === 0 && block.rowHeaders ? (
                  <th key={column} scope="row" role="rowheader">
                    <RichText as="span" html={html} />
                  </th>
                ) : (
                  <td key={column} role="cell" data-label={columnLabels[column] ?? ''}>
                    <RichText as="span" html={html} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
