/**
 * html-validate over the pre-rendered pages (tests/browser/html-validity.test.ts).
 *
 * `html-validate:standard` checks conformance to the HTML standard (content models, attributes,
 * ids, nesting) without the style rules of `recommended` (self-closing `<meta />`, quoting, title
 * length, `aria-label` habits, id spelling preferences), which are taste, not validity: React and
 * Vite write `<meta />` and ids like `_R_1_`, both valid HTML. No rule is turned off. Two rules
 * outside the standard preset are turned on, for what issue 11 asked:
 * - `no-redundant-role`: no ARIA role that repeats a native element's (`<tr role="row">`);
 * - `heading-level`: headings never skip a level. `minInitialRank: "h2"` because the course menu,
 *   with its section headings (h2), comes before the page's h1 in document order.
 */
export default {
  extends: ['html-validate:standard'],
  rules: {
    'no-redundant-role': 'error',
    'heading-level': ['error', { minInitialRank: 'h2' }],
  },
};
