/**
 * The lesson says "Click the buttons below to learn more" right before a block that already shows
 * its own instruction ("Select each button to learn more."): the learner reads it twice.
 */
import type { Nodes, Parent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { directives } from '../../blocks/directives.ts';
import { instructions } from './text.ts';
import { positionOf, type Finding, type LessonRule } from './types.ts';

/** Blocks that show a built-in instruction, and its (English) words: each block's directive.ts says. */
const HINTS: Record<string, string> = Object.fromEntries(
  Object.entries(directives).flatMap(([name, spec]) => (spec.kind === 'container' && spec.instruction ? [[name, spec.instruction]] : [])),
);

export const duplicateInstruction: LessonRule = {
  rule: 'duplicate-instruction',
  severity: 'warning',
  description: "the lesson repeats the instruction that the block right after it already shows",
  check({ tree, lineOffset }) {
    const findings: Finding[] = [];
    const visit = (parent: Parent) => {
      const children = parent.children as Nodes[];
      children.forEach((node, index) => {
        if ('children' in node) visit(node as Parent);
        if (node.type !== 'containerDirective' || !(node.name in HINTS)) return;
        // The prose since the previous heading or block.
        for (let i = index - 1; i >= 0; i--) {
          const before = children[i]!;
          if (before.type === 'heading' || before.type === 'containerDirective' || before.type === 'leafDirective') break;
          if (before.type !== 'paragraph') continue;
          for (const instruction of instructions(toString(before))) {
            if (!instruction.targets.includes(node.name as never)) continue;
            findings.push({
              ...positionOf(before, lineOffset),
              message: `"${instruction.sentence}" repeats the instruction the ${node.name} block below already shows ("${HINTS[node.name]}"); remove the sentence, or keep only what it adds`,
            });
          }
        }
      });
    };
    visit(tree);
    return findings;
  },
};
