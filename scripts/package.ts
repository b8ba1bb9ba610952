/**
 * `npm run package`: build the player, then write one LMS package per SCORM edition:
 *
 *   dist-packages/<course-id>-scorm12.zip
 *   dist-packages/<course-id>-scorm2004.zip
 *   dist-packages/<course-id>-cmi5.zip   (cmi5.xml + CourseStructure.xsd, see below; --no-cmi5 leaves it out)
 *   dist-packages/<course-id>-xapi.zip   (tincan.xml, plain xAPI with the TinCan launch; --no-xapi leaves it out)
 *
 * Each zip holds, at its root, `imsmanifest.xml` (written from the compiled course), the schema
 * files it names, and all of dist/ with relative paths. Every HTML page gets a
 * `<meta name="course-player-lms">` tag naming the edition, so the player knows which API to
 * look for. The launch page also gets a calm start-up status ("Opening the course…") in place of the
 * pre-rendered home page, which the app replaces with the right page (see src/app/lms-startup.ts).
 * Refuses to package a course whose saved progress could overflow SCORM 1.2's
 * 4,096 characters of suspend data.
 *
 * The cmi5 zip holds `cmi5.xml` (src/tracking/cmi5/course-structure.ts), the course-structure XSD
 * it names (scripts/cmi5-schemas/), and dist/ without the service worker, each page marked
 * `cmi5`. The xAPI zip holds `tincan.xml` and the same pages marked `xapi`. `packageCourse`
 * returns the SCORM packages only (callers drive them as SCORM); the cmi5 and xAPI ones are
 * written beside them (`cmi5PackagePath`, `xapiPackagePath`).
 *
 * Options: --skip-build (use dist/ as it is), --out <folder> (default dist-packages), --cmi5-lrs <url>
 * (the only LRS origin the cmi5 and xAPI pages may connect to; default: any https: origin),
 * --no-cmi5, --no-xapi.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import { hashRouteLinks } from '../src/app/routes.ts';
import type { CompiledCourse } from '../src/content/types.ts';
import { compileContentFolder } from '../src/pipeline/compile.ts';
import { withLmsStartup } from '../src/app/lms-startup.ts';
import en from '../src/i18n/locales/en.json' with { type: 'json' };
import { isServiceWorkerFile } from './service-worker.ts';
import { formatProblem, isError } from '../src/pipeline/problems.ts';
import { LMS_META_NAME, LMS_META_VALUES } from '../src/tracking/lms.ts';
import type { ScormVersion } from '../src/tracking/scorm/formats.ts';
import { LAUNCH_FILE, SCHEMA_FILES, scormManifest } from '../src/tracking/scorm/manifest.ts';
import { encodeSuspendData, SUSPEND_DATA_LIMIT } from '../src/tracking/scorm/suspend-data.ts';
import { worstCaseRecord } from '../src/tracking/scorm/worst-case.ts';
import { applyCsp } from './csp.ts';
import { CMI5_META_VALUE, XAPI_META_VALUE } from '../src/tracking/cmi5/detect.ts';
import { CMI5_LAUNCH_FILE, CMI5_SCHEMA_FILE, CMI5_XML_FILE, cmi5Xml, TINCAN_XML_FILE, tincanXml } from '../src/tracking/cmi5/course-structure.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Room kept for each text answer in the worst-case check (longer answers are shortened to fit). */
export const TEXT_ANSWER_ROOM = 250;

export interface PackageOptions {
  /** Run `npm run build` first (default true). */
  build?: boolean;
  /** The built site (default dist/). */
  dist?: string;
  /** Where the zips go (default dist-packages/). */
  out?: string;
  /** Content folder (default content/). */
  content?: string;
  /** The locale of the course in the main bundle (vite.config.ts: `en`). */
  locale?: string;
  /** Time stamp of the files in the zips (default: SOURCE_DATE_EPOCH, or now). */
  mtime?: Date;
  log?: (line: string) => void;
  /**
   * Origins the cmi5 package's pages may connect to (its LRS, from the launch URL's `endpoint`).
   * Default `https:` (any LRS over HTTPS), as the package does not know its LMS; name the LRS
   * origin to narrow it (`--cmi5-lrs https://lrs.example.org`).
   */
  cmi5ConnectSrc?: readonly string[];
  /**
   * Also write the cmi5 zip (the command line does unless given `--no-cmi5`). Its pages pick the
   * cmi5 adapter (src/tracking/cmi5/standard.ts) when launched with cmi5 launch parameters.
   */
  cmi5?: boolean;
  /**
   * Also write the plain xAPI zip, `<course-id>-xapi.zip` with `tincan.xml` (the command line does
   * unless given `--no-xapi`). Its pages report through the same client and session as cmi5's,
   * launched with the TinCan query (`endpoint`, `auth`, `actor`, `registration`, `activity_id`).
   * Its pages may connect where the cmi5 package's may (`cmi5ConnectSrc`).
   */
  xapi?: boolean;
}

