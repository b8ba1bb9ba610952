/**
 * Editorial rules (src/pipeline/editorial/): each one on a broken fixture, pinned to file, line and
 * rule; severities; silencing with a reason; the glossary's validation and its rewrite of lessons.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import type { Problem, Rule } from '../../src/pipeline/problems.ts';
import { validCheck, validCourse, withChanges, writeContent } from './fixture.ts';

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** Lesson "first" with `body` below its front matter (the body starts on line 7). */
const lesson = (body: string) => `---\nid: first\ntitle: The first lesson\nsummary: Where it starts.\n---\n\n${body}\n`;
const LESSON = 'lessons/01-first.md';

function compile(overrides: Record<string, string | null>) {
  const root = writeContent(overrides);
  return { root, ...compileContentFolder(root, root) };
}

function problemsFor(overrides: Record<string, string | null>): Problem[] {
  return compile(overrides).problems;
}

function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not in text`);
  return index + 1;
}

function expectOne(problems: Problem[], expected: { file: string; line: number; rule: Rule; severity?: 'error' | 'warning'; message?: RegExp }) {
  const found = problems.filter((p) => p.rule === expected.rule);
  const listing = problems.map((p) => `${p.file}:${p.line} ${p.rule} ${p.message}`).join('\n');
  expect(found, `expected one ${expected.rule}; got:\n${listing}`).toHaveLength(1);
  const [problem] = found;
  expect(problem!.file).toBe(path.join('en', expected.file));
  expect(problem!.line).toBe(expected.line);
  expect(problem!.severity ?? 'error').toBe(expected.severity ?? 'warning');
  if (expected.message) expect(problem!.message).toMatch(expected.message);
}

const REVEAL = `::::reveal{label="Mutuality in peer support"}\n:::point{title="Reciprocity"}\nMutuality is reciprocal.\n:::\n::::`;

/** One broken lesson per rule, with the line that breaks it. */
const broken: Record<string, { text: string; needle: string; rule: Rule; severity: 'error' | 'warning'; message: RegExp }> = {
  'instruction-without-target': {
    text: lesson(`Let's explore mutuality.\n\nClick the image below to explore this concept.\n\nMore text.`),
    needle: 'Click the image below',
    rule: 'instruction-without-target',
    severity: 'warning',
    message: /points at the image below, but no image/,
  },
  'duplicate-instruction': {
    text: lesson(`Let's explore mutuality.\n\nClick the buttons below to learn more.\n\n${REVEAL}`),
    needle: 'Click the buttons below',
    rule: 'duplicate-instruction',
    severity: 'warning',
    message: /repeats the instruction the reveal block below already shows \("Select each button to learn more\."\)/,
  },
  'heading-repeated-by-block': {
    text: lesson(`Some text.\n\n## Mutuality in peer support\n\n${REVEAL}`),
    needle: '## Mutuality',
    rule: 'heading-repeated-by-block',
    severity: 'warning',
    message: /the heading "Mutuality in peer support" is repeated by the label of the "reveal" block/,
  },
  'bad-link-text': {
    text: lesson(`Some text.\n\nRead about it [here](lesson:second).`),
    needle: '[here]',
    rule: 'bad-link-text',
    severity: 'warning',
    message: /the link text "here" says nothing out of context/,
  },
  'empty-link': {
    text: lesson(`Some text.\n\nThe [Paying Peers Guide](#) is a good place to begin.`),
    needle: '(#)',
    rule: 'empty-link',
    severity: 'error',
    message: /leads nowhere/,
  },
  'acronym-before-definition': {
    text: lesson(`Some text.\n\nAsk your PSW about it.\n\nLater, peer support workers (PSWs) are named.`),
    needle: 'Ask your PSW',
    rule: 'acronym-before-definition',
    severity: 'warning',
    message: /the acronym "PSW" is used before it is defined/,
  },
  'inclusive-language': {
    text: lesson(`Some text.\n\nEvery worker should check his own notes.`),
    needle: 'his own notes',
    rule: 'inclusive-language',
    severity: 'warning',
    message: /possibly insensitive: `his`/,
  },
  'image-without-alt': {
    text: lesson(`Some text.\n\n![](ladder.png)`),
    needle: '![](ladder.png)',
    rule: 'image-without-alt',
    severity: 'error',
    message: /the image "ladder.png" has no alt text/,
  },
};

