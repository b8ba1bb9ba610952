/**
 * After `vite build`: write every route's HTML (dist/index.html, dist/lesson/<id>/index.html,
 * dist/results/index.html, dist/404.html) with the page already rendered, and with relative
 * paths so the site works from any folder of any static host or LMS package.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = path.resolve(process.argv[2] ?? 'dist');
const ssrEntry = path.resolve(process.argv[3] ?? 'dist-ssr/prerender-entry.js');

const { render, routes, BASE_PLACEHOLDER } = (await import(pathToFileURL(ssrEntry).href)) as typeof import('../src/app/prerender-entry.tsx');
const template = readFileSync(path.join(dist, 'index.html'), 'utf8');
if (!template.includes('<!--app-html-->')) throw new Error('dist/index.html has no <!--app-html--> placeholder');

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function page(html: string, title: string, lang: string, depth: number): string {
  const prefix = depth === 0 ? './' : '../'.repeat(depth);
  return template
    .replace('<!--app-html-->', html)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)
    .replace(/<html lang="[^"]*"/, `<html lang="${lang}"`)
    .replace(/(href|src)="\.\/assets\//g, `$1="${prefix}assets/`)
    .replace(new RegExp(`href="${BASE_PLACEHOLDER}/?`, 'g'), `href="${prefix}`);
}

for (const route of routes) {
  const { html, title, lang } = await render(route.path);
  const segments = route.path.split('/').filter(Boolean);
  const dir = path.join(dist, ...segments);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), page(html, title, lang, segments.length));
}
{
  // Served by static hosts for unknown addresses; asset paths must then be absolute to the site root.
  const { html, title, lang } = await render('/404');
  writeFileSync(path.join(dist, '404.html'), page(html, title, lang, 0));
}
rmSync(path.dirname(ssrEntry), { recursive: true, force: true });
console.log(`pre-rendered ${routes.length + 1} pages into ${path.relative(process.cwd(), dist) || '.'}`);
