/** The compiled `chart` block, as the pipeline writes it and the views read it (see src/content/types.ts, `BlockTypes`). */
import type { Block } from '../../content/types.ts';

declare module '../../content/types.ts' {
  interface BlockTypes {
    /** `:::chart`: only figures the source states; items without a value are shown ranked, without a bar. */
    chart: {
      type: 'chart';
      label: string;
      unit: 'percent';
      /** In rank order; `rank` (default: position) is shared by tied items (1, 2, 3, 4, 4, 4). */
      items: { label: string; value?: number; rank?: number; tied?: boolean }[];
      blocks: Block[];
    };
  }
}
