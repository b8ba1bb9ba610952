/** An image needs alt text: `![what the image shows](file.png)`. No lesson has images yet. */
import type { Image } from 'mdast';
import { visit } from 'unist-util-visit';
import { positionOf, type Finding, type LessonRule } from './types.ts';

export const imageWithoutAlt: LessonRule = {
  rule: 'image-without-alt',
  severity: 'error',
  description: 'an image has no alt text',
  check({ tree, lineOffset }) {
    const findings: Finding[] = [];
    visit(tree, 'image', (image: Image) => {
      if (image.alt?.trim()) return;
      findings.push({
        ...positionOf(image, lineOffset),
        message: `the image "${image.url}" has no alt text; write what it shows between the brackets: ![what the image shows](${image.url})`,
      });
    });
    return findings;
  },
};
