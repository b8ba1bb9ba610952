/** Paragraphs, lists and headings compiled from Markdown. */
import type { BlockProps } from '../BlockScope.ts';
import { RichText } from '../RichText.tsx';

export function Prose({ block }: BlockProps<'prose'>) {
  return <RichText className="block prose" html={block.html} />;
}
