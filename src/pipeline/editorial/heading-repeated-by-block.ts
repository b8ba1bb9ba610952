/**
 * "## Language matters" followed by a block labelled "Language matters": the learner (and a screen
 * reader) meets the same words twice. A paragraph that is only bold text counts as a heading.
 */
import type { Nodes, Parent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { comparable } from './text.ts';
import { positionOf, type Finding, type LessonRule } from './types.ts';

const LABELS = ['label', 'caption', 'title'];

function headingText(node: Nodes): string | undefined {
  if (node.type === 'heading') return toString(node);
  if (node.type === 'paragraph' && node.children.length === 1 && (node.children[0]!.type === 'strong' || node.children[0]!.type === 'emphasis')) {
    return toString(node);
  }
  return undefined;
}

export const headingRepeatedByBlock: LessonRule = {
  rule: 'heading-repeated-by-block',
  severity: 'warning',
  description: 'a heading is repeated word for word by the label of the block right after it',
  check({ tree, lineOffset }) {
    const findings: Finding[] = [];
    const visit = (parent: Parent) => {
      const children = (parent.children as Nodes[]).filter((node) => node.type !== 'html');
      children.forEach((node, index) => {
        if ('children' in node) visit(node as Parent);
        const heading = headingText(node);
        const next = children[index + 1];
        if (heading === undefined || next?.type !== 'containerDirective') return;
        for (const name of LABELS) {
          const label = next.attributes?.[name];
          if (label && comparable(label) === comparable(heading)) {
            findings.push({
              ...positionOf(node, lineOffset),
              message: `the heading "${heading.trim()}" is repeated by the ${name} of the "${next.name}" block right after it; remove the heading or give the block a label that adds something`,
            });
            return;
          }
        }
      });
    };
    visit(tree);
    return findings;
  },
};
