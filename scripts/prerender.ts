/**
 * After `vite build`: write every route's HTML (dist/index.html, dist/lesson/<id>/index.html,
 * dist/results/index.html, dist/404.html) with the page already rendered, and with relative
 * paths so the site works from any folder of any static host or LMS package.
 *
 * Each page starts its <head> with the same small script (src/app/routes.ts baseScript) that sets
 * <base href> to the page's own folder, found from the address, and writes the stylesheet link:
 * so `/lesson/x` without a slash, or a host's SPA fallback serving index.html at any depth, still
 * loads the right files (docs/decisions/url-scheme.md).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyCsp } from './csp.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const ssrEntry = path.resolve(process.argv[3] ?? 'dist-ssr/prerender-entry.js');

const { render, routes, BASE_PLACEHOLDER, baseScript } = (await import(pathToFileURL(ssrEntry).href)) as typeof import('../src/app/prerender-entry.tsx');
const app = takeAppScripts(readFileSync(path.join(dist, 'index.html'), 'utf8'));
const stylesheet = takeStylesheet(app.html);
const template = stylesheet.html;
if (!template.includes('<!--app-html-->')) throw new Error('dist/index.html has no <!--app-html--> placeholder');
if (!/<meta charset="UTF-8" \/>/.test(template)) throw new Error('dist/index.html has no <meta charset>');
/** The same text on every page, so one CSP hash covers it. */
const BASE_SCRIPT = baseScript();

/** Vite's stylesheet link: the base script writes it once the page's folder is known. */
function takeStylesheet(html: string): { html: string; href: string } {
  const link = html.match(/<link rel="stylesheet" crossorigin href="\.\/(assets\/[^"]+\.css)">\s*/);
  if (!link) throw new Error('dist/index.html has no stylesheet link');
  return { html: html.replace(link[0], ''), href: link[1]! };
}

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
    'function go(){requestAnimationFrame(function(){requestAnimationFrame(function(){setTimeout(start,0)})});setTimeout(start,500)}' +
    // While the base script is still finding the site's folder (see routes.ts), wait for it.
    'if(document.documentElement.hasAttribute("data-base-pending"))document.addEventListener("course-base",go);else go()})()</script>'
  );
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * One page. `route` is its folder under the site base ('' for home, `lesson/<id>`, `results`), or
 * '404' for 404.html (served by hosts at any depth; it lives at the root).
 */
function page(html: string, title: string, lang: string, route: string): string {
  const depth = route === '404' ? 0 : route.split('/').filter(Boolean).length;
  const prefix = depth === 0 ? './' : '../'.repeat(depth);
  const head =
    `<script data-route="${route}" data-css="${stylesheet.href}">${BASE_SCRIPT}</script>\n    ` +
    `<noscript><link rel="stylesheet" href="${prefix}${stylesheet.href}"></noscript>`;
  const page = template
    .replace(/(href|src)="\.\/(?!\/)/g, `$1="${prefix}`)
    .replace(/(<meta charset="UTF-8" \/>)/, `$1\n    ${head}`)
    .replace('<!--app-html-->', () => html)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)
    .replace(/<html lang="[^"]*"/, `<html lang="${lang}"`)
    .replace('</body>', `${appLoader(prefix)}\n  </body>`)
    .replace(new RegExp(`href="${BASE_PLACEHOLDER}/?`, 'g'), `href="${prefix}`);
  // Last: the policy hashes the page's inline scripts as they finally are.
  return applyCsp(page);
}

for (const route of routes) {
  const { html, title, lang } = await render(route.path);
  const segments = route.path.split('/').filter(Boolean);
  const dir = path.join(dist, ...segments);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), page(html, title, lang, segments.join('/')));
}
{
  // Served by static hosts for unknown addresses, at any depth: the base script finds the folder.
  const { html, title, lang } = await render('/404');
  writeFileSync(path.join(dist, '404.html'), page(html, title, lang, '404'));
}
rmSync(path.dirname(ssrEntry), { recursive: true, force: true });
console.log(`pre-rendered ${routes.length + 1} pages into ${path.relative(process.cwd(), dist) || '.'}`);
