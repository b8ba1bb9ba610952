/** The modules the course-content Vite plugin (src/pipeline/vite-plugin.ts) generates from content/. */
declare module 'virtual:course' {
  export const defaultLocale: string;
  /** Locales that have course content; others fall back to `defaultLocale`. */
  export const contentLocales: string[];
  /** The default locale's course: outline, checks (scoring) and resources (lesson bodies load separately). */
  export const course: import('./types.ts').CompiledCourse;
  /** Loads one lesson's blocks (its own chunk). */
  export function loadLessonBody(locale: string, lessonId: string): Promise<import('./types.ts').LessonBody>;
  /** Loads a locale's glossary (its own chunk), or the default locale's; rejects when there is none. */
  export function loadGlossary(locale: string): Promise<import('./types.ts').Glossary>;
}
declare module 'virtual:course-prompts' {
  /** The default locale's question prompts as plain text, by check id then question id. */
  export const questionPrompts: Record<string, Record<string, string>>;
}
