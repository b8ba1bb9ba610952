/**
 * Labelled graphic / click-to-reveal points (WAI-ARIA APG "Disclosure"): each point is a button
 * with aria-expanded and aria-controls; Enter/Space or a click shows or hides the text right after
 * it. Any number may be open. A point with no text is shown as a plain label, not a button.
 */
import { useTranslation } from 'react-i18next';
import type { BlockProps } from '../BlockScope.ts';
import { useDisclosure } from '../disclosure.ts';
import { BlockIntro } from '../BlockIntro.tsx';
import { DisclosurePanel } from '../DisclosurePanel.tsx';

export function Reveal({ block, idPrefix }: BlockProps<'reveal'>) {
  const { t } = useTranslation();
  const labelId = `${idPrefix}-label`;
  const panelId = (pointId: string) => `${idPrefix}-panel-${pointId}`;
  const interactive = block.points.some((point) => point.blocks.length > 0);
  const { rootRef, isOpen, toggle } = useDisclosure(block.points, panelId);

  return (
    <div className="block reveal" ref={rootRef}>
      <BlockIntro labelId={labelId} label={block.label} instruction={interactive ? t('blocks.reveal.instruction') : undefined} />
      <ol className="reveal-points" aria-labelledby={labelId}>
        {block.points.map((point) => {
          if (!point.blocks.length) {
            return (
              <li className="reveal-point" key={point.id}>
                <span className="reveal-title">{point.title}</span>
              </li>
            );
          }
          const expanded = isOpen(point.id);
          return (
            <li className="reveal-point" key={point.id}>
              <button
                type="button"
                className="reveal-button"
                aria-expanded={expanded}
                aria-controls={panelId(point.id)}
                onClick={() => toggle(point.id)}
              >
                {point.title}
              </button>
              <DisclosurePanel kind="reveal" id={panelId(point.id)} open={expanded} panel={point} idPrefix={idPrefix} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
