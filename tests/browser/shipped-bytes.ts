/** What a page of the production build makes the browser download, for the budget test and `npm run bench`. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const gzipSize = (dist: string, file: string): number => gzipSync(readFileSync(path.join(dist, file))).length;

/** Files in `dist/assets` ending in `extension`, as paths relative to `dist`. */
export function assetFiles(dist: string, extension: '.js' | '.css'): string[] {
  return readdirSync(path.join(dist, 'assets'))
    .filter((f) => f.endsWith(extension))
    .map((f) => `assets/${f}`);
}

/** The chunk holding a lesson's body (named after the lesson id by the build). */
export function lessonChunk(dist: string, lessonId: string): string {
  const file = assetFiles(dist, '.js').find((f) => new RegExp(`^assets/${lessonId}-[\\w-]{8}\\.js$`).test(f));
  if (!file) throw new Error(`no chunk for lesson ${lessonId} in ${dist}/assets`);
  return file;
}

/**
 * What the page at `htmlFile` fetches before it can run: its stylesheets, the entry script and its modulepreloads, each script's static imports, and the chunk of the lesson it shows (if any).
 * Dynamic `import()`s load later, on demand, and are not counted.
 */
export function firstPageAssets(dist: string, htmlFile: string, lessonId?: string): { js: string[]; css: string[] } {
  const html = readFileSync(path.join(dist, htmlFile), 'utf8');
  // Pages in sub-folders refer to assets relatively (`../../assets/…`): resolve against the page.
  const fromPage = (href: string) => path.normalize(path.join(path.dirname(htmlFile), href));
  const attr = (re: RegExp) => [...html.matchAll(re)].map((m) => fromPage(m[1]!));
  // The stylesheet is written by the page's base script, with a <noscript> copy of the link; the
  // script's own text holds a link template ('+css()+'), which is not a file.
  const css = new Set(attr(/<link[^>]*rel="stylesheet"[^>]*href="([^"'+]+)"/g));
  const js = new Set<string>();
  // The pre-rendered pages start the app through a loader that names the entry and its preloads.
  const loader = html.match(/<script id="app-loader" data-entry="([^"]+)" data-preload="([^"]*)">/);
  if (!loader) throw new Error(`${htmlFile} has no app loader`);
  const pending = [loader[1]!, ...loader[2]!.split(' ').filter(Boolean)].map(fromPage);
  if (lessonId) pending.push(lessonChunk(dist, lessonId));
  while (pending.length) {
    const file = pending.pop()!;
    if (js.has(file)) continue;
    js.add(file);
    const code = readFileSync(path.join(dist, file), 'utf8');
    // Static imports only (`import x from"./a.js"`, `import"./a.js"`); `import(…)` loads later.
    for (const m of code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
      pending.push(path.join(path.dirname(file), m[1]!));
    }
  }
  return { js: [...js], css: [...css] };
}
