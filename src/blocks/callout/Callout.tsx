/**
 * A note set apart from the lesson: `<aside>` named by its visible title, which starts with the
 * tone in words ("Important: Remember"), so the tone never rests on colour alone.
 */
import { useTranslation } from 'react-i18next';
import { useBlockScope, type BlockProps } from '../BlockScope.ts';

export function Callout({ block, idPrefix }: BlockProps<'callout'>) {
  const { t } = useTranslation();
  const { renderBlocks } = useBlockScope();
  const titleId = `${idPrefix}-title`;
  const tone = t(block.tone === 'important' ? 'blocks.callout.important' : 'blocks.callout.note');
  return (
    <aside className={`block callout callout-${block.tone}`} aria-labelledby={titleId}>
      <p className="callout-title" id={titleId}>
        <span className="callout-icon" aria-hidden="true">
          {block.tone === 'important' ? '!' : 'i'}
        </span>
        {block.title ? t('blocks.callout.titled', { tone, title: block.title }) : tone}
      </p>
      {renderBlocks(block.blocks, `${idPrefix}-body`)}
    </aside>
  );
}
