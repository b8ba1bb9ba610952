/**
 * Builds the production site from a modified copy of content/ into a temporary folder (never
 * dist/), with the same steps as `npm run build`: client bundle, server bundle for
 * pre-rendering, every route's HTML, then the service worker. vite.config.ts reads the content folder from
 * COURSE_CONTENT_DIR.
 *
 * @example
 * const variant = await buildVariant((dir) => editJson(`${dir}/en/course.json`, (c) => ({ ...c, navigation: 'sequential' })));
 * const server = await startStaticServer({ root: variant.outDir, mountPath: '/course/' });
 * …
 * variant.remove();
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = (name: string) => path.resolve('node_modules/.bin', name);

export interface Variant {
  /** The built site, laid out like dist/. */
  outDir: string;
  /** The edited copy of content/. */
  contentDir: string;
  /** Deletes everything the build wrote. */
  remove(): void;
}

/** Reads a JSON file, passes it through `edit`, writes it back. */
export function editJson<T = Record<string, unknown>>(file: string, edit: (value: T) => T): void {
  writeFileSync(file, JSON.stringify(edit(JSON.parse(readFileSync(file, 'utf8')) as T), null, 2));
}

export async function buildVariant(
  editContent: (contentDir: string) => void,
  { env: extraEnv = {} }: { env?: Record<string, string> } = {},
): Promise<Variant> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'course-variant-'));
  const contentDir = path.join(root, 'content');
  const outDir = path.join(root, 'dist');
  // The server bundle imports react-dom/server and friends from node_modules, so it must sit inside
  // the project (.vite/ is git-ignored); prerender.ts deletes it when done.
  mkdirSync('.vite', { recursive: true });
  const ssrDir = mkdtempSync(path.resolve('.vite', 'variant-ssr-'));
  try {
    cpSync('content', contentDir, { recursive: true });
    editContent(contentDir);
    // Vitest sets NODE_ENV=test, which would make Vite build a development bundle.
    const env = { ...process.env, NODE_ENV: 'production', COURSE_CONTENT_DIR: contentDir, ...extraEnv };
    await run(bin('vite'), ['build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], { env });
    await run(bin('vite'), ['build', '--logLevel', 'warn', '--ssr', 'src/app/prerender-entry.tsx', '--outDir', ssrDir, '--emptyOutDir'], { env });
    await run(bin('tsx'), ['scripts/prerender.ts', outDir, path.join(ssrDir, 'prerender-entry.js')], { env });
    await run(bin('tsx'), ['scripts/service-worker.ts', outDir], { env });
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    rmSync(ssrDir, { recursive: true, force: true });
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`building the content variant failed:\n${stdout}\n${stderr}`, { cause: error });
  }
  return { outDir, contentDir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
