/**
 * After `vite build`: write every route's HTML (dist/index.html, dist/lesson/<id>/index.html,
 * dist/results/index.html, dist/404.html) with the page already rendered, and with relative
 * paths so the site works from any folder of any static host or LMS package.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyCsp } from './csp.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const ssrEntry = path.resolve(process.argv[3] ?? 'dist-ssr/prerender-entry.js');

const { render, routes, BASE_PLACEHOLDER } = (await import(pathToFileURL(ssrEntry).href)) as typeof import('../src/app/prerender-entry.tsx');
const app = takeAppScripts(readFileSync(path.join(dist, 'index.html'), 'utf8'));
const template = app.html;
if (!template.includes('<!--app-html-->')) throw new Error('dist/index.html has no <!--app-html--> placeholder');

/**
 * The pre-rendered page is readable on its own, so the app's scripts are requested only after it
 * has painted: on a slow connection its text and styles get the bandwidth first, and the app takes
 * over when it arrives. Vite's entry script and modulepreload tags are taken out of the template
 * and each page gets one small loader that adds them back once the first frame has been shown (the
 * second animation frame starts after it; the zero timeout leaves that frame's work first). The
 * 500 ms timeout starts the app in a background tab, where animation frames wait for the tab.
 */
function takeAppScripts(html: string): { html: string; entry: string; preloads: string[] } {
  const entry = html.match(/<script type="module" crossorigin src="\.\/([^"]+)"><\/script>\s*/);
  if (!entry) throw new Error('dist/index.html has no module entry script');
  const preloads = [...html.matchAll(/<link rel="modulepreload" crossorigin href="\.\/([^"]+)">\s*/g)];
  for (const tag of [entry, ...preloads]) html = html.replace(tag[0], '');
  return { html, entry: entry[1]!, preloads: preloads.map((m) => m[1]!) };
}

function appLoader(prefix: string): string {
  const url = (file: string) => `${prefix}${file}`;
  return (
    `<script id="app-loader" data-entry="${url(app.entry)}" data-preload="${app.preloads.map(url).join(' ')}">` +
    '(function(){var d=document.currentScript.dataset,started=false;' +
    'function add(tag,url,rel){var el=document.createElement(tag);el.crossOrigin="";' +
    'if(rel){el.rel=rel;el.href=url}else{el.type="module";el.src=url}document.head.appendChild(el)}' +
    'function start(){if(started)return;started=true;' +
    'd.preload.split(" ").filter(Boolean).forEach(function(url){add("link",url,"modulepreload")});add("script",d.entry)}' +
    'requestAnimationFrame(function(){requestAnimationFrame(function(){setTimeout(start,0)})});setTimeout(start,500)})()</script>'
  );
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function page(html: string, title: string, lang: string, depth: number): string {
  const prefix = depth === 0 ? './' : '../'.repeat(depth);
  return applyCsp(pageWithoutCsp(html, title, lang, prefix));
}

function pageWithoutCsp(html: string, title: string, lang: string, prefix: string): string {
  return template
    .replace('<!--app-html-->', html)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)
    .replace(/<html lang="[^"]*"/, `<html lang="${lang}"`)
    .replace(/(href|src)="\.\/(assets\/|icons\/|manifest\.webmanifest)/g, `$1="${prefix}$2`)
    .replace('</body>', `${appLoader(prefix)}\n  </body>`)
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
