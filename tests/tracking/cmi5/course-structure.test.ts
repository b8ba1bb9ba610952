// @vitest-environment jsdom
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auRule, cmi5Xml, CMI5_SCHEMA_FILE } from '../../../src/tracking/cmi5/course-structure.ts';
import { course } from '../helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cmi5-xml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** xmllint's verdict on `xml` against the shipped schema (.ci/run installs Debian's libxml2-utils). */
function validate(xml: string, schema = path.resolve('scripts/cmi5-schemas', CMI5_SCHEMA_FILE)): string {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('xmllint is missing: install Debian\'s libxml2-utils (apt-get install -y libxml2-utils) to validate cmi5.xml');
  }
  const file = path.join(dir, `cmi5-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  copyFileSync(schema, path.join(dir, CMI5_SCHEMA_FILE));
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', path.join(dir, CMI5_SCHEMA_FILE), file], { stdio: 'pipe' });
    return 'valid';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'application/xml');

describe('cmi5.xml (§13–14)', () => {
  it('has the course and one AU, with title, description, relative launch URL, moveOn and masteryScore from course.json', () => {
    const doc = parse(cmi5Xml(course));
    const au = doc.getElementsByTagName('au');
    expect(au).toHaveLength(1);
    expect(au[0]?.getAttribute('moveOn')).toBe('CompletedAndPassed');
    expect(au[0]?.getAttribute('masteryScore')).toBe(String((course.completion.passingScore ?? 0) / 100));
    expect(au[0]?.getElementsByTagName('url')[0]?.textContent).toBe('index.html');
    expect(doc.querySelector('course > title > langstring')?.textContent).toBe(course.title);
    expect(doc.querySelector('course > description > langstring')?.textContent).toBe(course.description);
    expect(doc.querySelector('au > title > langstring')?.getAttribute('lang')).toBe(course.locale);
  });

  it('validates against the cmi5 course-structure XSD', () => {
    expect(validate(cmi5Xml(course))).toBe('valid');
    // And the check can fail: an unknown moveOn is refused by the schema.
    expect(validate(cmi5Xml(course).replace('CompletedAndPassed', 'Whenever'))).toMatch(/moveOn/);
  });

  it('without a passing score: moveOn Completed and no masteryScore; text is escaped', () => {
    const plain = { ...course, title: 'Tom & Jerry <1>', completion: { requireAllLessons: true as const, retryScore: 'best' as const } };
    expect(auRule(plain)).toEqual({ moveOn: 'Completed' });
    const xml = cmi5Xml(plain);
    expect(xml).not.toContain('masteryScore');
    expect(parse(xml).querySelector('course > title > langstring')?.textContent).toBe('Tom & Jerry <1>');
    expect(validate(xml)).toBe('valid');
    expect(auRule({ completion: { requireAllLessons: true, passingScore: 67, retryScore: 'best' } })).toEqual({ moveOn: 'CompletedAndPassed', masteryScore: 0.67 });
  });
});
