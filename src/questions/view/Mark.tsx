/**
 * A result mark: an icon AND its meaning in words, so correctness never depends on colour
 * (WCAG 1.4.1). The icon is decorative (`aria-hidden`); the text is what assistive technology reads.
 */
import type { ReactNode } from 'react';

export type MarkKind = 'correct' | 'incorrect' | 'missed' | 'warning';

/** The icon alone, for marks whose text sits elsewhere. Drawn in `currentColor`. */
export function MarkIcon({ kind }: { kind: MarkKind }) {
  return (
    <svg className="kc-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" strokeDasharray={kind === 'missed' ? '3 2.5' : undefined} />
      {kind === 'correct' || kind === 'missed' ? (
        <path d="M7 12.5l3.2 3.2L17 9" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
      ) : kind === 'incorrect' ? (
        <path d="M8.5 8.5l7 7M15.5 8.5l-7 7" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
      ) : (
        <path d="M12 7v6.5M12 16.5v.5" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
      )}
    </svg>
  );
}

/** Icon + words, e.g. ✓ "Your choice: correct". */
export function Mark({ kind, children, id }: { kind: MarkKind; children: ReactNode; id?: string }) {
  return (
    <span className={`kc-mark kc-mark--${kind}`} id={id}>
      <MarkIcon kind={kind} />
      <span>{children}</span>
    </span>
  );
}
