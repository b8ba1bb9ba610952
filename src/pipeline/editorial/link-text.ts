/**
 * Links that say nothing out of context ("here", "click here", "this link") are warnings; a link
 * with no target, a target of "#" or no text is an error: it leads nowhere.
 */
import type { Link } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { positionOf, type Finding, type LessonRule } from './types.ts';

const VAGUE = new Set(['here', 'click here', 'this link', 'link', 'this', 'more', 'read more', 'click', 'this page', 'go', 'there']);

export function checkLink(link: Link, at: { line: number; column: number }): Finding | undefined {
  const text = toString(link).trim();
  const url = link.url.trim();
  if (!url || url === '#') {
    return { ...at, rule: 'empty-link', severity: 'error', message: `the link "${text}" leads nowhere (target ${url ? '"#"' : 'empty'}); give a full address from the sources, a lesson:<id>, or write it as plain text` };
  }
  if (!text && !link.children.some((child) => child.type === 'image')) {
    return { ...at, rule: 'empty-link', severity: 'error', message: `the link to "${url}" has no text; write what the learner will find there between the [brackets]` };
  }
  if (VAGUE.has(text.toLowerCase().replace(/[.!:]+$/, ''))) {
    return { ...at, message: `the link text "${text}" says nothing out of context (screen readers list links on their own); name where it goes, e.g. "[the BCCDC Paying Peers Guide](…)"` };
  }
  return undefined;
}

export const badLinkText: LessonRule = {
  rule: 'bad-link-text',
  severity: 'warning',
  description: 'link text such as "here" or "click here"; a link with an empty target or "#" is an error (empty-link)',
  check({ tree, lineOffset }) {
    const findings: Finding[] = [];
    visit(tree, 'link', (link: Link) => {
      const finding = checkLink(link, positionOf(link, lineOffset));
      if (finding) findings.push(finding);
    });
    return findings;
  },
};
