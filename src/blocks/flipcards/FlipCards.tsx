/**
 * Flip cards: each card is a toggle button (aria-pressed) named by its front text. Enter/Space or a
 * click turns it over; its back follows the button in reading order and is hidden from everyone
 * (sighted, screen reader, keyboard) until the card is turned. The button keeps its place and its
 * focus ring while the back shows, so the card can always be turned back. The 3-D turn is CSS only
 * and only when the learner has not asked for reduced motion.
 */
import { useTranslation } from 'react-i18next';
import { useBlockScope, type BlockProps } from '../BlockScope.ts';
import { RichText } from '../RichText.tsx';
import { useDisclosure } from '../disclosure.ts';
import { BlockIntro } from '../BlockIntro.tsx';

export function FlipCards({ block, idPrefix }: BlockProps<'flipcards'>) {
  const { t } = useTranslation();
  const { renderBlocks } = useBlockScope();
  const labelId = `${idPrefix}-label`;
  const backId = (cardId: string) => `${idPrefix}-back-${cardId}`;
  const { rootRef, isOpen: isTurned, toggle: turnOver } = useDisclosure(block.cards, backId);

  return (
    <div className="block flipcards" ref={rootRef}>
      <BlockIntro labelId={labelId} label={block.label} instruction={t('blocks.flipcards.instruction')} />
      <ul className="flipcards-list" aria-labelledby={labelId}>
        {block.cards.map((card) => {
          const over = isTurned(card.id);
          return (
            <li className="flipcard" key={card.id} data-turned={over || undefined}>
              <button
                type="button"
                className="flipcard-button"
                aria-pressed={over}
                aria-controls={backId(card.id)}
                // Named by its front (its only visible text, WCAG 2.5.3), even while turned and the
                // front is hidden; the block's instruction says how to turn it.
                aria-label={card.frontText}
                onClick={() => turnOver(card.id)}
              >
                <span className="flipcard-face flipcard-front">
                  <RichText as="span" className="flipcard-front-text" id={`${idPrefix}-front-${card.id}`} html={card.frontHtml} />
                </span>
              </button>
              <div className="block-panel flipcard-face flipcard-back" id={backId(card.id)} hidden={!over}>
                {renderBlocks(card.back, `${idPrefix}-${card.id}`)}
                <span className="flipcard-hint" aria-hidden="true">
                  {t('blocks.flipcards.turnBack')}
                </span>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
