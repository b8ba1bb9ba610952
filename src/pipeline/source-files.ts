/**
 * Reading JSON and YAML front matter so that every value keeps its line and column: schema errors
 * then point at the exact field an editor must fix.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { describeSchemaIssue, type Problem } from './problems.ts';

export interface Position {
  line: number;
  column: number;
}

export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false };

/** Parse a JSON file and validate it; problems are pushed with positions. */
export function parseJsonFile<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  problems: Problem[],
): Parsed<z.infer<S>> {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length || !tree) {
    for (const error of errors) {
      const at = positionAt(text, error.offset);
      problems.push({
        file,
        ...at,
        rule: 'invalid-json',
        message: `invalid JSON: ${jsonErrorText(printParseErrorCode(error.error))}`,
      });
    }
    if (!errors.length) problems.push({ file, line: 1, column: 1, rule: 'invalid-json', message: 'the file is empty' });
    return { ok: false };
  }
  const value: unknown = JSON.parse(text);
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  for (const issue of result.error.issues) {
    const node = nearestJsonNode(tree, issue.path as (string | number)[], issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined);
    const field = issue.path.at(-1);
    const missingAnswer =
      (field === 'correct' || field === 'accepted') && (issue.code === 'invalid_type' || issue.code === 'too_small');
    problems.push({
      file,
      ...positionAt(text, node.offset),
      rule: missingAnswer ? 'no-correct-answer' : 'schema',
      message: missingAnswer ? `this question has no correct answer; add "${String(field)}" (see content/README.md)` : describeSchemaIssue(issue),
    });
  }
  return { ok: false };
}

/** Where a JSON value sits, for errors found after schema validation (graph checks). */
export function jsonPosition(text: string, path: (string | number)[]): Position {
  const tree = parseTree(text);
  if (!tree) return { line: 1, column: 1 };
  return positionAt(text, nearestJsonNode(tree, path).offset);
}

function nearestJsonNode(tree: Node, path: (string | number)[], unknownKey?: string): Node {
  if (unknownKey !== undefined) {
    const property = findNodeAtLocation(tree, [...path, unknownKey])?.parent;
    if (property) return property;
  }
  for (let length = path.length; length >= 0; length--) {
    const node = findNodeAtLocation(tree, path.slice(0, length));
    if (node) return node.parent?.type === 'property' ? node.parent : node;
  }
  return tree;
}

function jsonErrorText(code: string): string {
  const hints: Record<string, string> = {
    InvalidSymbol: 'unexpected character (check for a missing quote or a stray character)',
    ValueExpected: 'a value is missing (check for a trailing comma or an empty entry)',
    CommaExpected: 'a comma is missing between two entries',
    ColonExpected: 'a colon is missing after a field name',
    PropertyNameExpected: 'a field name in double quotes is expected (check for a trailing comma)',
    CloseBraceExpected: 'a closing } is missing',
    CloseBracketExpected: 'a closing ] is missing',
    EndOfFileExpected: 'extra text after the end of the JSON',
    UnexpectedEndOfString: 'a string is not closed with a double quote',
    InvalidCommentToken: 'comments are not allowed in JSON; use a "$comment" field',
  };
  return hints[code] ?? code;
}

// ------------------------------------------------------------ front matter

export interface FrontMatterResult<T> {
  value?: T;
  /** Line (1-based) where the Markdown body starts. */
  bodyStartLine: number;
  body: string;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Split `---` YAML front matter from the body and validate it. */
export function parseFrontMatter<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  problems: Problem[],
): FrontMatterResult<z.infer<S>> {
  const match = FENCE.exec(text);
  if (!match) {
    problems.push({
      file,
      line: 1,
      column: 1,
      rule: 'missing-front-matter',
      message: 'the lesson must start with front matter: a line "---", then id, title and summary, then "---"',
    });
    return { bodyStartLine: 1, body: text };
  }
  const yamlText = match[1] ?? '';
  const bodyStartLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0) + 1;
  const body = text.slice(match[0].length);
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  // Front matter starts on line 2 (after the opening ---).
  const at = (offset: number): Position => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + 1, column: pos.col };
  };
  if (doc.errors.length) {
    for (const error of doc.errors) {
      problems.push({ file, ...at(error.pos[0]), rule: 'invalid-yaml', message: `invalid front matter: ${error.message.split('\n')[0]}` });
    }
    return { bodyStartLine, body };
  }
  const result = schema.safeParse(doc.toJS() ?? {});
  if (result.success) return { value: result.data, bodyStartLine, body };
  for (const issue of result.error.issues) {
    let offset = 0;
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const node = doc.getIn(key !== undefined ? [...issue.path, key] : issue.path, true);
    if (isNode(node) && node.range) offset = node.range[0];
    if (key !== undefined && isNode(doc.contents)) {
      const pair = (doc.contents as { items?: { key: { value?: unknown; range?: [number, number, number] } }[] }).items?.find(
        (item) => item.key.value === key,
      );
      if (pair?.key.range) offset = pair.key.range[0];
    }
    problems.push({ file, ...at(offset), rule: 'schema', message: `front matter ${describeSchemaIssue(issue)}` });
  }
  return { bodyStartLine, body };
}
