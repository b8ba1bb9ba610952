/**
 * Vite plugin: `virtual:ui-catalog/<locale>`, one language's whole UI catalog as one module: the
 * app's strings (src/i18n/locales/<locale>.json) and the `blocks` namespace, gathered from the
 * strings several blocks share (src/blocks/i18n/<locale>.json: `blocks.link.*`) and each block's
 * own, in its folder (src/blocks/<type>/i18n/<locale>.json: `blocks.<type>.*`), so adding a
 * block's strings touches no shared file. One module per language: English is in the first page's
 * chunk, any other language is one small chunk (one request when switching), with no code to
 * assemble it in the browser.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const PREFIX = 'virtual:ui-catalog/';
const RESOLVED = '\0';

type Strings = { [key: string]: string | Strings };

/** The catalog of `locale` and the files it was read from (watched in dev). */
export function uiCatalog(srcDir: string, locale: string): { catalog: Strings; files: string[] } {
  const files: string[] = [];
  const read = (file: string): Strings => {
    files.push(file);
    return JSON.parse(readFileSync(file, 'utf8')) as Strings;
  };
  const blocksDir = path.join(srcDir, 'blocks');
  const blocks = read(path.join(blocksDir, 'i18n', `${locale}.json`));
  for (const entry of readdirSync(blocksDir, { withFileTypes: true })) {
    const file = path.join(blocksDir, entry.name, 'i18n', `${locale}.json`);
    if (!entry.isDirectory() || entry.name === 'i18n' || !existsSync(file)) continue;
    if (entry.name in blocks) throw new Error(`${file}: blocks.${entry.name} is also a shared key in src/blocks/i18n/${locale}.json`);
    blocks[entry.name] = read(file);
  }
  const app = read(path.join(srcDir, 'i18n', 'locales', `${locale}.json`));
  return { catalog: { ...app, blocks }, files };
}

export function uiCatalogs(srcDir = path.resolve('src')): Plugin {
  return {
    name: 'ui-catalogs',
    resolveId(id) {
      return id.startsWith(PREFIX) ? RESOLVED + id : undefined;
    },
    load(id) {
      if (!id.startsWith(RESOLVED + PREFIX)) return undefined;
      const locale = id.slice(RESOLVED.length + PREFIX.length);
      if (!/^[a-z]{2,3}(-[a-z0-9]+)?$/i.test(locale)) throw new Error(`${id}: not a locale`);
      const { catalog, files } = uiCatalog(srcDir, locale);
      for (const file of files) this.addWatchFile(file);
      return `export default ${JSON.stringify(catalog)};`;
    },
  };
}
