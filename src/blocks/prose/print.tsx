/** Printed with its headings under the edition's own; read paragraph by paragraph. */
import type { Html } from '../../content/types.ts';
import type { PrintForm } from '../print/print-forms.ts';
import { RichText } from '../RichText.tsx';

/** Lesson headings under the edition's own: h2 → h4, h3 → h5 (h6 at most). */
export function shiftHeadings(html: Html): Html {
  return html.replace(/<(\/?)h([1-6])\b/g, (_m, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + 2)}`);
}

export const prosePrint: PrintForm<'prose'> = {
  print: ({ block }) => <RichText className="block prose" html={shiftHeadings(block.html)} />,
  speech: (block, say) => say.html(block.html),
};
