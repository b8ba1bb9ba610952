/**
 * The pre-rendered pages' base script (src/app/routes.ts): from the address a page is served at,
 * the folder its relative URLs resolve from, and the stylesheet it writes. Run in a stub document.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { baseScript, canonicalRoutePath, hashRouteLinks, routeLessonId } from '../../src/app/routes.ts';

const CSS = 'assets/index-abc.css';

function run(pathname: string, route: string, search = '') {
  const written: string[] = [];
  const base = { href: '' };
  const attributes = new Set<string>();
  const document = {
    currentScript: { dataset: { route, css: CSS } },
    createElement: () => base,
    head: { appendChild: () => undefined },
    documentElement: {
      setAttribute: (name: string) => attributes.add(name),
      hasAttribute: (name: string) => attributes.has(name),
      removeAttribute: (name: string) => attributes.delete(name),
    },
    addEventListener: () => undefined,
    dispatchEvent: () => undefined,
    write: (html: string) => written.push(html),
  };
  runInNewContext(baseScript(), { document, location: { pathname, search }, Event: class {} });
  return { base: base.href, stylesheet: /href="([^"]+)"/.exec(written.join(''))?.[1], probing: attributes.has('data-base-pending') };
}

describe('the base script', () => {
  it.each([
    // [address, the file served (its data-route), base href, stylesheet]
    ['/courses/peer/lesson/x/', 'lesson/x', '/courses/peer/lesson/x/', '/courses/peer/'],
    ['/courses/peer/lesson/x', 'lesson/x', '/courses/peer/lesson/x/', '/courses/peer/'],
    ['/courses/peer/lesson/x/index.html', 'lesson/x', '/courses/peer/lesson/x/index.html', '/courses/peer/'],
    ['/courses/peer/results', 'results', '/courses/peer/results/', '/courses/peer/'],
    // A SPA fallback: the home page served at a lesson's address.
    ['/courses/peer/lesson/x', '', '/courses/peer/', '/courses/peer/'],
    ['/courses/peer/lms-check/', '', '/courses/peer/', '/courses/peer/'],
    ['/courses/peer/', '', '/courses/peer/', '/courses/peer/'],
    ['/courses/peer', '', '/courses/peer/', '/courses/peer/'],
    ['/', '', '/', '/'],
    // 404.html at an unknown address: the last segment is the unknown part.
    // (The address itself when it is in that folder, so #fragments stay on the page.)
    ['/courses/peer/no-such-page', '404', '/courses/peer/no-such-page', '/courses/peer/'],
    ['/courses/peer/no-such-page/', '404', '/courses/peer/', '/courses/peer/'],
    ['/courses/peer/lesson/nope', '404', '/courses/peer/', '/courses/peer/'],
  ])('%s serving %j: base %s, stylesheet from %s', (pathname, route, base, folder) => {
    const result = run(pathname, route);
    expect(result.base).toBe(base);
    expect(result.stylesheet).toBe(`${folder}${CSS}`);
  });

  it('keeps the query in the base href when the address is in the page folder (fragments stay on the page)', () => {
    expect(run('/mod/scorm/1/index.html', '', '?scoid=3').base).toBe('/mod/scorm/1/index.html?scoid=3');
  });

  it('tries the folders above when the address alone cannot tell, and says so to the app loader', () => {
    expect(run('/courses/peer/no-such-page/', '').probing).toBe(true);
    expect(run('/courses/peer/lesson/x/', 'lesson/x').probing).toBe(false);
    expect(run('/pkg/index.html', '').probing).toBe(false);
  });
});

describe('route paths', () => {
  it('gives the slash form of a known route, and leaves others alone', () => {
    expect(canonicalRoutePath('/lesson/welcome')).toBe('/lesson/welcome/');
    expect(canonicalRoutePath('/results')).toBe('/results/');
    expect(canonicalRoutePath('/lesson/welcome/')).toBeNull();
    expect(canonicalRoutePath('/no-such-page')).toBeNull();
    expect(routeLessonId('/lesson/welcome/')).toBe('welcome');
    expect(routeLessonId('/results/')).toBeNull();
  });

  it('points an LMS page’s route links at the launch file', () => {
    expect(hashRouteLinks('<a href="./">h</a><a href="../../lesson/x/">l</a><a href="results/">r</a><a href="#main">s</a><a href="https://e.org/">e</a>')).toBe(
      '<a href="index.html#/">h</a><a href="../../index.html#/lesson/x/">l</a><a href="index.html#/results/">r</a><a href="#main">s</a><a href="https://e.org/">e</a>',
    );
  });
});
