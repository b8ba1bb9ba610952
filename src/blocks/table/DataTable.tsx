/**
 * A data table: `<caption>`, `<th scope="col">` for the header row and, with `rowHeaders`,
 * `<th scope="row">` for the first cell of each row. In a narrow column (a phone, or 200 % zoom)
 * CSS stacks each row into a card and labels each cell from its `data-label` (the column header),
 * so the page never scrolls sideways. Explicit table roles keep the table a table for screen
 * readers even when CSS changes how its parts are displayed.
 */
import { useMemo } from 'react';
import type { Html } from '../../content/types.ts';
import type { BlockProps } from '../BlockScope.ts';
import { RichText } from '../RichText.tsx';

export function DataTable({ block }: BlockProps<'table'>) {
  const columnLabels = useMemo(() => block.headHtml.map(htmlToText), [block.headHtml]);
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

/**
 * Text of a header cell for `data-label`. Pure string work, so it also runs in the build-time
 * prerender (no DOM there). The pipeline's HTML escapes text as `&#x26;`-style references.
 */
function htmlToText(html: Html): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (entity, code: string) => {
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
      if (code[0] !== '#') return named[code.toLowerCase()] ?? entity;
      const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(point) && point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
