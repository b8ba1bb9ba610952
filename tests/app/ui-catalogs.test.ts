import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { uiCatalog } from '../../scripts/ui-catalogs.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function source(files: Record<string, unknown>): string {
  dir = mkdtempSync(path.join(tmpdir(), 'ui-catalogs-'));
  for (const [file, strings] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), JSON.stringify(strings));
  }
  return dir;
}

describe('the UI catalog of one language (scripts/ui-catalogs.ts)', () => {
  it("puts each block's own strings under blocks.<type>, beside the shared ones and the app's", () => {
    const src = source({
      'i18n/locales/fr.json': { app: { menu: 'Menu' } },
      'blocks/i18n/fr.json': { link: { newTab: 'onglet' } },
      'blocks/tabs/i18n/fr.json': { instruction: 'Sélectionnez chaque onglet.' },
      'blocks/tabs/i18n/en.json': { instruction: 'Select each tab.' },
      'blocks/quote/Quote.tsx': {},
    });
    expect(uiCatalog(src, 'fr').catalog).toEqual({
      app: { menu: 'Menu' },
      blocks: { link: { newTab: 'onglet' }, tabs: { instruction: 'Sélectionnez chaque onglet.' } },
    });
  });

  it('refuses a block folder named like a shared key (its strings would hide the shared ones)', () => {
    const src = source({
      'i18n/locales/en.json': {},
      'blocks/i18n/en.json': { link: { newTab: 'new tab' } },
      'blocks/link/i18n/en.json': { label: 'Link' },
    });
    expect(() => uiCatalog(src, 'en')).toThrow(/blocks\.link is also a shared key/);
  });
});
