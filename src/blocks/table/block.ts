/** The compiled `table` block, as the pipeline writes it and the views read it (see src/content/types.ts, `BlockTypes`). */
import type { Html } from '../../content/types.ts';

declare module '../../content/types.ts' {
  interface BlockTypes {
    /** `:::table`: one Markdown table with a caption. */
    table: { type: 'table'; caption: string; headHtml: Html[]; headText: string[]; rowsHtml: Html[][]; rowHeaders: boolean };
  }
}