export interface BuiltPackage {
  version: ScormVersion;
  file: string;
  bytes: number;
  entries: number;
}

const EDITIONS: ScormVersion[] = ['1.2', '2004'];
const SUFFIX: Record<ScormVersion, string> = { '1.2': 'scorm12', '2004': 'scorm2004' };

/** Every file under `dir`, relative, with `/`. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? listFiles(path.join(dir, entry.name), relative) : [relative];
    });
}

/**
 * Adds the package's meta tag to a page, and points its links at the launch file with the route
 * in the hash (`index.html#/lesson/x/`), as the player does in an LMS: an LMS's file server has no
 * folder index pages, so a click before the app takes over must also name a file.
 */
export function markPage(html: string, version: ScormVersion | 'cmi5' | 'xapi'): string {
  const value = version === 'cmi5' ? CMI5_META_VALUE : version === 'xapi' ? XAPI_META_VALUE : LMS_META_VALUES[version];
  const tag = `<meta name="${LMS_META_NAME}" content="${value}" />`;
  if (html.includes(`name="${LMS_META_NAME}"`)) throw new Error('page is already marked for an LMS');
  const marked = html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}\n    ${tag}`);
  if (marked === html) throw new Error('page has no <head>');
  return hashRouteLinks(marked);
}

/** Throws when the course's largest possible record does not fit in SCORM 1.2 suspend data. */
export function checkSuspendDataFits(course: CompiledCourse): number {
  const record = worstCaseRecord(course, { text: 'x'.repeat(TEXT_ANSWER_ROOM) });
  const encoded = encodeSuspendData(record, { savedAt: Date.UTC(2099, 0, 1) });
  const lossy = encoded.reduced.filter((r) => r !== 'attempts');
  if (encoded.text === null || lossy.length > 0) {
    throw new Error(
      `The course's saved progress can reach ${encoded.length} characters, more than the ${SUSPEND_DATA_LIMIT} ` +
        'SCORM 1.2 allows in cmi.suspend_data (with every lesson complete and every question answered). ' +
        'Shorten lesson, check, question or option ids, or split the course.',
    );
  }
  return encoded.length;
}

/**
 * Builds the packages.
 *
 * @example
 * const built = packageCourse({ build: false, out: tmpDir });
 * built.map((p) => p.file) // → ['/tmp/…/peer-worker-support-scorm12.zip', '/tmp/…/peer-worker-support-scorm2004.zip']
 */
export function packageCourse(options: PackageOptions = {}): BuiltPackage[] {
  const log = options.log ?? ((line: string) => console.log(line));
  const dist = path.resolve(root, options.dist ?? 'dist');
  const out = path.resolve(root, options.out ?? 'dist-packages');
  const locale = options.locale ?? 'en';
  if (options.build ?? true) {
    // A production build whatever the caller's NODE_ENV (test runners set "test", which makes Vite
    // build React's development bundle and treat the app as served from "/").
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }

  const content = compileContentFolder(path.resolve(root, options.content ?? 'content'), root);
  const errors = content.problems.filter(isError);
  if (errors.length > 0) throw new Error(errors.map(formatProblem).join('\n'));
  const course = content.courses[locale];
  if (!course) throw new Error(`no course for locale "${locale}"`);
  const worst = checkSuspendDataFits(course);

  // No service worker in an LMS package (docs/decisions/offline.md): the LMS page needs the network
  // anyway, and workers in an LMS's frame are partitioned or blocked in some browsers.
  const files = listFiles(dist).filter((file) => !isServiceWorkerFile(file));
  if (!files.includes(LAUNCH_FILE)) throw new Error(`${path.relative(root, dist)}/${LAUNCH_FILE} is missing: build first`);
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const mtime = options.mtime ?? (epoch ? new Date(Number(epoch) * 1000) : new Date());
  const packageVersion = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  mkdirSync(out, { recursive: true });

  const built = EDITIONS.map((version) => {
    const entries: Zippable = {};
    const add = (name: string, data: Uint8Array) => {
      if (entries[name]) throw new Error(`two files named ${name} in the package`);
      entries[name] = [data, { mtime }];
    };
    add('imsmanifest.xml', new TextEncoder().encode(scormManifest(course, version, { files, packageVersion })));
    const schemas = SCHEMA_FILES[version];
    for (const file of schemas.files) {
      add(file, readFileSync(path.join(root, 'scripts/scorm-schemas', schemas.folder, file)));
    }
    for (const file of files) {
      const bytes = readFileSync(path.join(dist, file));
      if (!file.endsWith('.html')) {
        add(file, bytes);
        continue;
      }
      const page = markPage(bytes.toString('utf8'), version);
      // The page changed (its LMS meta tag, the launch page's start-up status), so its
      // Content-Security-Policy is computed again.
      add(file, new TextEncoder().encode(applyCsp(file === LAUNCH_FILE ? withLmsStartup(page, en.lms.startup.opening) : page)));
    }
    const zip = zipSync(entries, { level: 9 });
    const target = path.join(out, `${course.id}-${SUFFIX[version]}.zip`);
    writeFileSync(target, zip);
    log(`${path.relative(process.cwd(), target)}  SCORM ${version}  ${Object.keys(entries).length} files  ${Math.round(zip.byteLength / 1024)} KiB`);
    return { version, file: target, bytes: zip.byteLength, entries: Object.keys(entries).length };
  });
  log(`largest possible suspend data: ${worst} of ${SUSPEND_DATA_LIMIT} characters`);

  const connectSrc = options.cmi5ConnectSrc ?? ['https:'];
  const xapiFamily = { files, dist, out, mtime, connectSrc, log };
  // cmi5: course structure and its schema at the root, the player as the one AU.
  if (options.cmi5) {
    writeXapiFamilyZip('cmi5', cmi5PackagePath(out, course.id), xapiFamily, {
      [CMI5_XML_FILE]: new TextEncoder().encode(cmi5Xml(course)),
      [CMI5_SCHEMA_FILE]: readFileSync(path.join(root, 'scripts/cmi5-schemas', CMI5_SCHEMA_FILE)),
    });
  }
  // Plain xAPI: tincan.xml at the root, the same pages marked `xapi`.
  if (options.xapi) writeXapiFamilyZip('xapi', xapiPackagePath(out, course.id), xapiFamily, { [TINCAN_XML_FILE]: new TextEncoder().encode(tincanXml(course)) });
  return built;
}

