/** The compiled `accordion` block, as the pipeline writes it and the views read it (see src/content/types.ts, `BlockTypes`). */
import type { HeadingLevel, Panel } from '../../content/types.ts';

declare module '../../content/types.ts' {
  interface BlockTypes {
    /** `::::accordion`. `headingLevel`: the level of the item titles, one below the heading before the block (default 3). */
    accordion: { type: 'accordion'; label: string; headingLevel?: HeadingLevel; panels: Panel[] };
  }
}
