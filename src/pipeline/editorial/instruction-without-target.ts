/**
 * "Click the buttons on the image below" with no image below: an instruction that names an image,
 * graphic, diagram, video, buttons, cards, tabs, slides or titles below, where nothing of that
 * kind follows in the lesson.
 */
import type { Nodes } from 'mdast';
import { instructions, type TargetKind } from './text.ts';
import { positionOf, type Finding, type LessonRule } from './types.ts';

const DESCRIBED: Record<TargetKind, string> = {
  image: 'image (![alt](file))',
  video: 'video (the player has no video block)',
  reveal: '"::::reveal" block (its points are buttons)',
  flipcards: '"::::flipcards" block',
  tabs: '"::::tabs" block',
  slides: '"::::slides" block',
  accordion: '"::::accordion" block (its items have titles)',
};

/** What, in document order, can answer an instruction. */
function kindOf(node: Nodes): TargetKind | undefined {
  if (node.type === 'image') return 'image';
  if (node.type === 'containerDirective' && ['reveal', 'flipcards', 'tabs', 'slides', 'accordion'].includes(node.name)) {
    return node.name as TargetKind;
  }
  return undefined;
}

export const instructionWithoutTarget: LessonRule = {
  rule: 'instruction-without-target',
  severity: 'warning',
  description: 'an instruction points at an image, video, buttons, cards, tabs, slides or titles "below" that the lesson does not have',
  check({ tree, pieces, lineOffset }) {
    // Every node in document order, with the kind of target it is.
    const order: { kind: TargetKind | undefined; line: number }[] = [];
    const walk = (node: Nodes) => {
      order.push({ kind: kindOf(node), line: positionOf(node, lineOffset).line });
      if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
    };
    walk(tree);
    const findings: Finding[] = [];
    for (const piece of pieces) {
      if (piece.attribute) continue;
      for (const instruction of instructions(piece.text)) {
        const after = new Set(order.filter((o) => o.line > piece.line && o.kind).map((o) => o.kind));
        instruction.targets.forEach((target, i) => {
          if (after.has(target)) return;
          findings.push({
            line: piece.line,
            column: piece.column,
            message: `"${instruction.sentence}" points at the ${instruction.words[i]} below, but no ${DESCRIBED[target]} follows in this lesson; reword or remove the sentence, or add what it describes`,
          });
        });
      }
    }
    return findings;
  },
};
