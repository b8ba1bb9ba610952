/**
 * The lesson says "Click the buttons below to learn more" right before a block that already shows
 * its own instruction ("Select each button to learn more."): the learner reads it twice.
 */
import type { Nodes, Parent } from 'mdast';
import blockStrings from '../../blocks/i18n/en.json' with { type: 'json' };
import { toString } from 'mdast-util-to-string';
import { instructions } from './text.ts';
import { positionOf, type Finding, type LessonRule } from './types.ts';

/** Blocks that show a built-in instruction, and its (English) words. */
const HINTS: Record<string, string> = {
  tabs: blockStrings.tabs.instruction,
  accordion: blockStrings.accordion.instruction,
  flipcards: blockStrings.flipcards.instruction,
  reveal: blockStrings.reveal.instruction,
  slides: blockStrings.slides.instruction,
};

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
