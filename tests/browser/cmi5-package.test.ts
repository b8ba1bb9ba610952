/**
 * `npm run package`'s cmi5 zip, from the production dist/ the browser global set-up built:
 * cmi5.xml at the root validates against the shipped XSD, its launch file is in the zip, pages
 * are marked cmi5, and the web edition's service worker is left out.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmi5PackagePath, packageCourse } from '../../scripts/package.ts';
import { isServiceWorkerFile } from '../../scripts/service-worker.ts';
import { CMI5_SCHEMA_FILE, CMI5_XML_FILE } from '../../src/tracking/cmi5/course-structure.ts';
import { LMS_META_NAME } from '../../src/tracking/lms.ts';

let workDir: string;
let entries: Record<string, Uint8Array>;
const text = (name: string) => new TextDecoder().decode(entries[name]);

beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'cmi5-package-'));
  packageCourse({ build: false, cmi5: true, out: path.join(workDir, 'zips'), log: () => undefined });
  entries = unzipSync(readFileSync(cmi5PackagePath(path.join(workDir, 'zips'), 'peer-worker-support')));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('the cmi5 package', () => {
  it('has cmi5.xml and its XSD at the root, and cmi5.xml validates against it', () => {
    expect(Object.keys(entries)).toEqual(expect.arrayContaining([CMI5_XML_FILE, CMI5_SCHEMA_FILE]));
    try {
      execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    } catch {
      throw new Error('xmllint is missing: install Debian\'s libxml2-utils to validate cmi5.xml');
    }
    const dir = path.join(workDir, 'unzipped');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, CMI5_XML_FILE), entries[CMI5_XML_FILE] as Uint8Array);
    writeFileSync(path.join(dir, CMI5_SCHEMA_FILE), entries[CMI5_SCHEMA_FILE] as Uint8Array);
    expect(() => execFileSync('xmllint', ['--noout', '--nonet', '--schema', path.join(dir, CMI5_SCHEMA_FILE), path.join(dir, CMI5_XML_FILE)], { stdio: 'pipe' })).not.toThrow();
  });

  it('holds the launch file cmi5.xml names, and every page is marked cmi5', () => {
    const url = /<url>([^<]+)<\/url>/.exec(text(CMI5_XML_FILE))?.[1];
    expect(url).toBe('index.html');
    expect(entries[url ?? '']).toBeDefined();
    const pages = Object.keys(entries).filter((name) => name.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) expect(text(page)).toContain(`<meta name="${LMS_META_NAME}" content="cmi5" />`);
  });

  it("lets its pages reach an LRS on another https origin (the launch URL's endpoint), and nothing else new", () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(text('index.html'))?.[1] ?? '';
    expect(csp).toContain("connect-src 'self' https:");
    expect(csp).toContain("default-src 'self'");
  });

  it('leaves out the service worker', () => {
    expect(Object.keys(entries).filter((name) => isServiceWorkerFile(name))).toEqual([]);
  });
});
