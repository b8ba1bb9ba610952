/** Printed as on screen; read row by row: title, "Say" and its words, "Instead of" and its words, the note. */
import type { PrintForm } from '../print/print-forms.ts';

export const comparePrint: PrintForm<'compare'> = {
  speech: (block, say) => [
    ...say.text(block.label),
    ...block.rows.flatMap((row) => [
      ...say.text(row.title),
      { text: say.words.say, ui: true },
      ...say.html(row.sayHtml),
      { text: say.words.avoid, ui: true },
      ...say.html(row.avoidHtml),
      ...say.blocks(row.blocks),
    ]),
  ],
};
