/** A quotation with its attribution: `<figure><blockquote>…</blockquote><figcaption>`. */
import { useBlockScope, type BlockProps } from '../BlockScope.ts';

export function Quote({ block, idPrefix }: BlockProps<'quote'>) {
  const { renderBlocks } = useBlockScope();
  const citeId = `${idPrefix}-cite`;
  return (
    <figure className="block quote" aria-labelledby={citeId}>
      <blockquote className="quote-text">{renderBlocks(block.blocks, `${idPrefix}-quote`)}</blockquote>
      <figcaption className="quote-cite" id={citeId}>
        <span aria-hidden="true">— </span>
        {block.cite}
      </figcaption>
    </figure>
  );
}
