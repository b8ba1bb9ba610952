/** Printed as on screen; read cell by cell, each after its column's header ("Goal: …"), as a screen reader would. */
import type { PrintForm } from '../print/print-forms.ts';

export const tablePrint: PrintForm<'table'> = {
  speech: (block, say) => [
    ...say.text(block.caption),
    ...block.rowsHtml.flatMap((row) =>
      row.flatMap((html, column) => {
        const header = block.headText[column]?.trim();
        const cell = say.plain(html);
        return say.text(header && !(column === 0 && block.rowHeaders) ? `${header}: ${cell}` : cell);
      }),
    ),
  ],
};
