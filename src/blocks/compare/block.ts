/** The compiled `compare` block, as the pipeline writes it and the views read it (see src/content/types.ts, `BlockTypes`). */
import type { Block, Html } from '../../content/types.ts';

declare module '../../content/types.ts' {
  interface BlockTypes {
    /** `::::compare`: "say this / not that" language comparison. */
    compare: {
      type: 'compare';
      label: string;
      rows: { id: string; title: string; sayHtml: Html; avoidHtml: Html; blocks: Block[] }[];
    };
  }
}
