import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/content/types.ts';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import type { Problem } from '../../src/pipeline/problems.ts';
import { validCheck, validCourse, validLessons, withChanges, writeContent } from './fixture.ts';

function problemsFor(overrides: Record<string, string | null>): { root: string; problems: Problem[] } {
  const root = writeContent(overrides);
  return { root, problems: compileContentFolder(root, root).problems };
}

/** 1-based line of the first line containing `needle`, so tests pin real positions without magic numbers. */
function lineOf(text: string, needle: string, occurrence = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  const index = lines.findIndex((line) => line.includes(needle) && ++seen === occurrence);
  if (index < 0) throw new Error(`"${needle}" not in text`);
  return index + 1;
}

function expectProblem(problems: Problem[], expected: { file: string; line: number; rule: Problem['rule']; message?: RegExp }) {
  const match = problems.find(
    (p) => p.file === path.join('en', expected.file) && p.rule === expected.rule && (!expected.message || expected.message.test(p.message)),
  );
  expect(match, `no ${expected.rule} problem in ${expected.file}; got:\n${problems.map((p) => `${p.file}:${p.line} ${p.rule} ${p.message}`).join('\n')}`).toBeDefined();
  expect(match!.line).toBe(expected.line);
  if (expected.message) expect(match!.message).toMatch(expected.message);
}

const lesson1 = validLessons['lessons/01-first.md']!;
const json = (value: unknown) => JSON.stringify(value, null, 2);

describe('the fixture content', () => {
  it('is valid, so each test below breaks exactly one thing', () => {
    expect(problemsFor({}).problems).toEqual([]);
  });
});

