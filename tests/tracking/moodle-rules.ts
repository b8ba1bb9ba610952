/**
 * What Moodle's SCORM player accepts for an interaction record, re-expressed from its run-time
 * API so the unit tests can hold our values to it (scorm-again, the test LMS, accepts more).
 *
 * Sources (moodle/moodle, commit 139f32c2183864dd77b232f45be69bc29161fb4e):
 * - SCORM 2004: mod/scorm/datamodels/scorm_13.js, `SCORMapi1_3()`: the data type patterns, the
 *   `learner_response` and `correct_responses` tables per interaction type, `SetValue`,
 *   `CRremovePrefixes` and `CRcheckValueNodes`.
 * - SCORM 1.2: mod/scorm/datamodels/scorm_12.js, `SCORMapi1_2()`, and scorm_12.php (commit
 *   231520807ed5b1b0aca16b7e4d5e81ff456e1658) for CMIString256 in "SCORM 1.2 standard" mode (the
 *   stricter of its two settings).
 *
 * The pattern strings below are the values of Moodle's JavaScript string literals (a `\.` in its
 * source is a plain `.`), used as Moodle uses them: `new RegExp(pattern)`, no flags.
 * The checking code is ours; it follows Moodle's order of checks and error codes.
 */

// ------------------------------------------------------------------ SCORM 2004 (scorm_13.js)
const P2004 = {
  CMIShortIdentifier: String.raw`^[\w.]{1,250}$`,
  CMILongIdentifier: String.raw`^(?:(?!urn:)\S{1,4000}|urn:[A-Za-z0-9-]{1,31}:\S{1,4000})$`,
  CMIFeedback: String.raw`^.*$`,
  CMIDecimal: String.raw`^-?([0-9]{1,5})(\.[0-9]{1,18})?$`,
  CMITime: String.raw`^(19[7-9]{1}[0-9]{1}|20[0-2]{1}[0-9]{1}|203[0-8]{1})((-(0[1-9]{1}|1[0-2]{1}))((-(0[1-9]{1}|[1-2]{1}[0-9]{1}|3[0-1]{1}))(T([0-1]{1}[0-9]{1}|2[0-3]{1})((:[0-5]{1}[0-9]{1})((:[0-5]{1}[0-9]{1})((\.[0-9]{1,2})((Z|([+|-]([0-1]{1}[0-9]{1}|2[0-3]{1})))(:[0-5]{1}[0-9]{1})?)?)?)?)?)?)?)?$`,
  CMITimespan: String.raw`^P(\d+Y)?(\d+M)?(\d+D)?(T(((\d+H)(\d+M)?(\d+(.\d{1,2})?S)?)|((\d+M)(\d+(.\d{1,2})?S)?)|((\d+(.\d{1,2})?S))))?$`,
  CMILangString250: String.raw`^({lang=([a-zA-Z]{2,3}|i|x)(-[a-zA-Z0-9-]{2,8})?})?([^{].{0,250}$)?`,
  CMILangcr: String.raw`^(({lang=([a-zA-Z]{2,3}|i|x)?(-[a-zA-Z0-9-]{2,8})?}))(.*?)$`,
  CMILangString250cr: String.raw`^(({lang=([a-zA-Z]{2,3}|i|x)?(-[a-zA-Z0-9-]{2,8})?})?(.{0,250})?)?$`,
  CMIType: String.raw`^true-false$|^choice$|^(long-)?fill-in$|^matching$|^performance$|^sequencing$|^likert$|^numeric$|^other$`,
  CMIResult: String.raw`^correct$|^incorrect$|^unanticipated$|^neutral$|^-?([0-9]{1,4})(\.[0-9]{1,18})?$`,
  /** CRremovePrefixes: the `{lang=…}`, `{case_matters=…}`, `{order_matters=…}` prefixes it strips. */
  prefix: String.raw`^({(lang|case_matters|order_matters)=([^}]+)})`,
};

/** Moodle checks a `{lang=…}` code against its `validLanguages` table (ISO 639); the course's languages. */
const KNOWN_LANGUAGES = new Set(['en', 'fr']);

interface TypeRule {
  format: string;
  format2?: string;
  max: number;
  delimiter: string;
  delimiter2?: string;
  unique: boolean;
  limit?: number;
}

