/** `:::quote{cite="…"}`: the quoted Markdown, and who said it. */
import type { LeafDirectiveSpec } from '../../pipeline/block-directive.ts';

export const quoteDirective: LeafDirectiveSpec<'quote'> = {
  kind: 'leaf',
  attributes: ['cite'],
  required: ['cite'],
  compile: (_node, content, attributes, context) => ({ type: 'quote', cite: attributes.cite ?? '', blocks: context.blocks(content) }),
};
