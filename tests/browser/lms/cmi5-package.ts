/**
 * The real cmi5 zip, as `npm run package` writes it from dist/, unzipped into a folder for the
 * LMS/LRS stand-in (lrs-server.ts) to serve under /au/, the way an LMS hosts an imported package.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { cmi5PackagePath, packageCourse } from '../../../scripts/package.ts';

/** Packages dist/ into `workDir/zips` and unzips the cmi5 package into `workDir/au`; returns that folder. */
export function unpackCmi5Package(workDir: string, courseId: string): string {
  packageCourse({ build: false, cmi5: true, out: path.join(workDir, 'zips'), log: () => undefined });
  const entries = unzipSync(readFileSync(cmi5PackagePath(path.join(workDir, 'zips'), courseId)));
  const dir = path.join(workDir, 'au');
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), data);
  }
  return dir;
}