/** The `learner_response` table, for the types the player writes. */
const LEARNER_RESPONSE: Record<string, TypeRule> = {
  'true-false': { format: '^true$|^false$', max: 1, delimiter: '', unique: false },
  choice: { format: P2004.CMIShortIdentifier, max: 36, delimiter: '[,]', unique: true },
  'fill-in': { format: P2004.CMILangString250, max: 10, delimiter: '[,]', unique: false },
  matching: { format: P2004.CMIShortIdentifier, format2: P2004.CMIShortIdentifier, max: 36, delimiter: '[,]', delimiter2: '[.]', unique: false },
};

/** The `correct_responses` table, for the types the player writes. */
const CORRECT_RESPONSES: Record<string, TypeRule> = {
  'true-false': { format: '^true$|^false$', max: 1, delimiter: '', unique: false, limit: 1 },
  choice: { format: P2004.CMIShortIdentifier, max: 36, delimiter: '[,]', unique: true },
  'fill-in': { format: P2004.CMILangString250cr, max: 10, delimiter: '[,]', unique: false },
  matching: { format: P2004.CMIShortIdentifier, format2: P2004.CMIShortIdentifier, max: 36, delimiter: '[,]', delimiter2: '[.]', unique: false },
};

const FORMAT_2004: Record<string, string> = {
  id: P2004.CMILongIdentifier,
  type: P2004.CMIType,
  timestamp: P2004.CMITime,
  weighting: P2004.CMIDecimal,
  description: P2004.CMILangString250,
  learner_response: P2004.CMIFeedback,
  result: P2004.CMIResult,
  latency: P2004.CMITimespan,
};

/** `SetValue`'s first test: the element's format, and a match that is not empty unless the value is. */
function formatOk(pattern: string, value: string): boolean {
  const matches = value.match(new RegExp(pattern));
  return matches !== null && (matches.join('').length > 0 || value.length === 0);
}

/** A pair `a[.]b` (matching): exactly two parts, each of its format. */
function pairOk(rule: TypeRule, node: string): boolean {
  const parts = node.split(rule.delimiter2!);
  return parts.length === 2 && new RegExp(rule.format).test(parts[0]!) && new RegExp(rule.format2!).test(parts[1]!);
}

function split(rule: TypeRule, value: string): string[] {
  return rule.delimiter === '' ? [value] : value.split(rule.delimiter);
}

function learnerResponseError(type: string, value: string): string {
  const rule = LEARNER_RESPONSE[type];
  if (!rule) return '408';
  const nodes = split(rule, value);
  if (nodes.length > rule.max) return '351';
  for (let i = 0; i < nodes.length; i += 1) {
    const node = nodes[i]!;
    if (rule.delimiter2 !== undefined) {
      if (!pairOk(rule, node)) return '406';
    } else {
      if (node.match(new RegExp(rule.format)) === null) return '406';
      if (node !== '' && rule.unique && nodes.slice(0, i).includes(node)) return '406';
    }
  }
  return '0';
}

/** CRremovePrefixes: strips the known prefixes, checking the language code and the booleans. */
function removePrefixes(node: string): { error: string; node: string } {
  let error = '0';
  let seenLang = false;
  let seenCase = false;
  let seenOrder = false;
  let rest = node;
  for (let m = rest.match(P2004.prefix); m !== null; m = rest.match(P2004.prefix)) {
    if (m[2] === 'lang') {
      const lang = rest.match(P2004.CMILangcr)?.[3];
      if (lang && !KNOWN_LANGUAGES.has(lang.toLowerCase())) error = '406';
      seenLang = true;
    } else if (m[2] === 'case_matters') {
      if (!seenLang && !seenOrder && !seenCase && m[3] !== 'true' && m[3] !== 'false') error = '406';
      seenCase = true;
    } else {
      if (!seenCase && !seenLang && !seenOrder && m[3] !== 'true' && m[3] !== 'false') error = '406';
      seenOrder = true;
    }
    rest = rest.slice(m[1]!.length);
  }
  return { error, node: rest };
}

function correctPatternError(type: string, value: string, earlier: string[]): string {
  const rule = CORRECT_RESPONSES[type];
  if (!rule) return '408';
  if (type === 'choice' && earlier.includes(value)) return '351';
  if (rule.limit !== undefined && earlier.length >= rule.limit) return '351';
  const nodes = split(rule, value);
  if (nodes.length > rule.max) return '351';
  for (let i = 0; i < nodes.length; i += 1) {
    let node = nodes[i]!;
    if (/^(fill-in|long-fill-in|matching|performance|sequencing)$/.test(type)) {
      const stripped = removePrefixes(node);
      if (stripped.error !== '0') return stripped.error;
      node = stripped.node;
    }
    if (rule.delimiter2 !== undefined) {
      if (!pairOk(rule, node)) return '406';
    } else {
      const matches = node.match(new RegExp(rule.format));
      if (matches === null && (value !== '' || type === 'true-false')) return '406';
      if (node !== '' && rule.unique && nodes.slice(0, i).includes(node)) return '406';
    }
  }
  return '0';
}

