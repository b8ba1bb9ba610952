/**
 * The shape of the files editors write in content/. This is the single declaration: TypeScript
 * types are inferred from it, and `npm run content:schema` writes the JSON Schema files in
 * content/schema/ from it, so editors get completion and red squiggles.
 */
import { z } from 'zod';
import { questionSchema } from '../questions/build/builds.ts';
import { comment, id, ignore, text } from './schema-parts.ts';

// ------------------------------------------------------------------ course

export const resourceSchema = z
  .strictObject({
    title: text.describe('Title exactly as the document gives it.'),
    summary: text.describe('One line on what the reader will find.'),
    publisher: text.optional().describe('Who published it, when the document says so.'),
    year: z.int().min(1900).max(2100).optional().describe('Year of publication, when the document says so.'),
    url: z.url().optional().describe('Only a full address the source documents give; never a guess.'),
    $ignore: ignore,
  })
  .describe('A further-reading resource listed in the last lesson.');

export const sectionSchema = z.strictObject({
  id: id.describe('Section id, e.g. "introduction".'),
  title: text.describe('Section title shown in the menu.'),
  lessons: z.array(id).min(1, 'a section needs at least one lesson').describe('Lesson ids in order.'),
});

export const courseSchema = z.strictObject({
  $schema: z.string().optional(),
  $comment: comment,
  id: id.describe('Course id; used in saved progress and LMS package names.'),
  title: text.describe('Course title.'),
  shortTitle: text
    .max(24, 'a short title has at most 24 characters')
    .optional()
    .describe('A short name for the course where space is tight: under the icon of the installed course. Default: the title.'),
  description: text.describe('One or two sentences shown on the course home page.'),
  estimatedMinutes: z.int().positive().describe('About how long the course takes, in minutes.'),
  navigation: z
    .enum(['free', 'sequential'])
    .describe('"free": any lesson any time. "sequential": a lesson opens when the ones before it are complete.'),
  completion: z
    .strictObject({
      requireAllLessons: z.literal(true).describe('The course is complete when every lesson is complete.'),
      passingScore: z
        .int()
        .min(0)
        .max(100)
        .optional()
        .describe('Percent of knowledge-check questions needed to pass. Leave out for no pass/fail.'),
      retryScore: z.enum(['best', 'last']).describe('Which attempt counts when a check is retried.'),
    })
    .describe('When the course counts as complete (and passed).'),
  sections: z.array(sectionSchema).min(1).describe('Sections in order, each listing its lessons.'),
  resources: z.array(resourceSchema).describe('Further reading, shown in the last lesson.'),
  maxReadingGrade: z
    .number()
    .positive()
    .optional()
    .describe('content:check warns about a lesson whose reading grade (Flesch-Kincaid) is above this.'),
});

// ----------------------------------------------------------- front matter

export const frontMatterSchema = z.strictObject({
  id: id.describe('Lesson id, used in links (lesson:<id>) and the address.'),
  title: text.describe('Lesson title.'),
  summary: text.describe('One line for the table of contents.'),
  check: id.optional().describe('For a knowledge-check lesson: the id of its file in checks/.'),
});

// ------------------------------------------------------------------ checks

/** Every question type's source schema, from its module (src/questions/<type>/schema.ts). */
export { questionSchema };

export const checkSchema = z.strictObject({
  $schema: z.string().optional(),
  $comment: comment,
  id: id.describe('Check id, named by the lesson front matter field "check".'),
  title: text.describe('Check title (for LMS reports and the results page).'),
  questions: z.array(questionSchema).min(1, 'a check needs at least one question'),
});

// ---------------------------------------------------------------- glossary

export const glossaryEntrySchema = z.strictObject({
  $comment: comment,
  $ignore: ignore,
  term: text.describe('The term or acronym as the lessons write it, e.g. "PSW" or "peer support".'),
  kind: z
    .enum(['acronym', 'term'])
    .describe('"acronym": shown as <abbr> with its expansion on first use in a lesson. "term": its first use links here.'),
  expansion: text
    .optional()
    .describe('For an acronym: what it stands for, in the course\'s words. Leave out when no source spells it out.'),
  definition: text.describe("What it means, in the course's own words (never from outside the course)."),
  lesson: id.describe('Id of the lesson that explains it; the glossary links back to it.'),
  forms: z
    .array(text)
    .optional()
    .describe('Other forms the lessons use, e.g. "B.C." for "BC". A plural with "s" is matched without listing it.'),
});

export const glossarySchema = z.strictObject({
  $schema: z.string().optional(),
  $comment: comment,
  entries: z.array(glossaryEntrySchema).min(1, 'a glossary needs at least one entry'),
});

export type CourseSource = z.infer<typeof courseSchema>;
export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type CheckSource = z.infer<typeof checkSchema>;
export type QuestionSource = z.infer<typeof questionSchema>;
export type GlossarySource = z.infer<typeof glossarySchema>;
export type GlossaryEntrySource = z.infer<typeof glossaryEntrySchema>;
