/** The compiled `tabs` block, as the pipeline writes it and the views read it (see src/content/types.ts, `BlockTypes`). */
import type { Panel } from '../../content/types.ts';

declare module '../../content/types.ts' {
  interface BlockTypes {
    /** `::::tabs`: panels behind a row of tabs. */
    tabs: { type: 'tabs'; label: string; panels: Panel[] };
  }
}