/**
 * The cmi5 or xAPI zip: its structure files at the root, then dist/ with every page marked for the
 * edition and its launch page saying "Opening the course…" until the app renders, as SCORM's does:
 * connecting takes a few requests (for cmi5: token, launch data, learner preferences), and the
 * learner should see neither the home page before their resumed lesson nor English before their
 * language (§11).
 */
function writeXapiFamilyZip(
  edition: 'cmi5' | 'xapi',
  target: string,
  from: { files: string[]; dist: string; out: string; mtime: Date; connectSrc: readonly string[]; log: (line: string) => void },
  structure: Record<string, Uint8Array>,
): void {
  if (!from.files.includes(CMI5_LAUNCH_FILE)) throw new Error(`${CMI5_LAUNCH_FILE} is missing: build first`);
  const entries: Zippable = {};
  const add = (name: string, data: Uint8Array) => {
    if (entries[name]) throw new Error(`two files named ${name} in the package`);
    entries[name] = [data, { mtime: from.mtime }];
  };
  for (const [name, data] of Object.entries(structure)) add(name, data);
  for (const file of from.files) {
    const bytes = readFileSync(path.join(from.dist, file));
    if (!file.endsWith('.html')) {
      add(file, bytes);
      continue;
    }
    const page = markPage(bytes.toString('utf8'), edition);
    add(file, new TextEncoder().encode(applyCsp(file === CMI5_LAUNCH_FILE ? withLmsStartup(page, en.lms.startup.opening) : page, { connectSrc: from.connectSrc })));
  }
  const zip = zipSync(entries, { level: 9 });
  writeFileSync(target, zip);
  from.log(`${path.relative(process.cwd(), target)}  ${edition}  ${Object.keys(entries).length} files  ${Math.round(zip.byteLength / 1024)} KiB`);
}

/** Where `packageCourse` writes the plain xAPI package. */
export function xapiPackagePath(out: string, courseId: string): string {
  return path.join(out, `${courseId}-xapi.zip`);
}

/** Where `packageCourse` writes the cmi5 package. */
export function cmi5PackagePath(out: string, courseId: string): string {
  return path.join(out, `${courseId}-cmi5.zip`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const lrsIndex = args.indexOf('--cmi5-lrs');
  try {
    packageCourse({
      build: !args.includes('--skip-build'),
      cmi5: !args.includes('--no-cmi5'),
      xapi: !args.includes('--no-xapi'),
      ...(outIndex >= 0 && args[outIndex + 1] ? { out: args[outIndex + 1] } : {}),
      ...(lrsIndex >= 0 && args[lrsIndex + 1] ? { cmi5ConnectSrc: [new URL(args[lrsIndex + 1] ?? '').origin] } : {}),
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
