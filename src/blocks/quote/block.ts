/** The compiled `quote` block, as the pipeline writes it and the views read it (see src/content/types.ts, `BlockTypes`). */
import type { Block } from '../../content/types.ts';

declare module '../../content/types.ts' {
  interface BlockTypes {
    /** `:::quote`: a quotation and who said it. */
    quote: { type: 'quote'; blocks: Block[]; cite: string };
  }
}
