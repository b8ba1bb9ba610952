// @vitest-environment jsdom
/**
 * jsdom does not lay out pages, so these checks read the blocks' CSS for the promises the blocks make
 * that only CSS can keep: reduced motion, print, focus, sizes and the theme variables.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/** blocks.css (the shared rules) and then each block's own (src/blocks/<type>/<type>.css), as the bundle orders them. */
const blocksDir = path.resolve(import.meta.dirname, '../../src/blocks');
const ownCss = readdirSync(blocksDir, { withFileTypes: true })
  .filter((entry) => existsSync(path.join(blocksDir, entry.name, 'block.ts')) && existsSync(path.join(blocksDir, entry.name, `${entry.name}.css`)))
  .map((entry) => path.join(blocksDir, entry.name, `${entry.name}.css`));
const css = [path.join(blocksDir, 'blocks.css'), ...ownCss].map((file) => readFileSync(file, 'utf8')).join('\n');

/** The body of the first at-rule whose prelude matches (balanced braces). */
function atRule(prelude: RegExp): string {
  const match = prelude.exec(css);
  if (!match) return '';
  let depth = 0;
  const start = css.indexOf('{', match.index);
  for (let i = start; i < css.length; i++) {
    if (css[i] === '{') depth++;
    if (css[i] === '}' && --depth === 0) return css.slice(start + 1, i);
  }
  return '';
}

describe('blocks.css', () => {
  it('turns cards in 3-D only for learners who have not asked for reduced motion', () => {
    const motion = atRule(/@media \(prefers-reduced-motion: no-preference\)/);
    expect(motion).toMatch(/rotateY/);
    expect(css.replace(motion, '')).not.toMatch(/rotateY|transition: (?!none)/);
    expect(atRule(/@media \(prefers-reduced-motion: reduce\)/)).toMatch(/transition: none[\s\S]*animation: none/);
  });

  it('prints every panel, card back and slide open, without the controls', () => {
    const print = atRule(/@media print/);
    expect(print).toMatch(/\.block-panel\[hidden\][\s\S]*display: block !important/);
    expect(print).toMatch(/\.flipcard-back\[hidden\]/);
    expect(print).toMatch(/\.tabs-list[\s\S]*\.slides-controls[\s\S]*display: none/);
  });

  it('shows focus with a thick outline in the focus colour', () => {
    expect(css).toMatch(/:focus-visible \{\s*outline: 3px solid var\(--color-focus/);
  });

  it('keeps text at least 16px and touch targets at least 44px', () => {
    for (const [, size] of css.matchAll(/font-size: ([^;]+);/g)) {
      expect(size, size).toMatch(/^(max\(1rem, 16px\)|1(\.\d+)?rem|1\.5rem)$/);
    }
    expect(css).toMatch(/min-block-size: 2\.75rem;\s*min-inline-size: 2\.75rem;/);
  });

  it('uses only the app theme variables, always with a fallback', () => {
    const known = ['--color-text', '--color-muted', '--color-bg', '--color-surface', '--color-border', '--color-accent', '--color-accent-contrast', '--color-focus', '--radius', '--space'];
    for (const [, name, fallback] of css.matchAll(/var\((--[\w-]+)(,[^)]+)?\)/g)) {
      expect(known).toContain(name);
      expect(fallback, name).toBeTruthy();
    }
  });

  it('stays small', () => {
    expect(gzipSync(css).length).toBeLessThan(4 * 1024);
  });
});
