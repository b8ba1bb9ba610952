/** The compiled `slides` block, as the pipeline writes it and the views read it (see src/content/types.ts, `BlockTypes`). */
import type { HeadingLevel, Panel } from '../../content/types.ts';

declare module '../../content/types.ts' {
  interface BlockTypes {
    /** `::::slides`: a carousel, one slide at a time. */
    slides: { type: 'slides'; label: string; headingLevel?: HeadingLevel; slides: Panel[] };
  }
}
