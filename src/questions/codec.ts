/**
 * The text helpers of the suspend-data format that answers are written in (the whole format is
 * in tracking/scorm/suspend-data.ts). Free text is percent-escaped outside
 * `A-Z a-z 0-9 space - _ . ? ( ) /`.
 */

/**
 * An object with no prototype: decoded ids are untrusted, and an id such as `__proto__` must
 * stay a plain key instead of reaching `Object.prototype`.
 */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

const SAFE = /[A-Za-z0-9 \-_.?()/]/;

/**
 * Percent-escapes every character outside the safe set (UTF-8 bytes for non-ASCII).
 *
 * @example
 * escapeText('Peer | "support"') // → "Peer %7C %22support%22"
 */
export function escapeText(text: string): string {
  let out = '';
  for (const char of text) {
    if (SAFE.test(char)) out += char;
    else if (char.charCodeAt(0) < 0x80) out += `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
    else out += encodeURIComponent(char);
  }
  return out;
}

export function unescapeText(text: string): string {
  if (!/^[A-Za-z0-9 \-_.?()/%]*$/.test(text)) throw new Error(`unexpected character in "${text.slice(0, 20)}"`);
  return decodeURIComponent(text);
}

/** The items of a `+`-joined list; none for the empty string. */
export const plusList = (value: string): string[] => (value === '' ? [] : value.split('+'));
