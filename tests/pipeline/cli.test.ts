import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFiles } from '../../src/pipeline/json-schema.ts';
import { writeContent } from './fixture.ts';

const tsx = 'node_modules/.bin/tsx';

describe('npm run content:check', () => {
  it('prints a summary and exits 0 on the real course', () => {
    const output = execFileSync(tsx, ['src/pipeline/cli.ts'], { encoding: 'utf8' });
    expect(output).toContain('7 sections, 28 lessons, 5 checks, 22 questions');
    expect(output).toMatch(/ 1\. welcome: \d+ words, \d+ min/);
  });

  it('lists every problem as path:line:column  message  (rule) and exits 1 for another folder', () => {
    const root = writeContent({
      'lessons/02-second.md': '---\nid: second\ntitle: Second\nsummary: S.\n---\n\n:::nope\nx\n:::\n\nSome <b>html</b>.\n',
    });
    const result = spawnSync(tsx, ['src/pipeline/cli.ts', root], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(
      /\/en\/lessons\/02-second\.md:7:1  unknown block "nope"; known blocks: tabs, accordion, flipcards, reveal, slides, compare, quote, callout, table, chart  \(unknown-directive\)$/,
    );
    expect(lines.some((line) => /02-second\.md:11:6  HTML is not allowed.*\(no-html\)$/.test(line))).toBe(true);
    expect(lines.at(-1)).toMatch(/^2 errors found in .*\. Fix each line above, then run this again\.$/);
  });
});

describe('JSON Schema files for editors', () => {
  it('are up to date with the schema in code (run npm run content:schema)', () => {
    for (const [name, text] of Object.entries(jsonSchemaFiles())) {
      expect(readFileSync(`content/schema/${name}`, 'utf8'), name).toBe(text);
    }
  });
});
