import type { Panel } from '../content/types.ts';
import { useBlockScope } from './BlockScope.ts';

/**
 * The blocks a disclosure button opens (accordion, reveal). Closed, it stays in the DOM, hidden,
 * so print CSS can show it and a footnote's back link can open it (src/blocks/README.md).
 */
export function DisclosurePanel({ kind, id, open, panel, idPrefix }: { kind: string; id: string; open: boolean; panel: Panel; idPrefix: string }) {
  const { renderBlocks } = useBlockScope();
  return (
    <div className={`block-panel ${kind}-panel`} id={id} hidden={!open}>
      {renderBlocks(panel.blocks, `${idPrefix}-${panel.id}`)}
    </div>
  );
}
