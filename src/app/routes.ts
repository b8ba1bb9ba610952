/**
 * The player's addresses, in one place (docs/decisions/url-scheme.md).
 *
 * - Web edition: every route is a folder with its own pre-rendered index.html, and the canonical
 *   address ends with a slash (`<base>/lesson/<id>/`, `<base>/results/`), so a reload asks any
 *   static server for a file it has. The links the app writes use these forms.
 * - LMS packages: the frame always stays on the launch file; the route is in the hash
 *   (`index.html#/lesson/<id>/`), so a reload of the frame asks the LMS for index.html again.
 *
 * No React and no DOM here: scripts/prerender.ts and scripts/package.ts use it at build time.
 */

/**
 * Route folders under the site base, as regular-expression sources (one path segment each
 * except `lesson/<id>`). Add a route here when you add one to App.tsx and prerender-entry.tsx:
 * the pre-rendered pages' base script strips these from the address to find the site's folder.
 */
export const ROUTE_PATTERNS: readonly string[] = ['lesson/[^/]+', 'results', 'lms-check', 'glossary', 'print'];

/** The canonical path of a route, relative to the site base: `/lesson/<id>/`, `/results/`, `/`. */
export const routePath = {
  home: '/',
  lesson: (lessonId: string) => `/lesson/${lessonId}/`,
  results: '/results/',
  lmsCheck: '/lms-check/',
  glossary: '/glossary/',
  print: '/print/',
} as const;

/** The lesson a route path names (`/lesson/<id>/` → id), or `null`. */
export function routeLessonId(path: string): string | null {
  return /^\/?lesson\/([^/]+)\/?$/.exec(path)?.[1] ?? null;
}

/** The canonical (trailing-slash) form of a route path, or `null` when it is canonical already. */
export function canonicalRoutePath(path: string): string | null {
  if (path.endsWith('/') || path === '') return null;
  const known = new RegExp(`^/(?:${ROUTE_PATTERNS.join('|')})$`);
  return known.test(path) ? `${path}/` : null;
}

/**
 * The inline script every pre-rendered page starts its <head> with. Its text is the same on every
 * page of a build (one CSP hash covers it); the page's own data is in data-* attributes:
 * `data-route` (the page's route folder: '' for home, `lesson/<id>`, `404`) and `data-css`
 * (the stylesheet, relative to the site base).
 *
 * It finds the site's folder from the address (strips a known route, `index.html`; for an unknown
 * address, the last segment), then writes `<base href>` = the page's own folder (or the address
 * itself, with its query, when the address is in that folder), so the page's
 * folder-relative URLs resolve even when it is served at `/lesson/x` without a slash or by a SPA
 * fallback at another depth; and it writes the stylesheet link itself (with document.write, so it
 * stays render-blocking and the preload scanner never fetches it from a wrong folder).
 *
 * Where the address alone cannot tell (the home page or 404 page served for an unknown address),
 * it tries the likeliest folder first and, if the stylesheet does not load from there, the folders
 * above it, in turn; the app loader waits (data-base-pending on <html>) until one has worked.
 */
export function baseScript(): string {
  // A regular-expression literal in the script: its slashes escaped.
  const routes = `^(.*\\/)(?:${ROUTE_PATTERNS.join('|').replace(/\//g, '\\/')})\\/?$`;
  return (
    '(function(){var d=document,s=d.currentScript.dataset,r=s.route,p=location.pathname,c=[],f=/\\.html$/.test(p);' +
    `p=p.replace(/[^\\/]*\\.html$/,"");var m=/${routes}/.exec(p);` +
    'if(m||f)c.push(m?m[1]:p);else{if(r==="404")p=p.replace(/[^\\/]*\\/?$/,"");else if(!/\\/$/.test(p))p+="/";' +
    'for(;;){c.push(p);if(p.length<2)break;p=p.replace(/[^\\/]*\\/$/,"")}}' +
    'var i=0,b=d.createElement("base"),h=d.documentElement;' +
    // The page's folder; the address itself when it is in that folder (index.html?query), so
    // fragment links (#main, #/lesson/x/ in an LMS) stay on this document.
    'function dir(){var u=c[i]+(r&&r!=="404"?r+"/":"");return u===location.pathname.replace(/[^\\/]*$/,"")?location.pathname+location.search:u}' +
    'b.href=dir();d.head.appendChild(b);' +
    'function css(){return c[i]+s.css}' +
    'function done(){if(h.hasAttribute("data-base-pending")){h.removeAttribute("data-base-pending");d.dispatchEvent(new Event("course-base"))}}' +
    'function next(l){if(i+1>=c.length)return done();i++;b.href=dir();var n=d.createElement("link");n.rel="stylesheet";n.crossOrigin="";n.id="course-css";n.href=css();l.remove();d.head.appendChild(n)}' +
    'if(c.length>1){h.setAttribute("data-base-pending","");' +
    'd.addEventListener("load",function(e){var l=e.target;if(l.id!=="course-css")return;try{if(l.sheet&&l.sheet.cssRules.length)return done()}catch(x){}next(l)},true);' +
    'd.addEventListener("error",function(e){if(e.target.id==="course-css")next(e.target)},true)}' +
    'd.write(\'<link rel="stylesheet" crossorigin id="course-css" href="\'+css()+\'">\')})()'
  );
}

/**
 * An LMS package's pre-rendered links, rewritten to the launch file with the route in the hash
 * (`lesson/x/` → `index.html#/lesson/x/`), so a click before the app takes over stays on a file the
 * package has. `prefix` is the page's way up to the package root (`''`, `../../`).
 */
export function hashRouteLinks(html: string): string {
  const route = new RegExp(`href="((?:\\.\\./)*)(\\./|(?:${ROUTE_PATTERNS.join('|')})/)?"`, 'g');
  return html.replace(route, (whole, up: string, target: string | undefined) =>
    !up && !target ? whole : `href="${up}index.html#/${target === undefined || target === './' ? '' : target}"`,
  );
}
