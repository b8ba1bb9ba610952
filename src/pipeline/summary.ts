import type { CompiledCourse } from '../content/types.ts';

/** The success summary of `content:check`: counts, reading time and reading grade per lesson. */
export function formatSummary(course: CompiledCourse, readingGrades: Record<string, number> = {}): string {
  const checks = Object.values(course.checks);
  const questions = checks.reduce((sum, check) => sum + check.questions.length, 0);
  const words = course.lessons.reduce((sum, lesson) => sum + lesson.words, 0);
  const minutes = course.lessons.reduce((sum, lesson) => sum + lesson.minutes, 0);
  const width = String(course.lessons.length).length;
  const lines = [
    `${course.title} [${course.locale}]`,
    `  ${course.sections.length} sections, ${course.lessons.length} lessons, ${checks.length} checks, ${questions} questions, ${words} words, about ${minutes} min reading`,
    ...course.lessons.map(
      (lesson) =>
        `  ${String(lesson.number).padStart(width)}. ${lesson.title}${lesson.checkId ? ' (knowledge check)' : ''}: ${lesson.words} words, ${lesson.minutes} min` +
        (readingGrades[lesson.id] !== undefined ? `, reading grade ${readingGrades[lesson.id]!.toFixed(1)}` : ''),
    ),
  ];
  return lines.join('\n');
}
