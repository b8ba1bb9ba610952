/**
 * Vite plugin: content/ → the `virtual:course` module (course outline and what scores the checks,
 * in the main bundle) and one `virtual:course-lesson/<locale>/<id>` module per lesson body (with a
 * check's words), each its own chunk loaded when the lesson opens. A content problem fails the
 * build, or shows Vite's error overlay in `npm run dev` until the file is fixed.
 */
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import type { CompiledCourse } from '../content/types.ts';
import { compileContentFolder, type CompiledContent } from './compile.ts';
import { ContentError, formatProblem, isError, isWarning, sortProblems } from './problems.ts';

const COURSE_ID = 'virtual:course';
/** Plain-text prompts for LMS reports: imported only by the SCORM adapter's own chunk. */
const PROMPTS_ID = 'virtual:course-prompts';
const LESSON_PREFIX = 'virtual:course-lesson/';
/** One locale's glossary (`virtual:course-glossary/<locale>/glossary`): its own chunk, loaded by the glossary page. */
const GLOSSARY_PREFIX = 'virtual:course-glossary/';
const RESOLVED = '\0';

export interface CourseContentOptions {
  contentDir: string;
  /** The locale whose course is in the main bundle. */
  defaultLocale?: string;
}

export function courseContent({ contentDir, defaultLocale = 'en' }: CourseContentOptions): Plugin {
  const root = path.resolve(contentDir);
  let compiled: CompiledContent | undefined;

  const compile = (): CompiledContent => {
    compiled ??= compileContentFolder(root);
    return compiled;
  };

  const requireValid = (): CompiledContent => {
    const content = compile();
    if (content.problems.some(isError)) throw new ContentError(content.problems);
    if (!content.courses[defaultLocale]) {
      throw new Error(`content: no course for the default locale "${defaultLocale}" in ${contentDir}/${defaultLocale}/course.json`);
    }
    return content;
  };

  const invalidate = (server: ViteDevServer) => {
    compiled = undefined;
    for (const module of server.moduleGraph.idToModuleMap.values()) {
      if (module.id?.startsWith(RESOLVED + 'virtual:course')) server.moduleGraph.invalidateModule(module);
    }
    server.ws.send({ type: 'full-reload' });
  };

  return {
    name: 'course-content',
    enforce: 'pre',

    buildStart() {
      // Fail fast, before bundling, with every problem listed.
      compiled = undefined;
      const content = requireValid();
      // Warnings never stop the build; they are listed once, like content:check does.
      for (const problem of sortProblems(content.problems.filter(isWarning))) this.warn(formatProblem(problem));
    },

    resolveId(id) {
      if (id === COURSE_ID || id === PROMPTS_ID || id.startsWith(LESSON_PREFIX) || id.startsWith(GLOSSARY_PREFIX)) return RESOLVED + id;
      return undefined;
    },

    load(id) {
      if (!id.startsWith(RESOLVED + 'virtual:course')) return undefined;
      const content = requireValid();
      for (const file of content.files) this.addWatchFile(file);
      const source = id.slice(RESOLVED.length);
      if (source === COURSE_ID) return courseModule(content, defaultLocale);
      if (source === PROMPTS_ID) return promptsModule(content, defaultLocale);
      if (source.startsWith(GLOSSARY_PREFIX)) {
        const locale = source.slice(GLOSSARY_PREFIX.length).split('/')[0] ?? '';
        const glossary = content.glossaries[locale];
        if (!glossary) throw new Error(`content: no glossary for "${locale}"`);
        return `export default ${JSON.stringify(glossary)};`;
      }
      const [locale = '', lessonId = ''] = source.slice(LESSON_PREFIX.length).split('/');
      const body = content.lessonBodies[locale]?.[lessonId];
      if (!body) throw new Error(`content: no lesson "${lessonId}" in locale "${locale}"`);
      return `export default ${JSON.stringify(body)};`;
    },

    generateBundle() {
      // The installed course's name comes from course.json, like everything else the learner reads.
      if (this.environment?.name !== 'client') return;
      const course = requireValid().courses[defaultLocale]!;
      this.emitFile({ type: 'asset', fileName: MANIFEST_FILE, source: webAppManifest(course) });
    },

    configureServer(server) {
      // New, deleted or edited content files: recompile and reload the page (no restart needed).
      server.watcher.add(root);
      const onChange = (file: string) => {
        if (path.resolve(file).startsWith(root + path.sep)) invalidate(server);
      };
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
      server.watcher.on('change', onChange);
    },
  };
}

/** The web app manifest's file name, next to index.html. */
export const MANIFEST_FILE = 'manifest.webmanifest';

/**
 * The web app manifest (makes the course installable). Paths are relative to the manifest, so the
 * course installs from whatever folder it is served from. Colours are the light theme's
 * --color-accent and --color-bg (src/app/app.css).
 */
export function webAppManifest(course: CompiledCourse): string {
  const manifest = {
    name: course.title,
    short_name: course.shortTitle ?? course.title,
    description: course.description,
    lang: course.locale,
    start_url: './',
    scope: './',
    display: 'standalone',
    theme_color: '#0b5cad',
    background_color: '#fbfaf7',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  };
  return JSON.stringify(manifest, null, 2) + '\n';
}

function courseModule(content: CompiledContent, defaultLocale: string): string {
  const locales = Object.keys(content.courses);
  const course = content.courses[defaultLocale]!;
  const loaders = locales
    .map((locale) => {
      const lessons = Object.keys(content.lessonBodies[locale] ?? {})
        .map((id) => `${JSON.stringify(id)}: () => import(${JSON.stringify(`${LESSON_PREFIX}${locale}/${id}`)})`)
        .join(',\n    ');
      return `  ${JSON.stringify(locale)}: {\n    ${lessons}\n  }`;
    })
    .join(',\n');
  const glossaries = Object.keys(content.glossaries)
    // "<locale>/glossary", so the chunk is named glossary-….js.
    .map((locale) => `  ${JSON.stringify(locale)}: () => import(${JSON.stringify(`${GLOSSARY_PREFIX}${locale}/glossary`)})`)
    .join(',\n');
  return [
    `export const defaultLocale = ${JSON.stringify(defaultLocale)};`,
    `export const contentLocales = ${JSON.stringify(locales)};`,
    `export const course = ${JSON.stringify(course)};`,
    `const lessonLoaders = {\n${loaders}\n};`,
    `export function loadLessonBody(locale, lessonId) {`,
    `  const load = (lessonLoaders[locale] || lessonLoaders[defaultLocale])[lessonId];`,
    `  if (!load) return Promise.reject(new Error('No lesson ' + lessonId));`,
    `  return load().then((module) => module.default);`,
    `}`,
    `const glossaryLoaders = {\n${glossaries}\n};`,
    `export function loadGlossary(locale) {`,
    `  const load = glossaryLoaders[locale] || glossaryLoaders[defaultLocale];`,
    `  if (!load) return Promise.reject(new Error('No glossary'));`,
    `  return load().then((module) => module.default);`,
    `}`,
  ].join('\n');
}

function promptsModule(content: CompiledContent, defaultLocale: string): string {
  const prompts: Record<string, Record<string, string>> = {};
  for (const body of Object.values(content.lessonBodies[defaultLocale] ?? {})) {
    if (!body.check) continue;
    prompts[body.check.checkId] = Object.fromEntries(
      Object.entries(body.check.questions).map(([questionId, text]) => [questionId, text.promptText]),
    );
  }
  return `export const questionPrompts = ${JSON.stringify(prompts)};`;
}
