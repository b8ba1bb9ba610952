/**
 * content/ folder → validated, typed course data (one CompiledCourse per locale) plus every
 * problem found. Checks the whole content graph, not just each file's shape: duplicate ids,
 * lessons with no file or no section, answers that are not options, links to missing lessons.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type {
  CheckText,
  ChoiceText,
  CompiledCourse,
  Glossary,
  KnowledgeCheck,
  LessonBody,
  LessonOutline,
  Question,
  QuestionText,
} from '../content/types.ts';
import { checkQuestionEditorial, type CheckTextPiece } from './editorial/index.ts';
import { readingLevel } from './editorial/reading-level.ts';
import { reviewNotQuoted } from './editorial/review-not-quoted.ts';
import { checkGlossaryLessons, compileGlossary, emptyGlossaryIndex, indexGlossary, parseGlossary, type GlossaryIndex, type ParsedGlossary } from './glossary.ts';
import { compileInlineMarkdown, compileLessonMarkdown, inlineMarkdownToText, type LessonLink } from './markdown.ts';
import type { Problem, Rule } from './problems.ts';
import {
  checkSchema,
  courseSchema,
  frontMatterSchema,
  type CheckSource,
  type FrontMatter,
} from './source-schema.ts';
import type { ChoiceListKey, CompileKit } from '../questions/build/build-kit.ts';
import { buildOf, type QuestionSource } from '../questions/build/builds.ts';
import { jsonPosition, parseFrontMatter, parseJsonFile } from './source-files.ts';

export const WORDS_PER_MINUTE = 200;

export interface CompiledContent {
  courses: Record<string, CompiledCourse>;
  lessonBodies: Record<string, Record<string, LessonBody>>;
  /** Each locale's glossary, when it has one (the glossary page's own chunk). */
  glossaries: Record<string, Glossary>;
  /** Reading grade (Flesch-Kincaid) per locale and lesson id, for the content:check summary. */
  readingGrades: Record<string, Record<string, number>>;
  /** Absolute paths of every file read, so the dev server can watch them. */
  files: string[];
  problems: Problem[];
}

interface LessonFile {
  file: string;
  frontMatter: FrontMatter;
  blocks: LessonBody['blocks'];
  words: number;
  lessonLinks: LessonLink[];
  readingGrade: number | undefined;
  textPieces: string[];
}

interface CheckFile {
  file: string;
  text: string;
  source: CheckSource;
}

/**
 * Compile every locale folder under `contentDir`. `displayRoot` is what file paths in problems are
 * relative to (the current directory by default), so editors can click them.
 */
export function compileContentFolder(contentDir: string, displayRoot: string = process.cwd()): CompiledContent {
  const problems: Problem[] = [];
  const files: string[] = [];
  const courses: CompiledContent['courses'] = {};
  const lessonBodies: CompiledContent['lessonBodies'] = {};
  const glossaries: CompiledContent['glossaries'] = {};
  const readingGrades: CompiledContent['readingGrades'] = {};
  const root = path.resolve(contentDir);
  const display = (file: string) => path.relative(displayRoot, file) || file;

  if (!existsSync(root) || !statSync(root).isDirectory()) {
    problems.push({ file: display(root), line: 1, column: 1, rule: 'missing-folder', message: 'content folder not found' });
    return { courses, lessonBodies, glossaries, readingGrades, files, problems };
  }
  const locales = readdirSync(root)
    .filter((name) => name !== 'schema' && statSync(path.join(root, name)).isDirectory())
    .sort();
  if (!locales.length) {
    problems.push({
      file: display(root),
      line: 1,
      column: 1,
      rule: 'missing-folder',
      message: 'no language folder found; content goes in content/<language>/ (e.g. content/en/course.json)',
    });
  }
  for (const locale of locales) {
    const compiled = compileLocale(path.join(root, locale), locale, display, problems, files);
    if (compiled) {
      courses[locale] = compiled.course;
      lessonBodies[locale] = compiled.bodies;
      readingGrades[locale] = compiled.readingGrades;
      if (compiled.glossary) glossaries[locale] = compiled.glossary;
    }
  }
  return { courses, lessonBodies, glossaries, readingGrades, files, problems };
}

function readText(file: string, files: string[]): string {
  files.push(file);
  return readFileSync(file, 'utf8');
}

function listFiles(dir: string, extension: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => path.join(dir, name));
}