export interface Refusal {
  field: string;
  value: string;
  code: string;
}

/**
 * Sets one interaction record's fields (as `cmi.interactions.n.<field>`, in order) the way
 * Moodle's SCORM 2004 `SetValue` checks them; returns what it would refuse.
 */
export function moodle2004Refusals(fields: Array<[string, string]>): Refusal[] {
  const refused: Refusal[] = [];
  let type: string | undefined;
  const patterns: string[] = [];
  for (const [field, value] of fields) {
    const correct = /^correct_responses\.(\d+)\.pattern$/.exec(field);
    const format = correct ? P2004.CMIFeedback : FORMAT_2004[field];
    let code = format === undefined ? '401' : formatOk(format, value) ? '0' : '406';
    if (code === '0' && field === 'type') type = value;
    if (code === '0' && field === 'learner_response') code = type === undefined ? '408' : learnerResponseError(type, value);
    if (code === '0' && correct) {
      if (type === undefined) code = '408';
      else if (Number(correct[1]) !== patterns.length) code = '351';
      else code = correctPatternError(type, value, patterns);
      if (code === '0') patterns.push(value);
    }
    if (code !== '0') refused.push({ field, value, code });
  }
  return refused;
}

// -------------------------------------------------------------------- SCORM 1.2 (scorm_12.js)
const P12 = {
  /** scorm_12.php, "SCORM 1.2 standard" mode on; CMIFeedback is defined as CMIString256. */
  CMIString256: String.raw`^[\u0000-\uFFFF]{0,255}$`,
  CMITime: String.raw`^([0-2]{1}[0-9]{1}):([0-5]{1}[0-9]{1}):([0-5]{1}[0-9]{1})(.[0-9]{1,2})?$`,
  CMITimespan: String.raw`^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(.[0-9]{1,2})?$`,
  CMIDecimal: String.raw`^-?([0-9]{0,3})(.[0-9]*)?$`,
  CMIIdentifier: String.raw`^[\u0021-\u007E]{0,255}$`,
  CMIType: String.raw`^true-false$|^choice$|^fill-in$|^matching$|^performance$|^sequencing$|^likert$|^numeric$`,
  CMIResult: String.raw`^correct$|^wrong$|^unanticipated$|^neutral$|^([0-9]{0,3})?(.[0-9]*)?$`,
};

const FORMAT_12: Record<string, { format: string; range?: [number, number] }> = {
  id: { format: P12.CMIIdentifier },
  time: { format: P12.CMITime },
  type: { format: P12.CMIType },
  weighting: { format: P12.CMIDecimal, range: [-100, 100] },
  student_response: { format: P12.CMIString256 },
  result: { format: P12.CMIResult },
  latency: { format: P12.CMITimespan },
};

/** Sets one interaction record's fields the way Moodle's SCORM 1.2 `LMSSetValue` checks them. */
export function moodle12Refusals(fields: Array<[string, string]>): Refusal[] {
  const refused: Refusal[] = [];
  for (const [field, value] of fields) {
    const rule = /^correct_responses\.\d+\.pattern$/.test(field) ? { format: P12.CMIString256 } : FORMAT_12[field];
    let code = '0';
    if (!rule) code = '201';
    else if (value.match(new RegExp(rule.format)) === null) code = '405';
    else if (rule.range && !(Number(value) >= rule.range[0] && Number(value) <= rule.range[1])) code = '405';
    if (code !== '0') refused.push({ field, value, code });
  }
  return refused;
}

/**
 * The SCORM 1.2 run-time environment's own response formats (CMIFeedback, by interaction type),
 * which Moodle does not check but stricter LMSs do: choice is single characters `0-9a-z`
 * separated by commas, true-false one of `0 1 t f`, matching `x.y` pairs of such characters.
 */
export const SCORM12_RESPONSE: Record<string, RegExp> = {
  choice: /^([0-9a-z](,[0-9a-z])*)?$/,
  'true-false': /^[01tf]$/,
  matching: /^([0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*)?$/,
  'fill-in': /^[\s\S]{0,255}$/,
};
