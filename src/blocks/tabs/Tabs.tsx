/**
 * Tabs (WAI-ARIA APG "Tabs with automatic activation"): one tab stop for the tab list (roving
 * tabindex); ←/→ move to the previous/next tab and show its panel (wrapping at the ends), Home/End
 * go to the first/last tab. Each panel is labelled by its tab. Hidden panels stay in the DOM so the
 * printed lesson holds every panel.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlockScope, type BlockProps } from '../BlockScope.ts';
import { rovingTarget } from '../disclosure.ts';
import { useRevealRequests } from '../revealRequest.ts';
import { BlockIntro } from '../BlockIntro.tsx';

export function Tabs({ block, idPrefix }: BlockProps<'tabs'>) {
  const { t } = useTranslation();
  const { renderBlocks } = useBlockScope();
  const [chosen, setChosen] = useState(0);
  const selected = Math.min(chosen, block.panels.length - 1);
  const rootRef = useRef<HTMLDivElement>(null);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const labelId = `${idPrefix}-label`;
  const tabId = (panelId: string) => `${idPrefix}-tab-${panelId}`;
  const panelId = (panelId: string) => `${idPrefix}-panel-${panelId}`;
  useRevealRequests(rootRef, block.panels.map((panel) => panelId(panel.id)), setChosen);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next = rovingTarget(event, index, block.panels.length, { previous: 'ArrowLeft', next: 'ArrowRight' });
    if (next === undefined) return;
    event.preventDefault();
    setChosen(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <div className="block tabs" ref={rootRef}>
      <BlockIntro labelId={labelId} label={block.label} instruction={t('blocks.tabs.instruction')} />
      <div className="tabs-list" role="tablist" aria-labelledby={labelId}>
        {block.panels.map((panel, index) => (
          <button
            key={panel.id}
            ref={(element) => {
              tabRefs.current[index] = element;
            }}
            type="button"
            role="tab"
            className="tabs-tab"
            id={tabId(panel.id)}
            aria-selected={index === selected}
            aria-controls={panelId(panel.id)}
            tabIndex={index === selected ? 0 : -1}
            onClick={() => setChosen(index)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {panel.title}
          </button>
        ))}
      </div>
      {block.panels.map((panel, index) => (
        <div
          key={panel.id}
          role="tabpanel"
          className="block-panel tabs-panel"
          id={panelId(panel.id)}
          aria-labelledby={tabId(panel.id)}
          tabIndex={0}
          hidden={index !== selected}
        >
          <p className="print-only panel-title">{panel.title}</p>
          {renderBlocks(panel.blocks, `${idPrefix}-${panel.id}`)}
        </div>
      ))}
    </div>
  );
}