function compileLocale(
  dir: string,
  locale: string,
  display: (file: string) => string,
  problems: Problem[],
  files: string[],
): { course: CompiledCourse; bodies: Record<string, LessonBody>; glossary?: Glossary; readingGrades: Record<string, number> } | undefined {
  const report = (file: string, at: { line: number; column: number }, rule: Rule, message: string) =>
    problems.push({ file: display(file), ...at, rule, message });
  const start = { line: 1, column: 1 };

  const courseFile = path.join(dir, 'course.json');
  if (!existsSync(courseFile)) {
    report(dir, start, 'missing-folder', `no course.json in ${display(dir)}; every language folder needs one`);
    return undefined;
  }
  const courseText = readText(courseFile, files);
  const parsedCourse = parseJsonFile(display(courseFile), courseText, courseSchema, problems);
  const maxReadingGrade = parsedCourse.ok ? parsedCourse.value.maxReadingGrade : undefined;

  // Glossary (optional): read before the lessons, whose first uses of its terms it rewrites.
  const glossaryFile = path.join(dir, 'glossary.json');
  let glossarySource: ParsedGlossary | undefined;
  if (existsSync(glossaryFile)) glossarySource = parseGlossary(display(glossaryFile), readText(glossaryFile, files), problems);
  const glossaryIndex: GlossaryIndex = glossarySource ? indexGlossary(glossarySource) : emptyGlossaryIndex;

  // Lessons
  const lessons = new Map<string, LessonFile>();
  for (const file of listFiles(path.join(dir, 'lessons'), '.md')) {
    const text = readText(file, files);
    const before = problems.length;
    const { value, body, bodyStartLine } = parseFrontMatter(display(file), text, frontMatterSchema, problems);
    const compiled = compileLessonMarkdown(display(file), body, bodyStartLine - 1, problems, {
      lessonId: value?.id,
      glossary: glossaryIndex,
      maxReadingGrade,
    });
    if (!value) continue;
    const duplicate = lessons.get(value.id);
    if (duplicate) {
      report(file, { line: 2, column: 1 }, 'duplicate-id', `lesson id "${value.id}" is already used by ${display(duplicate.file)}; give each lesson its own id`);
      continue;
    }
    if (!compiled.blocks.length && !value.check && problems.length === before) {
      report(file, { line: bodyStartLine, column: 1 }, 'empty-lesson', 'this lesson has no content below its front matter');
    }
    lessons.set(value.id, {
      file,
      frontMatter: value,
      blocks: compiled.blocks,
      words: compiled.words,
      lessonLinks: compiled.lessonLinks,
      readingGrade: compiled.reading?.grade,
      textPieces: compiled.textPieces,
    });
  }

  // Checks
  const checks = new Map<string, CheckFile>();
  for (const file of listFiles(path.join(dir, 'checks'), '.json')) {
    const text = readText(file, files);
    const parsed = parseJsonFile(display(file), text, checkSchema, problems);
    if (!parsed.ok) continue;
    const duplicate = checks.get(parsed.value.id);
    if (duplicate) {
      report(file, jsonPosition(text, ['id']), 'duplicate-id', `check id "${parsed.value.id}" is already used by ${display(duplicate.file)}`);
      continue;
    }
    checks.set(parsed.value.id, { file, text, source: parsed.value });
  }

  if (!parsedCourse.ok) return undefined;
  const courseSource = parsedCourse.value;

  // Sections ↔ lesson files
  const sectionOf = new Map<string, string>();
  const sectionIds = new Set<string>();
  courseSource.sections.forEach((section, sectionIndex) => {
    if (sectionIds.has(section.id)) {
      report(courseFile, jsonPosition(courseText, ['sections', sectionIndex, 'id']), 'duplicate-id', `section id "${section.id}" is used twice`);
    }
    sectionIds.add(section.id);
    section.lessons.forEach((lessonId, lessonIndex) => {
      const at = jsonPosition(courseText, ['sections', sectionIndex, 'lessons', lessonIndex]);
      if (sectionOf.has(lessonId)) {
        report(courseFile, at, 'duplicate-id', `lesson "${lessonId}" is listed twice; a lesson belongs to one section`);
      } else if (!lessons.has(lessonId)) {
        report(courseFile, at, 'missing-lesson-file', `lesson "${lessonId}" has no file: add lessons/NN-${lessonId}.md with "id: ${lessonId}" in its front matter, or remove it here`);
      }
      sectionOf.set(lessonId, section.id);
    });
  });
  for (const [id, lesson] of lessons) {
    if (!sectionOf.has(id)) {
      report(lesson.file, { line: 2, column: 1 }, 'lesson-not-in-section', `lesson "${id}" is in no section; add "${id}" to a section's "lessons" in course.json`);
    }
  }

  // Lesson → check references
  const usedChecks = new Set<string>();
  for (const [id, lesson] of lessons) {
    const checkId = lesson.frontMatter.check;
    if (checkId === undefined) continue;
    if (!checks.has(checkId)) {
      report(lesson.file, { line: 2, column: 1 }, 'missing-check-file', `lesson "${id}" names check "${checkId}", but no file in checks/ has "id": "${checkId}"`);
    } else if (usedChecks.has(checkId)) {
      report(lesson.file, { line: 2, column: 1 }, 'duplicate-id', `check "${checkId}" is already used by another lesson`);
    }
    usedChecks.add(checkId);
  }
  for (const [id, check] of checks) {
    if (!usedChecks.has(id)) {
      report(check.file, jsonPosition(check.text, ['id']), 'check-not-used', `no lesson uses check "${id}"; add "check: ${id}" to a lesson's front matter`);
    }
  }

  // Links to lessons
  for (const lesson of lessons.values()) {
    for (const link of lesson.lessonLinks) {
      if (!lessons.has(link.lessonId)) {
        report(lesson.file, link, 'unknown-lesson-link', `link to lesson "${link.lessonId}", which does not exist; use one of the ids in course.json`);
      }
    }
  }

  if (glossarySource) checkGlossaryLessons(glossarySource, new Set(lessons.keys()), problems);

  // Assemble, in course order.
  const orderedIds = courseSource.sections.flatMap((section) => section.lessons).filter((id) => lessons.has(id));
  const outlines: LessonOutline[] = [];
  const bodies: Record<string, LessonBody> = {};
  const compiledChecks: Record<string, KnowledgeCheck> = {};
  const readingGrades: Record<string, number> = {};
  orderedIds.forEach((id, index) => {
    const lesson = lessons.get(id)!;
    const checkId = lesson.frontMatter.check;
    const check = checkId !== undefined ? checks.get(checkId) : undefined;
    let words = lesson.words + countTitleWords(lesson.frontMatter.title);
    let checkText: CheckText | undefined;
    let grade = lesson.readingGrade;
    if (check) {
      const compiled = compileCheck(check, id, lessons, display, problems, glossaryIndex);
      compiledChecks[check.source.id] = compiled.check;
      checkText = compiled.text;
      words += compiled.words;
      // A check lesson reads as its introduction plus what every learner reads: prompts and options.
      grade = readingLevel([...lesson.textPieces, ...compiled.readText])?.grade;
    }
    if (grade !== undefined) readingGrades[id] = grade;
    outlines.push({
      id,
      number: index + 1,
      title: lesson.frontMatter.title,
      summary: lesson.frontMatter.summary,
      sectionId: sectionOf.get(id) ?? '',
      ...(check ? { checkId: check.source.id } : {}),
      words,
      minutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
    });
    bodies[id] = { id, blocks: lesson.blocks, ...(checkText ? { check: checkText } : {}) };
  });

  const course: CompiledCourse = {
    id: courseSource.id,
    locale,
    title: courseSource.title,
    description: courseSource.description,
    estimatedMinutes: courseSource.estimatedMinutes,
    ...(courseSource.shortTitle ? { shortTitle: courseSource.shortTitle } : {}),
    navigation: courseSource.navigation,
    completion: {
      requireAllLessons: true,
      retryScore: courseSource.completion.retryScore,
      ...(courseSource.completion.passingScore !== undefined ? { passingScore: courseSource.completion.passingScore } : {}),
    },
    sections: courseSource.sections.map((section) => ({
      id: section.id,
      title: section.title,
      lessonIds: section.lessons.filter((id) => lessons.has(id)),
    })),
    lessons: outlines,
    checks: compiledChecks,
    resources: courseSource.resources.map(({ $ignore: _ignore, ...resource }) => resource),
    ...(glossarySource ? { hasGlossary: true as const } : {}),
    contentVersion: '',
  };
  course.contentVersion = hash(
    JSON.stringify([
      course.id,
      outlines.map((lesson) => lesson.id),
      Object.values(compiledChecks).map((check) => [check.id, check.questions.map((q) => q.fingerprint)]),
    ]),
  );
  return {
    course,
    bodies,
    readingGrades,
    ...(glossarySource ? { glossary: compileGlossary(glossarySource, locale) } : {}),
  };
}

