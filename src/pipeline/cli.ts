/**
 * `npm run content:check [-- [--strict] <folder>]`: validate a content folder and list every
 * problem as `path:line:column  message  (rule)` (warnings say "warning:"). Exits 1 on any error,
 * or with --strict on any warning too; otherwise prints the summary and exits 0.
 */
import { compileContentFolder } from './compile.ts';
import { formatProblem, isError, isWarning, sortProblems } from './problems.ts';
import { formatSummary } from './summary.ts';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const folder = args.find((arg) => !arg.startsWith('--')) ?? 'content';
const { courses, problems, readingGrades } = compileContentFolder(folder);

const errors = problems.filter(isError);
const warnings = problems.filter(isWarning);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

for (const problem of sortProblems(problems)) console.error(formatProblem(problem));
if (errors.length || (strict && warnings.length)) {
  const counts = [errors.length ? plural(errors.length, 'error') : '', warnings.length ? plural(warnings.length, 'warning') : '']
    .filter(Boolean)
    .join(' and ');
  console.error(
    `\n${counts} found in ${folder}${!errors.length ? ' (--strict fails on warnings)' : ''}. Fix each line above, then run this again.`,
  );
  process.exit(1);
}
if (warnings.length) {
  console.error(`\n${plural(warnings.length, 'warning')} in ${folder}: fix them, or silence one with a reason (see content/README.md).\n`);
}
for (const course of Object.values(courses)) console.log(formatSummary(course, readingGrades[course.locale]));
