/**
 * `:::chart{label="…"}`: a list, one "Label" or "Label: NN%" per line, in rank order (an ordered
 * list's own numbers are the ranks, so "4." twice is a tie), then an optional note.
 */
import type { LeafDirectiveSpec } from '../../pipeline/block-directive.ts';

export const chartDirective: LeafDirectiveSpec<'chart'> = {
  kind: 'leaf',
  attributes: ['label'],
  required: ['label'],
  compile(node, content, attributes, context) {
    const label = attributes.label ?? '';
    const [list, ...note] = content;
    if (list?.type !== 'list') {
      context.report(node, 'empty-block', '":::chart" must start with a list: one "Label" or "Label: NN%" per line');
      return undefined;
    }
    // The rank is the item's own number as written ("4." twice is a tie); an unnumbered list ranks in order.
    let previousRank = 0;
    const items = list.children.map((item, index) => {
      const text = context.text(item).trim();
      const start = item.position?.start.offset;
      const written = list.ordered && start !== undefined ? /^\s*(\d+)[.)]/.exec(context.source.slice(start))?.[1] : undefined;
      const rank = written !== undefined ? Number(written) : index + 1;
      if (rank < previousRank) {
        context.report(item, 'schema', `chart items go in rank order: rank ${rank} comes after rank ${previousRank}; give tied items the same number`);
      }
      previousRank = rank;
      const match = /^(.*?):\s*(\d+(?:\.\d+)?)\s*%$/.exec(text);
      if (!match) return { label: text, rank };
      const value = Number(match[2]);
      if (value > 100) context.report(item, 'schema', `a chart figure must be a percent from 0 to 100, found ${value}%`);
      return { label: (match[1] ?? '').trim(), value, rank };
    });
    const ranks = items.map((item) => item.rank);
    const ranked = items.map((item) => ({ ...item, tied: ranks.filter((rank) => rank === item.rank).length > 1 }));
    return { type: 'chart', label, unit: 'percent', items: ranked, blocks: context.blocks(note) };
  },
};
