/**
 * Accordion (WAI-ARIA APG "Accordion"): each title is a button inside a heading (`<h3>` by default; the level follows the lesson, see `headingLevel`), with
 * aria-expanded and aria-controls. Enter/Space open or close an item (several may be open);
 * ↓/↑ move between titles (wrapping), Home/End go to the first/last title. Closed panels stay in
 * the DOM (hidden) so the printed lesson holds every panel.
 */
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockProps } from '../BlockScope.ts';
import { rovingTarget, useDisclosure } from '../disclosure.ts';
import { BlockIntro } from '../BlockIntro.tsx';
import { DisclosurePanel } from '../DisclosurePanel.tsx';

export function Accordion({ block, idPrefix }: BlockProps<'accordion'>) {
  const { t } = useTranslation();
  const buttonRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const buttonId = (panelId: string) => `${idPrefix}-button-${panelId}`;
  const panelId = (panelId: string) => `${idPrefix}-panel-${panelId}`;
  const { rootRef, isOpen, toggle } = useDisclosure(block.panels, panelId);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next = rovingTarget(event, index, block.panels.length, { previous: 'ArrowUp', next: 'ArrowDown' });
    if (next === undefined) return;
    event.preventDefault();
    buttonRefs.current[next]?.focus();
  };

  const Heading = `h${block.headingLevel ?? 3}` as const;
  return (
    <div className="block accordion" ref={rootRef}>
      <BlockIntro label={block.label} instruction={t('blocks.accordion.instruction')} />
      {block.panels.map((panel, index) => {
        const expanded = isOpen(panel.id);
        return (
          <div className="accordion-item" key={panel.id}>
            <Heading className="accordion-heading">
              <button
                ref={(element) => {
                  buttonRefs.current[index] = element;
                }}
                type="button"
                className="accordion-button"
                id={buttonId(panel.id)}
                aria-expanded={expanded}
                aria-controls={panelId(panel.id)}
                onClick={() => toggle(panel.id)}
                onKeyDown={(event) => onKeyDown(event, index)}
              >
                {panel.title}
              </button>
            </Heading>
            <DisclosurePanel kind="accordion" id={panelId(panel.id)} open={expanded} panel={panel} idPrefix={idPrefix} />
          </div>
        );
      })}
    </div>
  );
}
