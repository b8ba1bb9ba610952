/**
 * `npm run content:check [-- <folder>]`: validate a content folder, list every problem as
 * `path:line:column  message  (rule)` and exit 1, or print a summary and exit 0.
 */
import { compileContentFolder } from './compile.ts';
import { errorsOf, formatProblem, sortProblems } from './problems.ts';
import { formatSummary } from './summary.ts';

const folder = process.argv[2] ?? 'content';
const { courses, problems } = compileContentFolder(folder);

const errors = errorsOf(problems);
for (const problem of sortProblems(problems)) console.error(formatProblem(problem));
if (errors.length) {
  console.error(`\n${errors.length} problem${errors.length === 1 ? '' : 's'} found in ${folder}. Fix each line above, then run this again.`);
  process.exit(1);
}
for (const course of Object.values(courses)) console.log(formatSummary(course));
