/**
 * Every pre-rendered page (dist/**\/*.html, built by the browser tests' global set-up) is valid
 * HTML for html-validate with the project's configuration (.htmlvalidate.mjs, which says why it
 * is configured as it is): zero errors. The configured rules are shown to bite on a page that
 * skips a heading level and puts a redundant role on a table row.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

let validator: HtmlValidate;
beforeAll(async () => {
  const { default: config } = (await import(pathToFileURL(path.resolve('.htmlvalidate.mjs')).href)) as { default: ConfigData };
  validator = new HtmlValidate(new StaticConfigLoader(config));
});

describe('HTML validity', () => {
  it('every pre-rendered page has zero html-validate errors', async () => {
    const files = htmlFiles('dist');
    expect(files.length).toBeGreaterThan(30);
    const problems: string[] = [];
    for (const file of files) {
      const report = await validator.validateString(readFileSync(file, 'utf8'), file);
      for (const result of report.results) {
        for (const message of result.messages) {
          problems.push(`${file}:${message.line}:${message.column} ${message.message} (${message.ruleId})`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('the configuration catches a skipped heading level and a redundant table role', async () => {
    const page =
      '<!doctype html><html lang="en"><head><title>x</title></head><body><main><h1>a</h1><h3>b</h3>' +
      '<table><tbody><tr role="row"><td>x</td></tr></tbody></table></main></body></html>';
    const report = await validator.validateString(page, 'bad.html');
    const rules = report.results.flatMap((r) => r.messages.map((m) => m.ruleId));
    expect(rules).toEqual(expect.arrayContaining(['heading-level', 'no-redundant-role']));
  });
});
