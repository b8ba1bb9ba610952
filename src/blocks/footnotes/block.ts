/** The compiled `footnotes` block, as the pipeline writes it and the views read it (see src/content/types.ts, `BlockTypes`). */
import type { Html } from '../../content/types.ts';

declare module '../../content/types.ts' {
  interface BlockTypes {
    /** The lesson's footnotes (GFM `[^1]` definitions), gathered at its end. */
    footnotes: { type: 'footnotes'; notes: { id: string; label: string; html: Html }[] };
  }
}
