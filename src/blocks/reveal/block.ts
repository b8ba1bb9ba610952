/** The compiled `reveal` block, as the pipeline writes it and the views read it (see src/content/types.ts, `BlockTypes`). */
import type { Panel } from '../../content/types.ts';

declare module '../../content/types.ts' {
  interface BlockTypes {
    /** `::::reveal`: labelled graphic / click-to-reveal points. */
    reveal: { type: 'reveal'; label: string; points: Panel[] };
  }
}
