/** The compiled `flipcards` block, as the pipeline writes it and the views read it (see src/content/types.ts, `BlockTypes`). */
import type { Block, Html } from '../../content/types.ts';

declare module '../../content/types.ts' {
  interface BlockTypes {
    /** `::::flipcards`: cards with a front (inline HTML) and a back (blocks). */
    flipcards: { type: 'flipcards'; label: string; cards: { id: string; frontHtml: Html; frontText: string; back: Block[] }[] };
  }
}
