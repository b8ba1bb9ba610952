/**
 * Which link targets content may use, decided at build time (rule `unsafe-link`).
 *
 * Allowed: `https:`, `http:` (a warning: prefer https), `mailto:`, `tel:`, in-course
 * `lesson:<id>` links and `#fragments`. Anything else — `javascript:`, `data:`, `vbscript:`,
 * `file:`, relative paths, protocol-relative `//host` — is an error, whatever the form of the link
 * (inline, autolink, reference definition; images: markdown.ts).
 *
 * The URL is read the way a browser reads it: Markdown has already decoded character references
 * (`&#106;avascript:` arrives as `javascript:`), then, as the WHATWG URL parser does, leading and
 * trailing C0 control characters and spaces are stripped and every tab and newline removed, and
 * the scheme is compared without regard to letter case.
 */

export type LinkKind = 'external' | 'insecure' | 'mailto' | 'tel' | 'lesson' | 'fragment';

export type LinkCheck =
  /** `href` is the URL as the browser would read it (for `lesson:` links, the lesson id follows). */
  | { ok: true; kind: LinkKind; href: string; lessonId?: string }
  | { ok: false; reason: string };

/** The URL as the WHATWG URL parser sees it before parsing. */
export function browserUrl(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/**
 * @example
 * checkLink('https://example.org')   // → { ok: true, kind: 'external', href: 'https://example.org' }
 * checkLink(' JaVa\tScript:alert(1)') // → { ok: false, reason: 'the "javascript:" scheme …' }
 */
export function checkLink(url: string): LinkCheck {
  const href = browserUrl(url);
  if (href.startsWith('#')) return { ok: true, kind: 'fragment', href };
  const scheme = SCHEME.exec(href)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    return {
      ok: false,
      reason: `"${shorten(href)}" is not a full address; link to a lesson with lesson:<id>, to a note with #…, or to a site with https://…`,
    };
  }
  const rest = href.slice(scheme.length + 1);
  switch (scheme) {
    case 'https':
      return { ok: true, kind: 'external', href: `https:${rest}` };
    case 'http':
      return { ok: true, kind: 'insecure', href: `http:${rest}` };
    case 'mailto':
      return { ok: true, kind: 'mailto', href: `mailto:${rest}` };
    case 'tel':
      return { ok: true, kind: 'tel', href: `tel:${rest}` };
    case 'lesson':
      return { ok: true, kind: 'lesson', href: `lesson:${rest}`, lessonId: rest };
    default:
      return {
        ok: false,
        reason: `the "${scheme}:" scheme is not allowed in content links (it could run script or leave the course); use https://, http://, mailto:, tel:, lesson:<id> or #…`,
      };
  }
}

function shorten(text: string): string {
  // Control characters are shown escaped, so the message shows what the file really holds.
  const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text).slice(1, -1);
  return shown;
}
