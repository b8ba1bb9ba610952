/**
 * The directive registry (src/blocks/directives.ts) drives what the pipeline tells editors about
 * every block alike, so a block added there is named and checked like the others.
 */
import { describe, expect, it } from 'vitest';
import { directives } from '../../src/blocks/directives.ts';
import { compileLessonMarkdown } from '../../src/pipeline/markdown.ts';
import type { Problem } from '../../src/pipeline/problems.ts';

function compile(body: string) {
  const problems: Problem[] = [];
  const { blocks } = compileLessonMarkdown('lesson.md', body, 0, problems);
  return { blocks, problems };
}

const containers = Object.entries(directives).flatMap(([name, spec]) => (spec.kind === 'container' ? [{ name, spec }] : []));

describe('every block directive', () => {
  it('is listed, in registry order, when a directive is unknown', () => {
    const { problems } = compile(':::nosuchblock\nText\n:::\n');
    expect(problems.map((p) => p.message)).toEqual([`unknown block "nosuchblock"; known blocks: ${Object.keys(directives).join(', ')}`]);
  });

  it.each(containers)('::::$name sends its child directive back inside it when written on its own', ({ name, spec }) => {
    const { problems } = compile(`:::${spec.child}{title="T"}\nText\n:::\n`);
    expect(problems).toContainEqual(
      expect.objectContaining({ rule: 'misplaced-directive', message: `":::${spec.child}" only goes inside a "::::${name}" block (with four colons)` }),
    );
  });

  it.each(containers)('::::$name with no child is reported empty and compiles to nothing', ({ name, spec }) => {
    const { blocks, problems } = compile(`::::${name}{label="L"}\n::::\n`);
    expect(blocks).toEqual([]);
    expect(problems).toContainEqual(expect.objectContaining({ rule: 'empty-block', message: `"::::${name}" has no ":::${spec.child}" inside; add at least one` }));
  });

  it.each(containers)('::::$name compiles to a block of its own type holding its child', ({ name, spec }) => {
    const attributes = spec.childAttributes.map((attribute) => `${attribute}="A"`).join(' ');
    const { blocks, problems } = compile(`::::${name}{label="L"}\n:::${spec.child}{${attributes}}\nText\n:::\n::::\n`);
    expect(problems).toEqual([]);
    expect(blocks.map((block) => block.type)).toEqual([name]);
    expect(JSON.stringify(blocks)).toContain('<p>Text</p>');
  });
});
