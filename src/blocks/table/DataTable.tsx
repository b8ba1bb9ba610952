/**
 * A data table: `<caption>`, `<th scope="col">` for the header row and, with `rowHeaders`,
 * `<th scope="row">` for the first cell of each row. In a narrow column (a phone, or 200 % zoom)
 * CSS stacks each row into a card and labels each cell from its `data-label` (the column header),
 * so the page never scrolls sideways. The table's own elements give its structure (no ARIA
 * roles on them: they would only repeat what HTML says, and HTML checkers reject them).
 */
import type { BlockProps } from '../BlockScope.ts';
import { RichText } from '../RichText.tsx';
import { TableFrame } from './TableFrame.tsx';

export function DataTable({ block }: BlockProps<'table'>) {
  const columnLabels = block.headText;
  return (
    <TableFrame tableClass="data-table" caption={block.caption}>
      <thead>
        <tr>
          {block.headHtml.map((html, column) => (
            <th key={column} scope="col">
              <RichText as="span" html={html} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {block.rowsHtml.map((row, rowIndex) => (
          <tr key={rowIndex}>
            {row.map((html, column) =>
              column === 0 && block.rowHeaders ? (
                <th key={column} scope="row">
                  <RichText as="span" html={html} />
                </th>
              ) : (
                <td key={column} data-label={columnLabels[column] ?? ''}>
                  <RichText as="span" html={html} />
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}
