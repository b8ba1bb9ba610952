/** Printed as on screen; read: the quotation, then who said it. */
import type { PrintForm } from '../print/print-forms.ts';

export const quotePrint: PrintForm<'quote'> = {
  speech: (block, say) => [...say.blocks(block.blocks), ...say.text(block.cite)],
};
