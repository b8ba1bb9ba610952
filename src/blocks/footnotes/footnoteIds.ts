/** DOM ids shared by footnote references (in RichText) and the footnotes list. */

/** The id of a note's list item; `noteId` is the compiled note id, e.g. `fn-1`. */
export function footnoteElementId(notesPrefix: string, noteId: string): string {
  return `${notesPrefix}-${noteId}`;
}

/** The id of the "References" heading, which describes every reference link. */
export function footnotesHeadingId(notesPrefix: string): string {
  return `${notesPrefix}-footnotes`;
}
