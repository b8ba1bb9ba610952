/**
 * What ships: no Markdown parser in the browser, each lesson body in its own chunk, and the byte
 * budgets of the quality-gates issue (gzipped, from the production build).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { assetFiles, firstPageAssets, gzipSize, lessonChunk } from './shipped-bytes.ts';

const DIST = 'dist';
const KIB = 1024;
const course = compileContentFolder('content').courses.en!;
const scripts = assetFiles(DIST, '.js');
const sum = (files: string[]) => files.reduce((total, f) => total + gzipSize(DIST, f), 0);

describe('the production build', () => {
  it('contains no Markdown parser', () => {
    for (const file of scripts) {
      const code = readFileSync(`${DIST}/${file}`, 'utf8');
      expect(code, file).not.toMatch(/micromark|mdast-util|remark-parse|unified\(\)/);
    }
  });

  it("contains none of the blocks' build-time directives (src/blocks/*/directive.ts)", () => {
    // Words only those files hold: the editors' problem messages of the table, callout and chart directives.
    for (const file of scripts) {
      const code = readFileSync(`${DIST}/${file}`, 'utf8');
      expect(/exactly one Markdown table|callout tone must be|chart items go in rank order/.test(code), file).toBe(false);
    }
  });

  it('requests the app only after a pre-rendered page has painted', () => {
    for (const page of ['index.html', `lesson/${course.lessons[0]!.id}/index.html`, '404.html']) {
      const html = readFileSync(`${DIST}/${page}`, 'utf8');
      // No tag the browser would fetch while parsing; the loader adds them after the first paint.
      expect(html, page).not.toMatch(/<script[^>]*\ssrc=|rel="modulepreload"/);
      expect(html, page).toMatch(/<script id="app-loader" data-entry="[^"]+\.js"/);
    }
  });

  it('pre-renders knowledge checks with their answers disabled until the app takes over (nothing typed there is lost)', () => {
    const check = course.lessons.find((l) => l.checkId)!;
    const html = readFileSync(`${DIST}/lesson/${check.id}/index.html`, 'utf8');
    const fieldsets = html.match(/<fieldset class="kc-fieldset"[^>]*>/g) ?? [];
    expect(fieldsets.length).toBeGreaterThan(0);
    for (const tag of fieldsets) expect(tag).toMatch(/ disabled/);
  });

  it('puts every lesson body in its own chunk', () => {
    for (const lesson of course.lessons) expect(() => lessonChunk(DIST, lesson.id), lesson.id).not.toThrow();
  });
});

describe('byte budgets (gzipped)', () => {
  it('needs at most 140 KiB of JavaScript to show the first lesson', () => {
    const first = course.lessons[0]!.id;
    const { js } = firstPageAssets(DIST, `lesson/${first}/index.html`, first);
    // The entry script, what it imports statically (vite.config.ts keeps all of it in one chunk),
    // and the lesson's own chunk.
    expect(js.length).toBeGreaterThanOrEqual(2);
    expect(js).toContain(lessonChunk(DIST, first));
    expect(sum(js), js.join(', ')).toBeLessThanOrEqual(140 * KIB);
  });

  it('keeps the home page within the same 140 KiB', () => {
    const { js } = firstPageAssets(DIST, 'index.html');
    expect(sum(js), js.join(', ')).toBeLessThanOrEqual(140 * KIB);
  });

  it('keeps each lesson chunk within 15 KiB', () => {
    for (const lesson of course.lessons) {
      expect(gzipSize(DIST, lessonChunk(DIST, lesson.id)), lesson.id).toBeLessThanOrEqual(15 * KIB);
    }
  });

  it('keeps all CSS within 20 KiB', () => {
    const css = assetFiles(DIST, '.css');
    expect(css.length).toBeGreaterThan(0);
    expect(sum(css)).toBeLessThanOrEqual(20 * KIB);
  });
});
