/**
 * `npm run print:pdf [-- --skip-build]`: the print edition as PDF files in dist-print/, for
 * mailing hard copies and handing out worksheets (README "Print edition"). Builds the site first
 * unless `--skip-build` (then dist/ must be a fresh build), serves dist/ on 127.0.0.1 only, and
 * prints /print/ with Debian's Chromium: see VARIANTS in scripts/print-edition.ts for the files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { compileContentFolder } from '../src/pipeline/compile.ts';
import { launchBrowser } from '../tests/browser/browser.ts';
import { startStaticServer } from '../tests/browser/static-server.ts';
import { printAllVariants } from './print-edition.ts';

const OUT = 'dist-print';
const contentDir = process.env.COURSE_CONTENT_DIR || 'content';

if (!process.argv.includes('--skip-build')) {
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
} else if (!existsSync('dist/print/index.html')) {
  throw new Error('dist/print/index.html is missing: run without --skip-build, or `npm run build` first.');
}
const content = compileContentFolder(contentDir);
const courseId = Object.values(content.courses)[0]?.id;
if (!courseId) throw new Error(`no course in ${contentDir}/`);

const server = await startStaticServer({ root: 'dist', mountPath: '/course/' });
const browser = await launchBrowser();
try {
  const files = await printAllVariants(browser, `${server.origin}/course/`, OUT, courseId);
  for (const file of files) console.log(`wrote ${path.relative(process.cwd(), file)}`);
} finally {
  await browser.close();
  await server.close();
}
