// @vitest-environment jsdom
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompiledCourse } from '../../src/content/types.ts';
import { markPage } from '../../scripts/package.ts';
import type { ScormVersion } from '../../src/tracking/scorm/formats.ts';
import { LAUNCH_FILE, SCHEMA_FILES, scormManifest, xmlEscape } from '../../src/tracking/scorm/manifest.ts';
import { packagedStandard } from '../../src/tracking/lms.ts';
import { course } from './helpers.ts';

const SCHEMAS = 'scripts/scorm-schemas';
const files = ['index.html', 'assets/index-abc.js', 'lesson/welcome/index.html', 'assets/a b.css'];

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}
const all = (doc: Document, local: string) => [...doc.getElementsByTagNameNS('*', local)];

describe.each(['1.2', '2004'] as const)('SCORM %s manifest', (version: ScormVersion) => {
  const xml = scormManifest(course, version, { files, packageVersion: '0.1.0' });
  const doc = parse(xml);

  it('describes the course: title, one organization, one item, one SCO launching index.html', () => {
    expect(all(doc, 'schema')[0]?.textContent).toBe('ADL SCORM');
    expect(all(doc, 'schemaversion')[0]?.textContent).toBe(version === '1.2' ? '1.2' : '2004 4th Edition');
    expect(all(doc, 'organization')).toHaveLength(1);
    expect(all(doc, 'item')).toHaveLength(1);
    expect(all(doc, 'title').map((t) => t.textContent)).toEqual([course.title, course.title]);
    const [resource] = all(doc, 'resource');
    expect(all(doc, 'resource')).toHaveLength(1);
    expect(resource!.getAttribute('href')).toBe(LAUNCH_FILE);
    expect(resource!.getAttribute('type')).toBe('webcontent');
    const scormType = version === '1.2' ? 'adlcp:scormtype' : 'adlcp:scormType';
    expect(resource!.getAttribute(scormType)).toBe('sco');
    const item = all(doc, 'item')[0]!;
    expect(item.getAttribute('identifierref')).toBe(resource!.getAttribute('identifier'));
    const organizations = all(doc, 'organizations')[0]!;
    expect(organizations.getAttribute('default')).toBe(all(doc, 'organization')[0]!.getAttribute('identifier'));
    expect(doc.documentElement.getAttribute('version')).toBe('0.1.0');
  });

  it('lists every file, launch file first, with relative addresses', () => {
    const hrefs = all(doc, 'file').map((f) => f.getAttribute('href'));
    expect(hrefs[0]).toBe('index.html');
    expect(hrefs.map((h) => decodeURI(h!)).sort()).toEqual([...files].sort());
    for (const href of hrefs) expect(href).not.toMatch(/^\/|^[a-z]+:/);
  });

  it('names the mastery score from the passing score', () => {
    if (version === '1.2') {
      expect(all(doc, 'masteryscore')[0]?.textContent).toBe('80');
    } else {
      const objective = all(doc, 'primaryObjective')[0]!;
      expect(objective.getAttribute('satisfiedByMeasure')).toBe('true');
      expect(all(doc, 'minNormalizedMeasure')[0]?.textContent).toBe('0.8');
    }
    const unscored: CompiledCourse = { ...course, completion: { requireAllLessons: true, retryScore: 'best' } };
    const plain = parse(scormManifest(unscored, version, { files }));
    expect(all(plain, 'masteryscore')).toHaveLength(0);
    expect(all(plain, 'minNormalizedMeasure')).toHaveLength(0);
  });

  it('refers only to schema files that ship, and those refer only to each other', () => {
    const locations = doc.documentElement.getAttribute('xsi:schemaLocation')!.trim().split(/\s+/).filter((_, i) => i % 2 === 1);
    const { folder, files: schemaFiles } = SCHEMA_FILES[version];
    expect(readdirSync(path.join(SCHEMAS, folder)).sort()).toEqual([...schemaFiles].sort());
    for (const file of locations) expect(schemaFiles).toContain(file);
    for (const file of schemaFiles) {
      const text = readFileSync(path.join(SCHEMAS, folder, file), 'utf8');
      for (const match of text.matchAll(/schemaLocation\s*=\s*"([^"]+)"/g)) {
        if (/^https?:/.test(match[1]!)) continue; // the W3C xml.xsd, which validators know
        expect(schemaFiles, `${file} → ${match[1]}`).toContain(match[1]);
      }
    }
  });

  it('escapes what XML needs escaped', () => {
    const odd = parse(scormManifest({ ...course, id: '9-lives', title: 'Tom & Jerry <"quoted"> it\'s' }, version, { files }));
    expect(all(odd, 'title')[0]?.textContent).toBe('Tom & Jerry <"quoted"> it\'s');
    expect(odd.documentElement.getAttribute('identifier')).toMatch(/^_9-lives-/);
    expect(xmlEscape('<&>"\'')).toBe('&lt;&amp;&gt;&quot;&apos;');
  });
});

describe('shipped schema files', () => {
  // The official ADL / IMS files, unchanged (see scripts/scorm-schemas/README.md): a change must be deliberate.
  const expected: Record<string, string> = {
    'scorm12/adlcp_rootv1p2.xsd': '173decaf9cd31ea847e6ff6853c702137974aca6b56567151aa4a885e0aa4883',
    'scorm12/imscp_rootv1p1p2.xsd': 'd9ee699094e0db4518cf0143c81873d196b2683cf1c5ed770f108239ee079dda',
    'scorm2004-4th/imscp_v1p1.xsd': 'cf91ad47eeafa08193547d37ce950a837d7d49755ce90b7872c1ca7656b74369',
    'scorm2004-4th/adlcp_v1p3.xsd': '51a0515f707ca9a951ac945b7d13b201ffacc3800480e54a4e8bc6d88f13eaf1',
    'scorm2004-4th/imsss_v1p0.xsd': 'daef999eb61a3755a483e86be07226d877dbdcf6062fb978a7e4069921f8ef7b',
  };
  it.each(Object.entries(expected))('%s is the official file', (file, sha256) => {
    expect(createHash('sha256').update(readFileSync(path.join(SCHEMAS, file))).digest('hex')).toBe(sha256);
  });
});

describe('packaged pages', () => {
  it('carry the edition in a meta tag the player reads at start-up', () => {
    const html = '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n  </head><body></body></html>';
    for (const version of ['1.2', '2004'] as const) {
      const marked = markPage(html, version);
      document.documentElement.innerHTML = new DOMParser().parseFromString(marked, 'text/html').documentElement.innerHTML;
      expect(packagedStandard(document)).toBe(version);
      expect(() => markPage(marked, version)).toThrow(/already marked/);
    }
    expect(() => markPage('<html><body></body></html>', '1.2')).toThrow(/no <head>/);
    document.documentElement.innerHTML = '<head></head><body></body>';
    expect(packagedStandard(document)).toBeNull();
  });
});
