import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lmsCheckCatalogs } from '../../src/i18n/lms-check.ts';
import { lmsSessionCatalogs } from '../../src/i18n/lms-session.ts';
import { printCatalogs } from '../../src/i18n/print.ts';
import { catalogs } from '../i18n-catalogs.ts';

// The print edition's and read-aloud's strings (src/i18n/print.ts), the LMS check page's
// (src/i18n/lms-check.ts) and an LMS session's controls (src/i18n/lms-session.ts) are their own
// namespaces, with keys that do not clash with the main catalog's: checked here as one.
const resources = {
  en: { translation: { ...catalogs.en, ...printCatalogs.en, ...lmsCheckCatalogs.en, ...lmsSessionCatalogs.en } },
  fr: { translation: { ...catalogs.fr, ...printCatalogs.fr, ...lmsCheckCatalogs.fr, ...lmsSessionCatalogs.fr } },
};

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

/** i18next plural forms: French and English both use _one/_other here. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('UI string catalogs', () => {
  it('French has every English string and no stale ones', () => {
    const en = keys(resources.en.translation).sort();
    const fr = keys(resources.fr.translation).sort();
    expect(fr.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !fr.includes(k))).toEqual([]);
  });

  it('has no empty strings', () => {
    for (const locale of ['en', 'fr'] as const) {
      const flat = keys(resources[locale].translation);
      for (const key of flat) {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resources[locale].translation);
        expect(typeof value === 'string' && value.trim().length > 0, `${locale}:${key}`).toBe(true);
      }
    }
  });

  it('every t("…") key used in the UI exists in English', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(path.join(dir, entry.name)) : entry.name.endsWith('.tsx') ? [path.join(dir, entry.name)] : [],
      );
    const files = ['src/app', 'src/blocks', 'src/questions'].flatMap(walk);
    const known = new Set(keys(resources.en.translation).map(base));
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        const key = match[1]!;
        if (!known.has(key) && ![...known].some((k) => k.startsWith(`${key}.`))) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
