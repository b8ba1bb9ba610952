/**
 * Value formats of the two SCORM run-time data models: time spans, time stamps and the text
 * limits LMSs enforce. Pure functions, no DOM.
 */

/** The SCORM editions the player can report to. */
export type ScormVersion = '1.2' | '2004';

/**
 * A time span in SCORM 1.2's CMITimespan format, `HHHH:MM:SS.SS` (hours: 2 to 4 digits).
 * Longer spans are capped at 9999:59:59.99, the largest the format can hold.
 *
 * @example
 * scorm12Timespan(3725.5) // → "01:02:05.50"
 */
export function scorm12Timespan(seconds: number): string {
  const centis = Math.min(Math.max(0, Math.round((Number.isFinite(seconds) ? seconds : 0) * 100)), 9999 * 360000 + 359999);
  const hours = Math.floor(centis / 360000);
  const minutes = Math.floor((centis % 360000) / 6000);
  const secs = Math.floor((centis % 6000) / 100);
  const cs = centis % 100;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(secs)}.${pad(cs)}`;
}

/**
 * A time span in SCORM 2004's timeinterval format (ISO 8601 duration, seconds to 0.01).
 *
 * @example
 * scorm2004Duration(3725.5) // → "PT1H2M5.5S"
 * scorm2004Duration(0)      // → "PT0S"
 */
export function scorm2004Duration(seconds: number): string {
  const centis = Math.max(0, Math.round((Number.isFinite(seconds) ? seconds : 0) * 100));
  const hours = Math.floor(centis / 360000);
  const minutes = Math.floor((centis % 360000) / 6000);
  const secs = (centis % 6000) / 100;
  let out = 'PT';
  if (hours > 0) out += `${hours}H`;
  if (minutes > 0) out += `${minutes}M`;
  if (secs > 0 || out === 'PT') out += `${Number(secs.toFixed(2))}S`;
  return out;
}

/** A session's length in the version's format. */
export function sessionTime(version: ScormVersion, seconds: number): string {
  return version === '1.2' ? scorm12Timespan(seconds) : scorm2004Duration(seconds);
}

/**
 * SCORM 1.2 CMITime (`HH:MM:SS`), the local time of day of `date`.
 *
 * @example
 * scorm12Time(new Date(2025, 0, 1, 9, 5, 7)) // → "09:05:07"
 */
export function scorm12Time(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/**
 * SCORM 2004 time(second,10,0): `YYYY-MM-DDThh:mm:ss.ssZ`, in UTC, hundredths of a second
 * (the data model allows a time zone designator only after the fraction).
 *
 * @example
 * scorm2004Timestamp(new Date('2025-01-01T10:00:00.123Z')) // → "2025-01-01T10:00:00.12Z"
 */
export function scorm2004Timestamp(date: Date): string {
  const iso = date.toISOString(); // 2025-01-01T10:00:00.123Z
  return `${iso.slice(0, 22)}Z`;
}

/** A ratio as a SCORM 2004 real(10,7) in 0..1, never rounded up (so never above the true value). */
export function scaledScore(score: number, max: number): string {
  if (max <= 0) return '1';
  const tenMillionths = Math.floor((Math.min(Math.max(score, 0), max) * 10_000_000) / max);
  return trimDecimal(tenMillionths / 10_000_000);
}

function trimDecimal(value: number): string {
  return String(Number(value.toFixed(7)));
}

/** `completed / total` as a SCORM 2004 progress measure (0..1, 7 decimals at most). */
export function progressMeasure(completed: number, total: number): string {
  if (total <= 0) return '1';
  return scaledScore(completed, total);
}

// One line of plain text for an LMS field; shared with the question types' interaction values.
export { plainLine } from '../../questions/scorm.ts';
