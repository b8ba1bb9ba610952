/** A small valid content folder, written to a temp dir, that tests break one file at a time. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const validCourse = {
  $schema: '../schema/course.schema.json',
  id: 'fixture-course',
  title: 'Fixture course',
  description: 'A course for tests.',
  estimatedMinutes: 5,
  navigation: 'free',
  completion: { requireAllLessons: true, passingScore: 80, retryScore: 'best' },
  sections: [
    { id: 'one', title: 'One', lessons: ['first', 'second'] },
    { id: 'two', title: 'Two', lessons: ['quiz'] },
  ],
  resources: [{ title: 'A resource', summary: 'What it says.' }],
};

export const validCheck = {
  $schema: '../../schema/check.schema.json',
  id: 'quiz',
  title: 'Check your understanding',
  questions: [
    {
      id: 'q1',
      type: 'single',
      prompt: 'Which is **right**?',
      options: [
        { id: 'a', text: 'This one', feedback: 'Yes.' },
        { id: 'b', text: 'That one' },
      ],
      correct: 'a',
      feedback: { correct: 'Right.', incorrect: 'See the first lesson.' },
      review: 'first',
    },
    {
      id: 'q2',
      type: 'matching',
      prompt: 'Match them.',
      prompts: [
        { id: 'x', text: 'X' },
        { id: 'y', text: 'Y' },
      ],
      targets: [
        { id: 'ex', text: 'ex' },
        { id: 'why', text: 'why' },
      ],
      correct: { x: 'ex', y: 'why' },
      feedback: { correct: 'Right.', incorrect: 'No.' },
      review: 'second',
    },
  ],
};

export const validLessons: Record<string, string> = {
  'lessons/01-first.md': `---
id: first
title: The first lesson
summary: Where it starts.
---

Some text with a link to [the second lesson](lesson:second).

::::tabs{label="Two tabs"}
:::tab{title="One"}
First panel.
:::
:::tab{title="Two"}
Second panel.
:::
::::
`,
  'lessons/02-second.md': `---
id: second
title: The second lesson
summary: Where it goes on.
---

Text with a note.[^1]

[^1]: A reference.
`,
  'lessons/03-quiz.md': `---
id: quiz
title: Check your understanding
summary: Questions.
check: quiz
---

Let's review.
`,
};

/** Write the valid fixture with `overrides` (path → file text, or null to delete) into a temp folder. */
export function writeContent(overrides: Record<string, string | null> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'content-'));
  const files: Record<string, string | null> = {
    'course.json': JSON.stringify(validCourse, null, 2),
    'checks/03-quiz.json': JSON.stringify(validCheck, null, 2),
    ...validLessons,
    ...overrides,
  };
  for (const [file, text] of Object.entries(files)) {
    if (text === null) continue;
    const full = path.join(root, 'en', file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

export function withChanges<T>(value: T, change: (draft: T) => void): T {
  const copy = structuredClone(value);
  change(copy);
  return copy;
}