describe('editorial rules: each one on a broken lesson, at its file and line', () => {
  for (const [name, example] of Object.entries(broken)) {
    it(name, () => {
      expectOne(problemsFor({ [LESSON]: example.text }), {
        file: LESSON,
        line: lineOf(example.text, example.needle),
        rule: example.rule,
        severity: example.severity,
        message: example.message,
      });
    });
  }

  it('reading-level: a warning above "maxReadingGrade" in course.json, at the first line of text', () => {
    const text = lesson(
      'Organizational accountability necessitates comprehensive institutional reconsideration of remunerative arrangements, notwithstanding considerable administrative complexity.\n\nMore text follows here.',
    );
    const course = json({ ...validCourse, maxReadingGrade: 10 });
    const { problems, readingGrades } = compile({ [LESSON]: text, 'course.json': course });
    expectOne(problems, { file: LESSON, line: 7, rule: 'reading-level', message: /reads at grade \d+(\.\d)? \(Flesch-Kincaid\), above the course's limit of 10/ });
    expect(readingGrades.en!.first).toBeGreaterThan(10);
    // Without a limit there is a grade and no warning.
    expect(compile({ [LESSON]: text }).problems).toEqual([]);
  });

  it('review-not-quoted: the feedback quotes another lesson than "review" names', () => {
    const check = withChanges(validCheck, (c) => {
      c.questions[0]!.feedback.correct = 'Right: “Some text with a link to the second lesson.”';
      c.questions[0]!.review = 'second';
    });
    const text = json(check);
    expectOne(problemsFor({ 'checks/03-quiz.json': text }), {
      file: 'checks/03-quiz.json',
      line: lineOf(text, '"review": "second"'),
      rule: 'review-not-quoted',
      message: /quotes “Some text with a link to the second lesson\.” from lesson "first", but "review" sends the learner to "second"/,
    });
  });

  it('the real course passes every rule except the warnings silenced with a reason', () => {
    const { problems } = compileContentFolder('content');
    expect(problems.map((p) => `${p.file}:${p.line} ${p.rule}`)).toEqual([]);
  });
});

describe('silencing a warning', () => {
  it('a comment naming the rule, with a reason, silences it on the next line only', () => {
    const text = lesson(
      `Some text.\n\n<!-- content-check-ignore-next-line inclusive-language: quoted from the source guideline -->\nEvery worker should check his own notes.\n\nEvery worker should check his own work.`,
    );
    expectOne(problemsFor({ [LESSON]: text }), { file: LESSON, line: lineOf(text, 'his own work'), rule: 'inclusive-language' });
  });

  it('a comment without a reason, or naming an error rule, is itself an error', () => {
    const noReason = lesson(`Some text.\n\n<!-- content-check-ignore-next-line inclusive-language -->\nEvery worker should check his own notes.`);
    const problems = problemsFor({ [LESSON]: noReason });
    expectOne(problems, { file: LESSON, line: lineOf(noReason, 'content-check-ignore'), rule: 'bad-ignore-comment', severity: 'error', message: /gives the reason/ });
    expect(problems.some((p) => p.rule === 'inclusive-language')).toBe(true);
    const errorRule = lesson(`Some text.\n\n<!-- content-check-ignore-next-line image-without-alt: decorative -->\n![](ladder.png)`);
    const errors = problemsFor({ [LESSON]: errorRule });
    expect(errors.map((p) => p.rule).sort()).toEqual(['bad-ignore-comment', 'image-without-alt']);
  });

  it('"$ignore" in a question silences the rule it names for that question', () => {
    const wording = withChanges(validCheck, (c) => {
      c.questions[0]!.feedback.incorrect = 'Every worker should check his own notes.';
    });
    const text = json(wording);
    expectOne(problemsFor({ 'checks/03-quiz.json': text }), {
      file: 'checks/03-quiz.json',
      line: lineOf(text, 'his own notes'),
      rule: 'inclusive-language',
    });
    const silenced = withChanges(wording, (c) => {
      (c.questions[0] as Record<string, unknown>).$ignore = { 'inclusive-language': 'quoted from the lesson' };
    });
    expect(problemsFor({ 'checks/03-quiz.json': json(silenced) })).toEqual([]);
  });
});

describe('content:check severities', () => {
  const tsx = 'node_modules/.bin/tsx';
  const run = (root: string, ...args: string[]) => spawnSync(tsx, ['src/pipeline/cli.ts', ...args, root], { encoding: 'utf8' });

  it('prints warnings with "warning:", exits 0 without --strict and 1 with it, for every warning rule', () => {
    // Every warning example in one lesson, so the CLI runs twice, not twice per rule.
    const warnings = Object.values(broken).filter((example) => example.severity === 'warning');
    const body = warnings.map((example) => example.text.split('---\n\n')[1]!.trim()).join('\n\n');
    const text = lesson(body);
    const root = writeContent({ [LESSON]: text });
    const relaxed = run(root);
    expect(relaxed.status).toBe(0);
    for (const example of warnings) {
      expect(relaxed.stderr, example.rule).toMatch(new RegExp(`01-first\\.md:${lineOf(text, example.needle)}:\\d+  warning: .*\\(${example.rule}\\)`));
    }
    expect(relaxed.stdout).toContain('Fixture course [en]');
    const strict = run(root, '--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/\d+ warnings found in .* \(--strict fails on warnings\)/);
    for (const example of warnings) expect(strict.stderr, example.rule).toContain(`(${example.rule})`);
  });

  it('an error rule fails without --strict', () => {
    const root = writeContent({ [LESSON]: broken['empty-link']!.text });
    const result = run(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/01-first\.md:9:\d+  the link "Paying Peers Guide" leads nowhere.*\(empty-link\)/);
  });

  it('prints the reading grade of each lesson in the summary', () => {
    const result = run('content');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/ 1\. welcome: \d+ words, \d+ min, reading grade \d+\.\d/);
  });
});

const glossary = (entries: unknown[]) => json({ $schema: '../schema/glossary.schema.json', entries });
const PSW = { term: 'PSW', kind: 'acronym', expansion: 'peer support worker', definition: 'Someone with lived experience.', lesson: 'first' };
const MUTUALITY = { term: 'mutuality', kind: 'term', definition: 'Give and take.', lesson: 'second' };

describe('glossary.json', () => {
  it('is optional; when present an acronym in it counts as defined', () => {
    const text = lesson('Ask your PSW about mutuality.');
    expect(problemsFor({ [LESSON]: text }).map((p) => p.rule)).toEqual(['acronym-before-definition']);
    expect(problemsFor({ [LESSON]: text, 'glossary.json': glossary([PSW, MUTUALITY]) })).toEqual([]);
  });

  it('reports a duplicate term and an unknown lesson id as errors, at their lines', () => {
    const text = glossary([PSW, { ...MUTUALITY, lesson: 'nowhere' }, { ...PSW, term: 'psw', definition: 'Again.' }]);
    const problems = problemsFor({ 'glossary.json': text });
    const at = (rule: Rule) => problems.filter((p) => p.rule === rule).map((p) => [p.file, p.line, p.severity ?? 'error']);
    expect(at('duplicate-term')).toEqual([[path.join('en', 'glossary.json'), lineOf(text, '"term": "psw"'), 'error']]);
    expect(at('unknown-lesson-link')).toEqual([[path.join('en', 'glossary.json'), lineOf(text, '"lesson": "nowhere"'), 'error']]);
  });

  it('reports an empty definition as an error, at its line', () => {
    const text = glossary([PSW, { ...MUTUALITY, definition: ' ' }]);
    const problems = problemsFor({ 'glossary.json': text });
    expect(problems.map((p) => [p.rule, p.line, p.severity ?? 'error'])).toEqual([['schema', lineOf(text, '"definition": " "'), 'error']]);
    expect(problems[0]!.message).toMatch(/definition" must not be empty/);
  });

  it('expands the first use of an acronym in a lesson (<abbr> and the expansion) and links a term to its entry', () => {
    const text = lesson('Ask your PSW about mutuality. Your PSW knows mutuality well.');
    const { lessonBodies, glossaries, courses } = compile({ [LESSON]: text, 'glossary.json': glossary([PSW, MUTUALITY]) });
    const html = (lessonBodies.en!.first!.blocks[0] as { html: string }).html;
    expect(html).toBe(
      '<p>Ask your <a href="glossary#psw" data-glossary="psw" class="glossary-link"><abbr title="peer support worker">PSW</abbr></a> (peer support worker) about ' +
        '<a href="glossary#mutuality" data-glossary="mutuality" class="glossary-link">mutuality</a>. Your PSW knows mutuality well.</p>',
    );
    expect(courses.en!.hasGlossary).toBe(true);
    expect(glossaries.en!.entries.map((e) => e.term)).toEqual(['mutuality', 'PSW']);
  });

  it('does not repeat an expansion the lesson already spells out, and leaves headings alone', () => {
    const text = lesson('## About PSWs\n\nWe hire peer support workers (PSWs) often.');
    const { lessonBodies } = compile({ [LESSON]: text, 'glossary.json': glossary([PSW]) });
    const [heading, prose] = lessonBodies.en!.first!.blocks.map((b) => (b as { html: string }).html)[0]!.split('\n');
    expect(heading).toBe('<h2>About PSWs</h2>');
    expect(prose).toBe('<p>We hire peer support workers (<a href="glossary#psw" data-glossary="psw" class="glossary-link"><abbr title="peer support worker">PSWs</abbr></a>) often.</p>');
  });
});

describe('chart ranks', () => {
  it('take each item\'s number as written, so the same number is a tie', () => {
    const { lessonBodies } = compileContentFolder('content');
    const chart = lessonBodies.en!['values-of-peer-support-workers']!.blocks.find((b) => b.type === 'chart');
    expect(chart?.type === 'chart' && chart.items.map((i) => [i.rank, i.label, i.value ?? null, i.tied])).toEqual([
      [1, 'Compassion and caring', null, false],
      [2, 'Empathy', null, false],
      [3, 'Authenticity', 30, false],
      [4, 'Interpersonal communication skills', 25, true],
      [4, 'Relationship building', 25, true],
      [4, 'Being present', 25, true],
    ]);
  });

  it('must not go down the list', () => {
    const text = lesson(':::chart{label="Values"}\n1. Empathy\n3. Authenticity: 30%\n2. Being present: 25%\n:::');
    const problems = problemsFor({ [LESSON]: text });
    expect(problems.map((p) => [p.rule, p.line])).toEqual([['schema', lineOf(text, '2. Being present')]]);
    expect(problems[0]!.message).toMatch(/rank 2 comes after rank 3/);
  });
});

describe('the build (Vite plugin)', () => {
  const buildStart = async (root: string) => {
    const { courseContent } = await import('../../src/pipeline/vite-plugin.ts');
    const plugin = courseContent({ contentDir: path.join(root) });
    const warnings: string[] = [];
    const hook = plugin.buildStart as unknown as (this: { warn: (message: string) => void }) => void;
    hook.call({ warn: (message) => warnings.push(message) });
    return warnings;
  };

  it('lists warnings and goes on', async () => {
    const warnings = await buildStart(writeContent({ [LESSON]: broken['bad-link-text']!.text }));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/01-first\.md:9:\d+  warning: the link text "here".*\(bad-link-text\)$/);
  });

  it('stops on an error', async () => {
    await expect(buildStart(writeContent({ [LESSON]: broken['image-without-alt']!.text }))).rejects.toThrow(/1 content problem:\n.*\(image-without-alt\)/);
  });
});
