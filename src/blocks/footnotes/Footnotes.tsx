/**
 * The lesson's references: a `<section>` with a "References" heading and an ordered list whose
 * items have the ids the references in the text point at (see RichText). Following a reference
 * moves focus to its note; the note's back link returns to the reference the learner came from
 * (else the first one in the lesson), opening the tab, card or slide that holds it if needed.
 */
import { useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlockScope, type BlockProps } from '../BlockScope.ts';
import { RichText } from '../RichText.tsx';
import { revealAndFocus } from '../revealRequest.ts';
import { footnoteElementId, footnotesHeadingId } from './footnoteIds.ts';

export function Footnotes({ block }: BlockProps<'footnotes'>) {
  const { t } = useTranslation();
  const { notesPrefix, followedReferences } = useBlockScope();
  const sectionRef = useRef<HTMLElement>(null);
  const [firstReferenceIds, setFirstReferenceIds] = useState<Readonly<Record<string, string>>>({});
  const headingId = footnotesHeadingId(notesPrefix);

  // The references are rendered by other blocks of the lesson; find them once they are in the DOM.
  useLayoutEffect(() => {
    const found: Record<string, string> = {};
    const document = sectionRef.current?.ownerDocument;
    for (const note of block.notes) {
      const id = document && firstReference(document, notesPrefix, note.id)?.id;
      if (id) found[note.id] = id;
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the references are other blocks' DOM, known only after layout
    setFirstReferenceIds((current) => (JSON.stringify(current) === JSON.stringify(found) ? current : found));
  }, [block.notes, notesPrefix]);

  const goBack = (event: MouseEvent<HTMLAnchorElement>, noteId: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const followed = followedReferences.get(noteId);
    const target = followed?.isConnected ? followed : firstReference(event.currentTarget.ownerDocument, notesPrefix, noteId);
    if (!target) return;
    event.preventDefault();
    revealAndFocus(target);
  };

  return (
    <section className="block footnotes" aria-labelledby={headingId} ref={sectionRef}>
      <h2 className="footnotes-heading" id={headingId}>
        {t('blocks.footnotes.heading')}
      </h2>
      <ol className="footnotes-list">
        {block.notes.map((note) => {
          const number = /^\d+$/.test(note.label) ? Number(note.label) : undefined;
          const referenceId = firstReferenceIds[note.id];
          return (
            <li key={note.id} id={footnoteElementId(notesPrefix, note.id)} tabIndex={-1} value={number}>
              <RichText className="footnote-text" html={note.html} />
              {referenceId && (
                <a
                  className="footnote-back"
                  href={`#${referenceId}`}
                  aria-label={t('blocks.footnotes.back', { label: note.label })}
                  onClick={(event) => goBack(event, note.id)}
                >
                  ↩&#xFE0E;
                </a>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The first link in the page that points at this lesson's note (document order = reading order). */
function firstReference(document: Document, notesPrefix: string, noteId: string): HTMLAnchorElement | undefined {
  const href = `#${footnoteElementId(notesPrefix, noteId)}`;
  const links = document.querySelectorAll<HTMLAnchorElement>('a.footnote-ref[data-note]');
  return Array.from(links).find((link) => link.getAttribute('href') === href);
}