describe('content problems are reported with file, line and rule', () => {
  it('invalid JSON, at the position of the mistake', () => {
    const text = json(validCourse).replace('"estimatedMinutes": 5,', '"estimatedMinutes": 5,,');
    const { problems } = problemsFor({ 'course.json': text });
    expectProblem(problems, { file: 'course.json', line: lineOf(text, ',,'), rule: 'invalid-json', message: /invalid JSON/ });
  });

  it('invalid YAML front matter', () => {
    const text = lesson1.replace('title: The first lesson', 'title: [The first lesson');
    const { problems } = problemsFor({ 'lessons/01-first.md': text });
    expect(problems.some((p) => p.rule === 'invalid-yaml' && p.file === path.join('en', 'lessons/01-first.md'))).toBe(true);
  });

  it('a missing front-matter field names the field', () => {
    const text = lesson1.replace('summary: Where it starts.\n', '');
    const { problems } = problemsFor({ 'lessons/01-first.md': text });
    expectProblem(problems, { file: 'lessons/01-first.md', line: 2, rule: 'schema', message: /"summary" is missing/ });
  });

  it('a misspelt front-matter field, at its line', () => {
    const text = lesson1.replace('summary:', 'sumary:');
    const { problems } = problemsFor({ 'lessons/01-first.md': text });
    expectProblem(problems, { file: 'lessons/01-first.md', line: lineOf(text, 'sumary'), rule: 'schema', message: /unknown field "sumary"/ });
  });

  it('a wrong front-matter value', () => {
    const text = lesson1.replace('id: first', 'id: First Lesson');
    const { problems } = problemsFor({ 'lessons/01-first.md': text });
    expectProblem(problems, { file: 'lessons/01-first.md', line: 2, rule: 'schema', message: /lowercase/ });
  });

  it('no front matter at all', () => {
    const { problems } = problemsFor({ 'lessons/01-first.md': 'Just text.\n' });
    expectProblem(problems, { file: 'lessons/01-first.md', line: 1, rule: 'missing-front-matter' });
  });

  it('an unknown block', () => {
    const text = `${lesson1}\n:::video{src="x"}\nA video.\n:::\n`;
    const { problems } = problemsFor({ 'lessons/01-first.md': text });
    expectProblem(problems, { file: 'lessons/01-first.md', line: lineOf(text, ':::video'), rule: 'unknown-directive', message: /unknown block "video"; known blocks: tabs/ });
  });

  it('an unknown block attribute', () => {
    const text = lesson1.replace('::::tabs{label="Two tabs"}', '::::tabs{label="Two tabs" colour="red"}');
    const { problems } = problemsFor({ 'lessons/01-first.md': text });
    expectProblem(problems, { file: 'lessons/01-first.md', line: lineOf(text, '::::tabs'), rule: 'unknown-attribute', message: /"tabs" has no attribute "colour"/ });
  });

  it('a required attribute left out', () => {
    const text = `${lesson1}\n:::quote\nWords.\n:::\n`;
    const { problems } = problemsFor({ 'lessons/01-first.md': text });
    expectProblem(problems, { file: 'lessons/01-first.md', line: lineOf(text, ':::quote'), rule: 'missing-attribute', message: /cite="…"/ });
  });

  it('a child block outside its container', () => {
    const text = `${lesson1}\n:::tab{title="Lost"}\nText.\n:::\n`;
    const { problems } = problemsFor({ 'lessons/01-first.md': text });
    expectProblem(problems, { file: 'lessons/01-first.md', line: lineOf(text, 'Lost'), rule: 'misplaced-directive', message: /only goes inside a "::::tabs"/ });
  });

  it('raw HTML', () => {
    const text = `${lesson1}\nSome <b>bold</b> text.\n`;
    const { problems } = problemsFor({ 'lessons/01-first.md': text });
    expectProblem(problems, { file: 'lessons/01-first.md', line: lineOf(text, '<b>'), rule: 'no-html' });
  });

  it('allows HTML comments as editor notes and drops them', () => {
    const text = `${lesson1}\n<!-- editor: source is cut off here -->\n`;
    const root = writeContent({ 'lessons/01-first.md': text });
    const content = compileContentFolder(root, root);
    expect(content.problems).toEqual([]);
    expect(JSON.stringify(content.lessonBodies.en!.first)).not.toContain('editor:');
  });

  it('a level-one heading inside a lesson', () => {
    const text = `${lesson1}\n# Another title\n`;
    const { problems } = problemsFor({ 'lessons/01-first.md': text });
    expectProblem(problems, { file: 'lessons/01-first.md', line: lineOf(text, '# Another'), rule: 'heading-level' });
  });

  it('duplicate lesson ids', () => {
    const { problems } = problemsFor({ 'lessons/04-copy.md': lesson1 });
    expectProblem(problems, { file: 'lessons/04-copy.md', line: 2, rule: 'duplicate-id', message: /already used by en\/lessons\/01-first.md/ });
  });

  it('a lesson in course.json with no file', () => {
    const text = json(withChanges(validCourse, (c) => c.sections[0]!.lessons.push('missing')));
    const { problems } = problemsFor({ 'course.json': text });
    expectProblem(problems, { file: 'course.json', line: lineOf(text, '"missing"'), rule: 'missing-lesson-file', message: /add lessons\/NN-missing.md/ });
  });

  it('a lesson file in no section', () => {
    const text = lesson1.replace('id: first', 'id: orphan');
    const { problems } = problemsFor({ 'lessons/05-orphan.md': text });
    expectProblem(problems, { file: 'lessons/05-orphan.md', line: 2, rule: 'lesson-not-in-section' });
  });

  it('a knowledge-check lesson naming a check that does not exist', () => {
    const { problems } = problemsFor({ 'lessons/03-quiz.md': validLessons['lessons/03-quiz.md']!.replace('check: quiz', 'check: quizz') });
    expectProblem(problems, { file: 'lessons/03-quiz.md', line: 2, rule: 'missing-check-file' });
    expectProblem(problems, { file: 'checks/03-quiz.json', line: lineOf(json(validCheck), '"id": "quiz"'), rule: 'check-not-used' });
  });

  it('a correct answer that is not one of the options', () => {
    const text = json(withChanges(validCheck, (c) => ((c.questions[0] as { correct: string }).correct = 'z')));
    const { problems } = problemsFor({ 'checks/03-quiz.json': text });
    expectProblem(problems, { file: 'checks/03-quiz.json', line: lineOf(text, '"correct": "z"'), rule: 'answer-not-an-option', message: /"z" is not one of the options \(a, b\)/ });
  });

  it('a question with no correct answer', () => {
    const text = json(withChanges(validCheck, (c) => delete (c.questions[0] as { correct?: string }).correct));
    const { problems } = problemsFor({ 'checks/03-quiz.json': text });
    // Points at the question (the line that opens it), since the field itself is absent.
    expectProblem(problems, { file: 'checks/03-quiz.json', line: lineOf(text, '"id": "q1"') - 1, rule: 'no-correct-answer' });
  });

  it('a matching question with unequal sides', () => {
    const text = json(withChanges(validCheck, (c) => (c.questions[1] as { targets: unknown[] }).targets.push({ id: 'zed', text: 'zed' })));
    const { problems } = problemsFor({ 'checks/03-quiz.json': text });
    expectProblem(problems, { file: 'checks/03-quiz.json', line: lineOf(text, '"targets"'), rule: 'matching-unequal-sides', message: /2 prompts and 3 targets/ });
  });

  it('a link to a lesson id that does not exist, in a lesson and in a question', () => {
    const text = lesson1.replace('lesson:second', 'lesson:secnd');
    const check = json(withChanges(validCheck, (c) => (c.questions[0]!.review = 'nowhere')));
    const { problems } = problemsFor({ 'lessons/01-first.md': text, 'checks/03-quiz.json': check });
    expectProblem(problems, { file: 'lessons/01-first.md', line: lineOf(text, 'lesson:secnd'), rule: 'unknown-lesson-link', message: /"secnd"/ });
    expectProblem(problems, { file: 'checks/03-quiz.json', line: lineOf(check, '"nowhere"'), rule: 'unknown-lesson-link' });
  });

  it('an empty lesson', () => {
    const text = '---\nid: second\ntitle: Second\nsummary: Nothing yet.\n---\n\n';
    const { problems } = problemsFor({ 'lessons/02-second.md': text });
    expectProblem(problems, { file: 'lessons/02-second.md', line: 6, rule: 'empty-lesson' });
  });

  it('an unknown question type', () => {
    const text = json(withChanges(validCheck, (c) => ((c.questions[0] as { type: string }).type = 'essay')));
    const { problems } = problemsFor({ 'checks/03-quiz.json': text });
    expect(problems.some((p) => p.rule === 'schema' && /question type|does not match/.test(p.message))).toBe(true);
  });

  it('reports every problem in every file, not just the first', () => {
    const { problems } = problemsFor({
      'lessons/01-first.md': `${lesson1}\n<i>x</i>\n\n:::nope\nx\n:::\n`,
      'checks/03-quiz.json': json(withChanges(validCheck, (c) => ((c.questions[0] as { correct: string }).correct = 'z'))),
    });
    expect(new Set(problems.map((p) => p.rule))).toEqual(new Set(['no-html', 'unknown-directive', 'answer-not-an-option']));
  });
});

