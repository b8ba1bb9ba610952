/**
 * Helpers for the SCORM interaction values that the question models build (the rules every value
 * follows, and why, are in tracking/scorm/interactions.ts).
 */

/**
 * One line of plain text: white space (including new lines, which LMSs' patterns reject)
 * collapsed, trimmed, and cut to `max` UTF-16 code units (what LMSs' JavaScript patterns such as
 * Moodle's `[\u0000-\uFFFF]{0,255}` count) without splitting a character.
 *
 * @example
 * plainLine('a\n  b', 10) // → "a b"
 * plainLine('😀😀😀', 4)   // → "😀😀" (each is two code units)
 */
export function plainLine(text: string, max: number): string {
  const collapsed = text.replace(/\s+/gu, ' ').trim();
  if (collapsed.length <= max) return collapsed;
  let out = '';
  for (const char of collapsed) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}

const CHARS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** The SCORM 1.2 single character for each id of a list (the id itself when it is one). */
export function charMap(ids: string[]): Map<string, string> {
  const allSingle = ids.every((id) => /^[0-9a-z]$/.test(id)) && new Set(ids).size === ids.length;
  return new Map(ids.map((id, i) => [id, allSingle ? id : (CHARS[i] ?? '?')]));
}

/** The longest short identifier Moodle takes (`CMIShortIdentifier`, `^[\w.]{1,250}$`). */
const SHORT_ID_MAX = 250;

/**
 * A SCORM 2004 short identifier for each id of a list, which Moodle accepts: characters other
 * than `A-Z a-z 0-9 _ .` become `_`. When that would merge two ids, leave one empty or too
 * long, every id of the list is named by its position instead (`1`, `2`…), so different ids
 * always stay different.
 *
 * @example
 * shortIdMap(['feedback-before', 'leaders']) // → feedback-before → feedback_before, leaders → leaders
 * shortIdMap(['a-b', 'a_b'])                 // → a-b → 1, a_b → 2
 */
export function shortIdMap(ids: readonly string[]): Map<string, string> {
  const safe = ids.map((id) => id.replace(/[^A-Za-z0-9_.]/g, '_'));
  const usable =
    safe.every((id) => id.length > 0 && id.length <= SHORT_ID_MAX) && new Set(safe).size === ids.length && new Set(ids).size === ids.length;
  return new Map(ids.map((id, i) => [id, usable ? safe[i]! : String(i + 1)]));
}

/** Fill-in text for 2004: one line, no `[,]` (its list delimiter), not starting with `{`. */
export function fillIn2004(text: string, lang: string): string {
  const line = plainLine(text.replace(/\[,\]/g, ','), 250);
  return line.startsWith('{') ? `{lang=${lang}}${line}` : line;
}
