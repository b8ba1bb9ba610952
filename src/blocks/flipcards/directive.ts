/** `::::flipcards{label="…"}` with `:::card{front="…"}`: the front is inline Markdown, the body is the back. */
import type { ContainerDirectiveSpec } from '../../pipeline/block-directive.ts';
import strings from './i18n/en.json' with { type: 'json' };

export const flipcardsDirective: ContainerDirectiveSpec<'flipcards'> = {
  kind: 'container',
  child: 'card',
  childAttributes: ['front'],
  requiredChildAttributes: ['front'],
  instruction: strings.instruction,
  compile: ({ label, children, uniqueId }, context) => ({
    type: 'flipcards',
    label,
    cards: children.map(({ attributes, blocks, node }) => ({
      id: uniqueId(attributes.front ?? ''),
      frontHtml: context.inlineAttribute(node, attributes.front ?? ''),
      frontText: context.inlineText(attributes.front ?? ''),
      back: blocks,
    })),
  }),
};