describe('compiled lessons', () => {
  const root = writeContent();
  const content = compileContentFolder(root, root);
  const first = content.lessonBodies.en!.first!;

  it('turn directives into typed blocks and prose into HTML', () => {
    expect(first.blocks.map((b) => b.type)).toEqual(['prose', 'tabs']);
    const tabs = first.blocks[1];
    expect(tabs).toMatchObject({ type: 'tabs', label: 'Two tabs', panels: [{ id: 'one', title: 'One' }, { id: 'two', title: 'Two' }] });
  });

  it('mark links to lessons so the player can route them', () => {
    expect(first.blocks[0]).toEqual({ type: 'prose', html: '<p>Some text with a link to <a href="lesson/second" data-lesson="second">the second lesson</a>.</p>' });
  });

  it('collect footnotes into a references block', () => {
    const second = content.lessonBodies.en!.second!;
    expect(second.blocks[0]).toEqual({ type: 'prose', html: '<p>Text with a note.<sup><a href="#fn-1" class="footnote-ref">1</a></sup></p>' });
    expect(second.blocks[1]).toEqual({ type: 'footnotes', notes: [{ id: 'fn-1', label: '1', html: '<p>A reference.</p>' }] });
  });

  it('keep colons in ordinary text (no inline directives)', () => {
    const root2 = writeContent({ 'lessons/02-second.md': validLessons['lessons/02-second.md']!.replace('Text with', 'At 10:30 a:b, text with') });
    const body = compileContentFolder(root2, root2).lessonBodies.en!.second!;
    expect(body.blocks[0]).toMatchObject({ html: expect.stringContaining('At 10:30 a:b, text with') });
  });

  it('give the course outline numbers, sections and checks', () => {
    const course = content.courses.en!;
    expect(course.lessons.map((l) => [l.number, l.id, l.sectionId, l.checkId])).toEqual([
      [1, 'first', 'one', undefined],
      [2, 'second', 'one', undefined],
      [3, 'quiz', 'two', 'quiz'],
    ]);
    expect(course.checks.quiz!.questions[0]).toMatchObject({ type: 'single', correctOptionId: 'a' });
    // The words of a check ship with its lesson's body, not with the course outline.
    expect(course.checks.quiz!.questions[0]).not.toHaveProperty('promptHtml');
    expect(content.lessonBodies.en!.quiz!.check?.questions[course.checks.quiz!.questions[0]!.id]).toMatchObject({
      promptHtml: 'Which is <strong>right</strong>?',
    });
    expect(course.contentVersion).toMatch(/^[0-9a-f]{10}$/);
  });

  it('change the content version when an answer changes, not when wording does', () => {
    const reworded = writeContent({ 'checks/03-quiz.json': json(withChanges(validCheck, (c) => (c.questions[0]!.prompt = 'Which one is right?'))) });
    const rekeyed = writeContent({ 'checks/03-quiz.json': json(withChanges(validCheck, (c) => ((c.questions[0] as { correct: string }).correct = 'b'))) });
    const version = content.courses.en!.contentVersion;
    expect(compileContentFolder(reworded).courses.en!.contentVersion).toBe(version);
    expect(compileContentFolder(rekeyed).courses.en!.contentVersion).not.toBe(version);
  });
});

