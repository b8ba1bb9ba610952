/** `::::compare{label="…"}` with `:::pair{title="…" say="…" avoid="…"}` rows ("say this, not that"). */
import type { ContainerDirectiveSpec } from '../../pipeline/block-directive.ts';

export const compareDirective: ContainerDirectiveSpec<'compare'> = {
  kind: 'container',
  child: 'pair',
  childAttributes: ['title', 'say', 'avoid'],
  requiredChildAttributes: ['title', 'say', 'avoid'],
  compile: ({ label, children, uniqueId }, context) => ({
    type: 'compare',
    label,
    rows: children.map(({ attributes, blocks, node }) => ({
      id: uniqueId(attributes.title ?? ''),
      title: attributes.title ?? '',
      sayHtml: context.inlineAttribute(node, attributes.say ?? ''),
      avoidHtml: context.inlineAttribute(node, attributes.avoid ?? ''),
      blocks,
    })),
  }),
};
