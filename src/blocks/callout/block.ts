/** The compiled `callout` block, as the pipeline writes it and the views read it (see src/content/types.ts, `BlockTypes`). */
import type { Block } from '../../content/types.ts';

declare module '../../content/types.ts' {
  interface BlockTypes {
    /** `:::callout`: a note or an important point. */
    callout: { type: 'callout'; tone: 'note' | 'important'; title?: string; blocks: Block[] };
  }
}