function countTitleWords(title: string): number {
  return title.split(/\s+/).filter(Boolean).length;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 10);
}

/** What decides the answer (its type's `fingerprint`): when it changes, saved answers to the question are dropped. */
function fingerprint(question: QuestionSource): string {
  return hash(JSON.stringify(buildOf(question).fingerprint(question)));
}

function compileCheck(
  check: CheckFile,
  lessonId: string,
  lessons: Map<string, LessonFile>,
  display: (file: string) => string,
  problems: Problem[],
  glossary: GlossaryIndex,
): { check: KnowledgeCheck; text: CheckText; words: number; readText: string[] } {
  const file = display(check.file);
  const at = (...jsonPath: (string | number)[]) => jsonPosition(check.text, jsonPath);
  const report = (jsonPath: (string | number)[], rule: Rule, message: string) =>
    problems.push({ file, ...at(...jsonPath), rule, message });
  const inline = (text: string, ...jsonPath: (string | number)[]) => compileInlineMarkdown(file, text, at(...jsonPath), problems);
  let words = 0;
  const readable: string[] = [];
  const count = (...texts: (string | undefined)[]) => {
    for (const text of texts) {
      words += text ? text.split(/\s+/).filter(Boolean).length : 0;
      if (text) readable.push(inlineMarkdownToText(text));
    }
  };

  const questionIds = new Set<string>();
  const texts: Record<string, QuestionText> = {};
  const questions = check.source.questions.map((source, index): Question => {
    const q = ['questions', index] as const;
    if (questionIds.has(source.id)) report([...q, 'id'], 'duplicate-id', `question id "${source.id}" is used twice in this check`);
    questionIds.add(source.id);
    if (!lessons.has(source.review)) {
      report([...q, 'review'], 'unknown-lesson-link', `"review" names lesson "${source.review}", which does not exist`);
    }
    // Editorial rules on everything the learner reads in this question.
    const pieces: CheckTextPiece[] = [];
    const piece = (text: string | undefined, ...jsonPath: (string | number)[]) => {
      if (text) pieces.push({ text: inlineMarkdownToText(text), ...at(...q, ...jsonPath), links: markdownLinks(text) });
    };
    piece(source.prompt, 'prompt');
    for (const key of ['options', 'prompts', 'targets'] as const) {
      const list = (source as { [k in typeof key]?: { text: string; feedback?: string | undefined }[] })[key] ?? [];
      list.forEach((option, i) => {
        piece(option.text, key, i, 'text');
        piece(option.feedback, key, i, 'feedback');
      });
    }
    piece(source.feedback.correct, 'feedback', 'correct');
    piece(source.feedback.incorrect, 'feedback', 'incorrect');
    const editorial = checkQuestionEditorial(file, pieces, glossary, source.$ignore, at(...q, '$ignore'));
    const quoted = reviewNotQuoted(source, lessons, at(...q, 'review'));
    if (quoted && !source.$ignore?.['review-not-quoted']) editorial.push({ file, ...quoted, rule: 'review-not-quoted', severity: 'warning' });
    problems.push(...editorial);
    // Reading time counts what every learner reads: prompts and options, not all the feedback.
    count(source.prompt);
    const text: QuestionText = {
      promptHtml: inline(source.prompt, ...q, 'prompt'),
      promptText: inlineMarkdownToText(source.prompt),
      correctFeedbackHtml: inline(source.feedback.correct, ...q, 'feedback', 'correct'),
      incorrectFeedbackHtml: inline(source.feedback.incorrect, ...q, 'feedback', 'incorrect'),
    };
    texts[source.id] = text;
    const base = { id: source.id, fingerprint: fingerprint(source), reviewLessonId: source.review };
    const uniqueIds = (items: { id: string }[], key: ChoiceListKey) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.id)) report([...q, key, i, 'id'], 'duplicate-id', `${key} id "${item.id}" is used twice in this question`);
        seen.add(item.id);
      });
      return seen;
    };
    /** The choices' words go to the question's text; the machine keeps their ids, in order. */
    const choices = (
      list: { id: string; text: string; feedback?: string | undefined }[],
      key: ChoiceListKey,
    ): { id: string }[] => {
      const byId: Record<string, ChoiceText> = {};
      list.forEach((option, i) => {
        count(option.text);
        byId[option.id] = {
          html: inline(option.text, ...q, key, i, 'text'),
          text: inlineMarkdownToText(option.text),
          ...(option.feedback ? { feedbackHtml: inline(option.feedback, ...q, key, i, 'feedback') } : {}),
        };
      });
      text[key] = byId;
      return list.map((option) => ({ id: option.id }));
    };
    const kit: CompileKit = {
      base,
      report: (jsonPath, rule, message) => report([...q, ...jsonPath], rule, message),
      uniqueIds,
      choices,
    };
    return buildOf(source).compile(source, kit);
  });
  return {
    check: { id: check.source.id, lessonId, title: check.source.title, questions },
    text: { checkId: check.source.id, questions: texts },
    words,
    readText: readable,
  };
}

/** `[text](url)` links in inline Markdown, for the link rules. */
function markdownLinks(text: string): { url: string; text: string }[] {
  return [...text.matchAll(/\[([^\]]*)\]\(([^)\s]*)[^)]*\)/g)].map((match) => ({ text: match[1] ?? '', url: match[2] ?? '' }));
}
