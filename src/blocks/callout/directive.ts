/** `:::callout{tone="note|important" title="…"}` (tone defaults to note). */
import type { LeafDirectiveSpec } from '../../pipeline/block-directive.ts';

export const calloutDirective: LeafDirectiveSpec<'callout'> = {
  kind: 'leaf',
  attributes: ['tone', 'title'],
  required: [],
  compile(node, content, attributes, context) {
    const tone = attributes.tone ?? 'note';
    if (tone !== 'note' && tone !== 'important') {
      context.report(node, 'unknown-attribute', `callout tone must be "note" or "important", found "${tone}"`);
    }
    return {
      type: 'callout',
      tone: tone === 'important' ? 'important' : 'note',
      ...(attributes.title ? { title: attributes.title } : {}),
      blocks: context.blocks(content),
    };
  },
};
