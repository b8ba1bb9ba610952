/**
 * "Say this / not that": one list item per guideline, its title as a heading, then a description
 * list ("Say" → the words to use, "Instead of" → the words to avoid) that reads the same in a
 * screen reader and stacks on narrow screens, then the explanation.
 */
import { useTranslation } from 'react-i18next';
import type { Html } from '../../content/types.ts';
import { useBlockScope, type BlockProps } from '../BlockScope.ts';
import { RichText } from '../RichText.tsx';

export function Compare({ block, idPrefix }: BlockProps<'compare'>) {
  const { t } = useTranslation();
  const { renderBlocks } = useBlockScope();
  const labelId = `${idPrefix}-label`;
  return (
    <div className="block compare">
      <p className="block-label" id={labelId}>
        {block.label}
      </p>
      <ul className="compare-list" aria-labelledby={labelId}>
        {block.rows.map((row) => (
          <li className="compare-row" key={row.id}>
            <h3 className="compare-title">{row.title}</h3>
            <dl className="compare-pair">
              <CompareSide className="compare-say" icon="✓" term={t('blocks.compare.say')} html={row.sayHtml} />
              <CompareSide className="compare-avoid" icon="✗" term={t('blocks.compare.avoid')} html={row.avoidHtml} />
            </dl>
            {row.blocks.length > 0 && renderBlocks(row.blocks, `${idPrefix}-${row.id}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function CompareSide({ className, icon, term, html }: { className: string; icon: string; term: string; html: Html }) {
  return (
    <div className={className}>
      <dt>
        <span className="compare-icon" aria-hidden="true">
          {icon}
        </span>
        {term}
      </dt>
      <dd>
        <RichText as="span" html={html} />
      </dd>
    </div>
  );
}
