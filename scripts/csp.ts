/**
 * The Content-Security-Policy every page carries, as a `<meta http-equiv>` tag so that it works on
 * any static host and inside LMS packages (where the course cannot set headers).
 *
 * - no `'unsafe-inline'`, no `'unsafe-eval'`: the only inline scripts are the constant ones
 *   `scripts/prerender.ts` writes (the app loader, and any other head script), each allowed by the
 *   SHA-256 hash of its exact text, computed here from the final HTML — so the policy follows
 *   whatever inline scripts the page really has;
 * - `style-src 'self'`: no inline styles (the chart's bar widths are classes, see Chart.tsx);
 * - `connect-src 'self'`: the SCORM API is JavaScript in the LMS's frame, not a request. A cmi5
 *   package talks to the LMS's LRS, whose address comes from the launch URL (`endpoint=`), so its
 *   pages need that origin: pass it as `connectSrc` when the package is built for a known LMS
 *   (e.g. `applyCsp(html, { connectSrc: ['https://lrs.example.org'] })`).
 *
 * `frame-ancestors` (which sites may frame the course) is ignored in a `<meta>` policy; hosts that
 * allow headers should send it (README, "Security").
 */
import { createHash } from 'node:crypto';

export interface CspOptions {
  /** Origins the page may send requests to besides its own (an LRS for cmi5). */
  connectSrc?: readonly string[];
}

const META = /<meta http-equiv="Content-Security-Policy"[^>]*>\s*/gi;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** `'sha256-…'` sources for every inline script of a page (scripts with `src` need none). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = '', text = ''] of html.matchAll(SCRIPT)) {
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    if (/\stype\s*=\s*["']?application\/(ld\+)?json/i.test(` ${attributes}`)) continue; // data, never run
    hashes.add(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  }
  return [...hashes].sort();
}

/** The policy for a page. */
export function contentSecurityPolicy(html: string, options: CspOptions = {}): string {
  const scripts = ["'self'", ...inlineScriptHashes(html)];
  const connect = ["'self'", ...(options.connectSrc ?? [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * Puts the page's policy in its `<head>` (replacing one already there), before any script, so it
 * governs the whole page. Run it as the very last step on every HTML file written.
 *
 * @example
 * writeFileSync(file, applyCsp(page));
 */
export function applyCsp(html: string, options: CspOptions = {}): string {
  const without = html.replace(META, '');
  const tag = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(without, options)}" />`;
  // After <meta charset> when there is one (it must stay in the first bytes), else first in <head>.
  const charset = /<meta charset=[^>]*>/i.exec(without);
  if (charset) return without.replace(charset[0], `${charset[0]}\n    ${tag}`);
  const withTag = without.replace(/<head(\s[^>]*)?>/i, (head) => `${head}\n    ${tag}`);
  if (withTag === without) throw new Error('page has no <head> for its Content-Security-Policy');
  return withTag;
}
