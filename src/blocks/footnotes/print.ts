/** Printed as on screen, at the end of the lesson (print-order.ts); read note by note. */
import type { PrintForm } from '../print/print-forms.ts';

export const footnotesPrint: PrintForm<'footnotes'> = {
  speech: (block, say) => block.notes.flatMap((note) => say.html(note.html)),
};
