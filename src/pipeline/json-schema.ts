import { z } from 'zod';
import { checkSchema, courseSchema, glossarySchema } from './source-schema.ts';

/** File name → JSON Schema text, generated from the same zod declarations the build validates with. */
export function jsonSchemaFiles(): Record<string, string> {
  const write = (schema: z.ZodType, title: string) =>
    `${JSON.stringify({ title, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) }, null, 2)}\n`;
  return {
    'course.schema.json': write(courseSchema, 'Course (content/<locale>/course.json)'),
    'check.schema.json': write(checkSchema, 'Knowledge check (content/<locale>/checks/NN-slug.json)'),
    'glossary.schema.json': write(glossarySchema, 'Glossary (content/<locale>/glossary.json)'),
  };
}
