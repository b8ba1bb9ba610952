/**
 * Links in content can never run script: every form a `javascript:` (or other non-web) link can
 * take in Markdown is a content error with file:line (rule `unsafe-link`), in lessons and in the
 * Markdown of check JSON (prompts, options, feedback). `http:` links are a warning. External
 * links open in a new tab without handing over the course window.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { checkLink } from '../../src/pipeline/links.ts';
import { isError, type Problem } from '../../src/pipeline/problems.ts';
import { validCheck, validLessons, withChanges, writeContent } from './fixture.ts';

const lesson1 = validLessons['lessons/01-first.md']!;
const lessonFile = path.join('en', 'lessons/01-first.md');
const checkFile = path.join('en', 'checks/03-quiz.json');

function compile(overrides: Record<string, string>) {
  const root = writeContent(overrides);
  return compileContentFolder(root, root);
}

function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not in text`);
  return index + 1;
}

function unsafe(problems: Problem[], file: string): Problem[] {
  return problems.filter((p) => p.file === file && p.rule === 'unsafe-link');
}

/** Each form of an unsafe link, as an editor (or an attacker) could write it in Markdown. */
const lessonForms: Array<[string, string, string]> = [
  ['inline', 'Click [here](javascript:alert(1)).', 'Click'],
  ['inline, any letter case', 'Click [here](JaVaScRiPt:alert(1)).', 'Click'],
  ['autolink', 'Click <javascript:alert(1)>.', 'Click'],
  ['reference definition', 'Click [here][evil].\n\n[evil]: javascript:alert(1)', '[evil]:'],
  ['entity-encoded', 'Click [here](&#106;avascript:alert(1)).', 'Click'],
  ['hex-entity-encoded scheme', 'Click [here](&#x6A;&#x61;vascript:alert(1)).', 'Click'],
  ['tab inside the scheme', 'Click [here](java&#9;script:alert(1)).', 'Click'],
  ['newline inside the scheme', 'Click [here](java&#10;script:alert(1)).', 'Click'],
  ['leading control character and space', 'Click [here](<&#1; javascript:alert(1)>).', 'Click'],
  ['data: URL', 'Click [here](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==).', 'Click'],
  ['vbscript:', 'Click [here](vbscript:msgbox(1)).', 'Click'],
  ['image', 'An image ![x](javascript:alert(1)).', 'image'],
  ['relative address', 'Click [here](../../evil.html).', 'Click'],
  ['protocol-relative address', 'Click [here](//evil.example/x).', 'Click'],
];

describe('unsafe links in lessons', () => {
  it.each(lessonForms)('%s is a content error at its line', (_, markdown, needle) => {
    const text = `${lesson1}\n${markdown}\n`;
    const { problems } = compile({ 'lessons/01-first.md': text });
    const found = unsafe(problems, lessonFile);
    expect(found, problems.map((p) => `${p.line} ${p.rule} ${p.message}`).join('\n')).toHaveLength(1);
    expect(found[0]!.line).toBe(lineOf(text, needle));
    expect(found[0]!.severity).toBeUndefined();
    expect(problems.filter(isError).length).toBeGreaterThan(0);
  });

  it('names the scheme it refused', () => {
    const { problems } = compile({ 'lessons/01-first.md': `${lesson1}\n[x](JAVASCRIPT:alert(1))\n` });
    expect(unsafe(problems, lessonFile)[0]!.message).toMatch(/"javascript:" scheme is not allowed/);
  });

  it('never writes a refused link into the compiled HTML', () => {
    const root = writeContent({ 'lessons/01-first.md': `${lesson1}\n[x](&#106;avascript:alert(1))\n` });
    const body = JSON.stringify(compileContentFolder(root, root).lessonBodies.en?.first ?? {});
    expect(body.toLowerCase()).not.toContain('javascript');
  });
});

describe('unsafe links in check JSON', () => {
  const places: Array<[string, (c: typeof validCheck, link: string) => void]> = [
    ['a prompt', (c, link) => (c.questions[0]!.prompt = `Which is [right](${link})?`)],
    ['an option', (c, link) => (c.questions[0]!.options![0]!.text = `This [one](${link})`)],
    ['option feedback', (c, link) => (c.questions[0]!.options![0]!.feedback = `See [this](${link}).`)],
    ['question feedback', (c, link) => (c.questions[0]!.feedback.incorrect = `See [this](${link}).`)],
  ];
  it.each(places)('in %s, as an inline, upper-case or entity-encoded link', (_, place) => {
    for (const link of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', '&#106;avascript:alert(1)']) {
      const text = JSON.stringify(withChanges(validCheck, (c) => place(c, link)), null, 2);
      const { problems } = compile({ 'checks/03-quiz.json': text });
      const found = unsafe(problems, checkFile);
      expect(found, link).toHaveLength(1);
      expect(found[0]!.line).toBe(lineOf(text, 'alert(1)'));
    }
  });

  it('as an autolink in a prompt', () => {
    const text = JSON.stringify(withChanges(validCheck, (c) => (c.questions[0]!.prompt = 'Which <javascript:alert(1)>?')), null, 2);
    expect(unsafe(compile({ 'checks/03-quiz.json': text }).problems, checkFile)).toHaveLength(1);
  });
});

describe('allowed links', () => {
  it('https, mailto, tel, lesson and fragment links pass', () => {
    const text = `${lesson1}\n[a](https://example.org/x) [b](mailto:someone@example.org) [c](tel:+15555550100) [d](#top) [e](LESSON:second)\n`;
    const { problems } = compile({ 'lessons/01-first.md': text });
    expect(problems).toEqual([]);
  });

  it('an http: link is a warning (content:check passes, the build goes on)', () => {
    const text = `${lesson1}\nSee [the site](http://example.org/page).\n`;
    const { problems } = compile({ 'lessons/01-first.md': text });
    expect(problems.filter(isError)).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({ file: lessonFile, line: lineOf(text, 'the site'), rule: 'http-link', severity: 'warning' }),
    ]);
  });

  it('external links open in a new tab, without opener or referrer, with a note for screen readers', () => {
    const root = writeContent({ 'lessons/01-first.md': `${lesson1}\nSee [the site](https://example.org/page).\n` });
    const html = JSON.stringify(compileContentFolder(root, root).lessonBodies.en!.first!.blocks);
    expect(html).toContain(
      '<a href=\\"https://example.org/page\\" target=\\"_blank\\" rel=\\"noopener noreferrer\\">the site<span class=\\"visually-hidden new-tab-note\\"></span></a>',
    );
  });

  it('the real course has no unsafe or http links', () => {
    const { problems } = compileContentFolder('content');
    expect(problems.filter((p) => p.rule === 'unsafe-link' || p.rule === 'http-link')).toEqual([]);
  });
});

describe('checkLink reads a URL as a browser does', () => {
  it.each([
    ['  javascript:alert(1)', false],
    ['\u0000javascript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['java\nscript:alert(1)', false],
    ['jav\rascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    ['javascript&colon;alert(1)', false],
    [' https://example.org ', true],
    ['HTTPS://example.org', true],
    ['#fn-1', true],
  ])('%j → allowed: %s', (url, allowed) => {
    expect(checkLink(url).ok).toBe(allowed);
  });
});
