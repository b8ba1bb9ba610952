/** What ships: no Markdown parser in the browser, and each lesson body in its own chunk. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileContentFolder } from '../../src/pipeline/compile.ts';

const assets = readdirSync('dist/assets');
const scripts = assets.filter((f) => f.endsWith('.js'));

describe('the production build', () => {
  it('contains no Markdown parser', () => {
    for (const file of scripts) {
      const code = readFileSync(`dist/assets/${file}`, 'utf8');
      expect(code, file).not.toMatch(/micromark|mdast-util|remark-parse|unified\(\)/);
    }
  });

  it('puts every lesson body in its own chunk', () => {
    const course = compileContentFolder('content').courses.en!;
    for (const lesson of course.lessons) {
      expect(scripts.some((f) => f.startsWith(`${lesson.id}-`)), lesson.id).toBe(true);
    }
  });
});
