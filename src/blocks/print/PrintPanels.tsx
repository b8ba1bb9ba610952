/**
 * The printed form of blocks made of titled panels (tabs, accordion, reveal, slides): headed
 * sections one after another, all open, and their reading order (label, then each panel's title
 * and content).
 */
import type { Panel } from '../../content/types.ts';
import { useBlockScope, type BlockProps } from '../BlockScope.ts';
import type { PrintForm } from './print-forms.ts';
import type { BlockSpeechPart, SpeechKit } from './print-order.ts';

interface PrintPanelsProps {
  label: string;
  panels: Panel[];
  idPrefix: string;
  numbered?: boolean;
}

function PrintPanels({ label, panels, idPrefix, numbered = false }: PrintPanelsProps) {
  const { renderBlocks } = useBlockScope();
  return (
    <div className="block print-panels">
      <p className="block-label">{label}</p>
      {panels.map((panel, index) => (
        <section className="print-panel" key={panel.id} aria-labelledby={`${idPrefix}-title-${panel.id}`}>
          <h4 className="print-panel-title" id={`${idPrefix}-title-${panel.id}`}>
            {numbered ? `${index + 1}. ${panel.title}` : panel.title}
          </h4>
          {panel.blocks.length > 0 && renderBlocks(panel.blocks, `${idPrefix}-${panel.id}`)}
        </section>
      ))}
    </div>
  );
}

type PanelBlockType = 'tabs' | 'accordion' | 'reveal' | 'slides';

/** Every panel is one the page may open: the n-th panel of the block. */
export function panelSpeech(label: string, panels: Panel[], say: SpeechKit): BlockSpeechPart[] {
  return [...say.text(label), ...panels.flatMap((p, i) => say.inPanel(i, [...say.text(p.title), ...say.blocks(p.blocks)]))];
}

/** The print form of a panel block whose panels are `panelsOf(block)`. */
export function panelsPrintForm<T extends PanelBlockType>(
  panelsOf: (block: BlockProps<T>['block']) => Panel[],
  options: { numbered?: boolean; speech?: PrintForm<T>['speech'] } = {},
): PrintForm<T> {
  // Every panel block has a label; TypeScript cannot see that through the generic `Extract`.
  const labelOf = (block: BlockProps<T>['block']) => (block as { label: string }).label;
  return {
    print: ({ block, idPrefix }) => <PrintPanels label={labelOf(block)} panels={panelsOf(block)} idPrefix={idPrefix} numbered={options.numbered ?? false} />,
    speech: options.speech ?? ((block, say) => panelSpeech(labelOf(block), panelsOf(block), say)),
  };
}

