/** Printed: each point's title then its text; read the same way, where only points with text are panels. */
import { panelsPrintForm } from '../print/PrintPanels.tsx';

export const revealPrint = panelsPrintForm<'reveal'>((block) => block.points, {
  speech(block, say) {
    // Only points with text have a panel.
    let panels = 0;
    return [
      ...say.text(block.label),
      ...block.points.flatMap((p) => (p.blocks.length ? say.inPanel(panels++, [...say.text(p.title), ...say.blocks(p.blocks)]) : say.text(p.title))),
    ];
  },
});
