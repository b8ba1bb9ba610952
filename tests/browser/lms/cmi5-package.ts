/**
 * The real cmi5 zip, as `npm run package` writes it from dist/, unzipped into a folder for the
 * LMS/LRS stand-in (lrs-server.ts) to serve under /au/, the way an LMS hosts an imported package.
 */
import path from 'node:path';
import { cmi5PackagePath, packageCourse } from '../../../scripts/package.ts';
import { unpackPackage } from './unpack.ts';

/** Packages dist/ into `workDir/zips` and unzips the cmi5 package into `workDir/au`; returns that folder. */
export function unpackCmi5Package(workDir: string, courseId: string): string {
  packageCourse({ build: false, cmi5: true, out: path.join(workDir, 'zips'), log: () => undefined });
  const dir = path.join(workDir, 'au');
  unpackPackage(cmi5PackagePath(path.join(workDir, 'zips'), courseId), dir);
  return dir;
}
