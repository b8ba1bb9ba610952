/** Printed: each card's front, then its back; read the same way (the back is the card's panel). */
import { useBlockScope, type BlockProps } from '../BlockScope.ts';
import type { PrintForm } from '../print/print-forms.ts';
import { RichText } from '../RichText.tsx';

function PrintFlipCards({ block, idPrefix }: BlockProps<'flipcards'>) {
  const { renderBlocks } = useBlockScope();
  return (
    <div className="block print-panels">
      <p className="block-label">{block.label}</p>
      {block.cards.map((card) => (
        <div className="print-card" key={card.id}>
          <RichText className="print-card-front" html={card.frontHtml} />
          <div className="print-card-back">{renderBlocks(card.back, `${idPrefix}-${card.id}`)}</div>
        </div>
      ))}
    </div>
  );
}

export const flipcardsPrint: PrintForm<'flipcards'> = {
  print: PrintFlipCards,
  speech: (block, say) => [...say.text(block.label), ...block.cards.flatMap((card, i) => [...say.text(card.frontText), ...say.inPanel(i, say.blocks(card.back))])],
};
