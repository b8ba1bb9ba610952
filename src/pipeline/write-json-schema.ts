/**
 * `npm run content:schema`: write content/schema/*.schema.json from the zod schemas, so editors'
 * tools (VS Code and others) complete fields and underline mistakes in course.json and checks.
 * A test fails when the committed files are out of date.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { jsonSchemaFiles } from './json-schema.ts';

const dir = process.argv[2] ?? 'content/schema';
for (const [name, schema] of Object.entries(jsonSchemaFiles())) {
  writeFileSync(path.join(dir, name), schema);
  console.log(`wrote ${path.join(dir, name)}`);
}
