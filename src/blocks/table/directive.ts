/** `:::table{caption="…" rowHeaders="true|false"}` around exactly one Markdown table. */
import type { Table } from 'mdast';
import type { LeafDirectiveSpec } from '../../pipeline/block-directive.ts';

export const tableDirective: LeafDirectiveSpec<'table'> = {
  kind: 'leaf',
  attributes: ['caption', 'rowHeaders'],
  required: ['caption'],
  compile(node, content, attributes, context) {
    const rowHeaders = attributes.rowHeaders ?? 'false';
    if (rowHeaders !== 'true' && rowHeaders !== 'false') {
      context.report(node, 'unknown-attribute', `rowHeaders must be true or false, found "${rowHeaders}"`);
    }
    const table = content.find((child): child is Table => child.type === 'table');
    if (!table || content.length !== 1) {
      context.report(node, 'empty-block', '":::table" must hold exactly one Markdown table (| a | b | rows) and nothing else');
      return undefined;
    }
    const [head, ...rows] = table.children;
    const cells = (row: (typeof table.children)[number]) => row.children.map((cell) => context.inlineHtml(cell.children));
    const texts = (row: (typeof table.children)[number]) => row.children.map((cell) => context.text(cell).replace(/\s+/g, ' ').trim());
    return {
      type: 'table',
      caption: attributes.caption ?? '',
      headHtml: head ? cells(head) : [],
      headText: head ? texts(head) : [],
      rowsHtml: rows.map(cells),
      rowHeaders: rowHeaders === 'true',
    };
  },
};
