import type { ReactNode } from 'react';

/**
 * A table block's frame (also the printed chart's): the wrapper that lets a wide table scroll or
 * stack, the table with its caption, and what follows the table inside the block.
 */
export function TableFrame({ tableClass, caption, children, after }: { tableClass: string; caption: string; children: ReactNode; after?: ReactNode }) {
  return (
    <div className="block table-block">
      <table className={tableClass}>
        <caption>{caption}</caption>
        {children}
      </table>
      {after}
    </div>
  );
}
