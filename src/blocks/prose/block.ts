/** The compiled `prose` block, as the pipeline writes it and the views read it (see src/content/types.ts, `BlockTypes`). */
import type { Html } from '../../content/types.ts';

declare module '../../content/types.ts' {
  interface BlockTypes {
    /** Paragraphs, lists and headings: the Markdown between blocks, compiled to HTML. */
    prose: { type: 'prose'; html: Html };
  }
}
