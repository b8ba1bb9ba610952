/** A package zip unpacked into a folder, as an LMS does on upload; returns its entries. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';

export function unzipTo(zipFile: string, dir: string): Record<string, Uint8Array> {
  const entries = unzipSync(readFileSync(zipFile));
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), data);
  }
  return entries;
}
