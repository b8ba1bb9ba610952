/**
 * Inserts build-time HTML (see `Html` in src/content/types.ts) and makes its links work in the app:
 *
 * - lesson links (`<a href="lesson/ID" data-lesson="ID">`) get the router's address for
 *   `/lesson/ID`, so they work under any basename or hash router, and a plain left click navigates
 *   inside the app; Ctrl/⌘/Shift/middle clicks are left to the browser (new tab, new window);
 * - glossary links (`<a href="glossary#ID" data-glossary="ID">`, a term's first use) get the
 *   router's address for `/glossary#ID` and navigate inside the app the same way;
 * - footnote references (`<a href="#fn-1" class="footnote-ref">`) point at the lesson's own notes
 *   (ids are prefixed, see BlockScope) and move focus to the note without touching the URL, which a
 *   hash router would read as a route;
 * - external links (`target="_blank"`, see src/pipeline/markdown.ts) hold an empty
 *   `<span class="visually-hidden new-tab-note">`, filled here with "(opens in a new tab)" in the
 *   learner's language, so screen readers announce it.
 *
 * @example
 * <RichText html={block.html} />
 * <RichText as="span" html={option.html} />
 */
import { useContext, useId, useMemo, type ElementType, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useHref, useNavigate } from 'react-router';
import type { Html } from '../content/types.ts';
import { BlockScopeContext } from './BlockScope.ts';
import { footnoteElementId, footnotesHeadingId } from './footnotes/footnoteIds.ts';
import { revealAndFocus } from './revealRequest.ts';

export interface RichTextProps {
  html: Html;
  /** The element that holds the HTML: `div` for block content, `span` for inline content. */
  as?: ElementType;
  className?: string;
  id?: string;
}

export function RichText({ html, as: Element = 'div', className, id }: RichTextProps) {
  const lessonBase = useHref('/lesson');
  const glossaryBase = useHref('/glossary/');
  const navigate = useNavigate();
  const scope = useContext(BlockScopeContext);
  const referenceIdPrefix = useId();
  const notesPrefix = scope?.notesPrefix;
  const { t } = useTranslation();
  const newTab = t('blocks.link.newTab');
  const markup = useMemo(
    () => rewriteLinks(html, { lessonBase, notesPrefix, referenceIdPrefix, newTab }).replace(
      GLOSSARY_LINK,
      (_match, entryId: string) => `<a href="${escapeAttribute(`${glossaryBase}#${entryId}`)}"`,
    ),
    [html, lessonBase, glossaryBase, notesPrefix, referenceIdPrefix, newTab],
  );

  const onClick = (event: MouseEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const target = event.target as Node;
    const anchor = (target.nodeType === Node.ELEMENT_NODE ? (target as Element) : target.parentElement)?.closest('a');
    if (!anchor || !event.currentTarget.contains(anchor)) return;
    const lessonId = anchor.getAttribute('data-lesson');
    if (lessonId !== null) {
      if (anchor.target && anchor.target !== '_self') return;
      event.preventDefault();
      void navigate(`/lesson/${lessonId}/`);
      return;
    }
    const glossaryId = anchor.getAttribute('data-glossary');
    if (glossaryId !== null) {
      event.preventDefault();
      void navigate(`/glossary#${glossaryId}`);
      return;
    }
    const noteId = anchor.getAttribute('data-note');
    if (noteId !== null && scope) {
      const note = anchor.ownerDocument.getElementById(footnoteElementId(scope.notesPrefix, noteId));
      if (!note) return;
      event.preventDefault();
      scope.followedReferences.set(noteId, anchor);
      revealAndFocus(note);
    }
  };

  return <Element id={id} className={className} onClick={onClick} dangerouslySetInnerHTML={{ __html: markup }} />;
}

/** The pipeline writes these exact shapes (src/pipeline/markdown.ts). */
const LESSON_LINK = /<a href="lesson\/([^"]+)"/g;
/** Written by the glossary rewrite (src/pipeline/glossary.ts): a term's first use in a lesson. */
const GLOSSARY_LINK = /<a href="glossary#([^"]+)"/g;
const FOOTNOTE_REFERENCE = /<a href="#([^"]+)" class="footnote-ref"/g;
const NEW_TAB_NOTE = '<span class="visually-hidden new-tab-note"></span>';

function rewriteLinks(
  html: Html,
  {
    lessonBase,
    notesPrefix,
    referenceIdPrefix,
    newTab,
  }: { lessonBase: string; notesPrefix: string | undefined; referenceIdPrefix: string; newTab: string },
): Html {
  const base = lessonBase.replace(/\/$/, '');
  let out = html.replace(LESSON_LINK, (_match, lessonId: string) => `<a href="${escapeAttribute(`${base}/${lessonId}/`)}"`);
  out = out.replaceAll(NEW_TAB_NOTE, `<span class="visually-hidden new-tab-note"> ${escapeText(newTab)}</span>`);
  if (notesPrefix !== undefined) {
    let count = 0;
    out = out.replace(FOOTNOTE_REFERENCE, (_match, noteId: string) => {
      count += 1;
      return (
        `<a href="#${escapeAttribute(footnoteElementId(notesPrefix, noteId))}" class="footnote-ref"` +
        ` id="${escapeAttribute(`${referenceIdPrefix}-ref-${count}`)}" data-note="${noteId}"` +
        ` aria-describedby="${escapeAttribute(footnotesHeadingId(notesPrefix))}"`
      );
    });
  }
  return out;
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
