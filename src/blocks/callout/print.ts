/** Printed as on screen; read: its title, then its text. */
import type { PrintForm } from '../print/print-forms.ts';

export const calloutPrint: PrintForm<'callout'> = {
  speech: (block, say) => [...say.text(block.title ?? ''), ...say.blocks(block.blocks)],
};