describe('the real course', () => {
  const content = compileContentFolder('content');

  it('has no content problems', () => {
    expect(content.problems).toEqual([]);
  });

  it('has 7 sections, 28 lessons, 5 knowledge checks and 22 questions', () => {
    const course = content.courses.en!;
    expect(course.sections).toHaveLength(7);
    expect(course.lessons).toHaveLength(28);
    const checks = Object.values(course.checks);
    expect(checks.map((c) => course.lessons.find((l) => l.id === c.lessonId)!.number)).toEqual([8, 13, 17, 22, 26]);
    expect(checks.reduce((n, c) => n + c.questions.length, 0)).toBe(22);
  });

  it('gives flip cards and table headers their plain text, for accessible names and cell labels', () => {
    // Blocks nest (a table inside a tab): collect them at any depth.
    const blocks: Block[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        if ('type' in value) blocks.push(value as Block);
        Object.values(value).forEach(collect);
      }
    };
    collect(Object.values(content.lessonBodies.en!));
    const cards = blocks.flatMap((b) => (b.type === 'flipcards' ? b.cards : []));
    const heads = blocks.flatMap((b) => (b.type === 'table' ? b.headText : []));
    expect(cards.length).toBeGreaterThan(0);
    expect(heads.length).toBeGreaterThan(0);
    for (const text of [...cards.map((c) => c.frontText), ...heads]) {
      expect(text).toMatch(/\S/);
      expect(text).not.toMatch(/[<>]|&[#\w]+;|\*\*|\s\s/);
    }
  });

  it('references its JSON Schema from every JSON file', () => {
    expect(JSON.parse(readFileSync('content/en/course.json', 'utf8')).$schema).toBe('../schema/course.schema.json');
    for (const check of Object.values(content.courses.en!.checks)) {
      const file = content.files.find((f) => f.endsWith(`.json`) && JSON.parse(readFileSync(f, 'utf8')).id === check.id && f.includes('checks'))!;
      expect(JSON.parse(readFileSync(file, 'utf8')).$schema).toBe('../../schema/check.schema.json');
    }
  });
});
