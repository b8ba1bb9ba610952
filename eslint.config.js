// ESLint (flat config): TypeScript, React hooks, accessibility of JSX, and the one-way import flow
//   pipeline (build only) → content types → course → tracking / UI (ui → blocks → app)
// that the README's "How it fits together" describes. `npm run lint` runs it; .ci/run runs lint
// before the tests.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// A question type's module is split by layer (src/questions/README.md): `build/` (its schema and
// compile, build time only), `view/` (its screen and printed views) and its pure `model.ts`; the
// registries and shared pieces of each layer sit in src/questions/build, src/questions/view and
// src/questions itself.
const questionsBuild = ['src/questions/build', 'src/questions/*/build'];
const questionsView = ['src/questions/view', 'src/questions/*/view'];

/** The layers of src/, and what each may import. */
const layers = [
  { type: 'pipeline', pattern: 'src/pipeline' },
  // The first element a file matches is its type: build/ and view/ folders before the models.
  { type: 'questions-build', pattern: questionsBuild, partialMatch: false },
  { type: 'questions-view', pattern: questionsView, partialMatch: false },
  { type: 'questions-model', pattern: 'src/questions', partialMatch: false },
  { type: 'content', pattern: 'src/content' },
  { type: 'course', pattern: 'src/course' },
  { type: 'tracking', pattern: 'src/tracking' },
  { type: 'i18n', pattern: 'src/i18n' },
  { type: 'ui', pattern: 'src/ui' },
  // Each block's directive.ts and their registry: build-time code that sits beside the block's view.
  { type: 'blocks-build', pattern: ['src/blocks/*/directive.ts', 'src/blocks/directives.ts'], mode: 'file' },
  { type: 'blocks', pattern: 'src/blocks' },
  { type: 'app', pattern: 'src/app' },
];

const allowedImports = [
  // The pipeline reads content at build time and produces the compiled types, compiling each block's
  // directive with its directive.ts and each question with its build part (and reads the blocks'
  // catalogs, JSON only: see restrictedImports).
  { from: 'pipeline', allow: ['pipeline', 'content', 'blocks-build', 'blocks', 'questions-build', 'questions-model'] },
  // A block's directive.ts: the pipeline's directive seam and helpers, the compiled types, and the
  // block's catalog (JSON only, see restrictedImports). Nothing at run time may import it.
  { from: 'blocks-build', allow: ['blocks-build', 'pipeline', 'content', 'blocks'] },
  // The question types' pure rules sit just above the content types, which derive the Question
  // union from them: they import nothing else.
  { from: 'questions-model', allow: ['questions-model'] },
  { from: 'content', allow: ['content', 'questions-model'] },
  // Build-time part of the question types: zod, and the pipeline's shared schema pieces and problem types.
  { from: 'questions-build', allow: ['questions-build', 'questions-model', 'pipeline', 'content'] },
  // The machine is pure: it knows the compiled course, nothing about React, the DOM or the LMS.
  { from: 'course', allow: ['course', 'content', 'questions-model'] },
  { from: 'tracking', allow: ['tracking', 'course', 'content', 'questions-model'] },
  // Block catalogs sit beside their blocks; i18n bundles them (JSON only, see below).
  { from: 'i18n', allow: ['i18n', 'blocks'] },
  // React glue every view uses: the course runtime context, the announcer, pre-render detection.
  { from: 'ui', allow: ['ui', 'course', 'tracking', 'content', 'i18n'] },
  { from: 'blocks', allow: ['blocks', 'ui', 'course', 'content', 'i18n', 'questions-model'] },
  // The question types' screen and printed views (the knowledge check among them).
  { from: 'questions-view', allow: ['questions-view', 'questions-model', 'blocks', 'ui', 'course', 'content', 'i18n'] },
  { from: 'app', allow: ['app', 'questions-view', 'questions-model', 'blocks', 'ui', 'tracking', 'course', 'content', 'i18n'] },
];

const buildOnly = [
  { group: ['**/pipeline/**', '**/questions/build/**', '**/questions/*/build/**'], message: 'The pipeline and the question types\' schemas run at build time only.' },
  { group: ['unified', 'remark-*', 'retext-*', 'mdast-*', 'hast-*', 'nlcst-*', 'zod', 'yaml'], message: 'Build-time libraries must not ship to the browser.' },
];
/** The blocks' JSON catalogs (src/blocks/i18n/, src/blocks/<type>/i18n/), and not their code, may be read by i18n (to bundle them); the pipeline also reads the directives. */
const blockCatalogsOnly = { regex: '/blocks/(?!([a-z-]+/)?i18n/[a-z-]+\\.json$)', message: 'Only the blocks’ JSON catalogs may be imported from here.' };
const blockDirectivesAndCatalogs = {
  regex: '/blocks/(?!([a-z-]+/)?i18n/[a-z-]+\\.json$|directives\\.ts$)',
  message: 'The pipeline reads the blocks’ directives (src/blocks/directives.ts) and JSON catalogs, never their views.',
};
/** A directive.ts is build-time code: from src/ it reads only the pipeline, content types, other directives and catalogs. */
const directiveImports = [
  { group: ['react', 'react-*', 'react/*'], message: 'A directive.ts runs at build time: no React.' },
  {
    regex: '^\\.(?!.*/(pipeline|content)/)(?!.*(/directive\\.ts|/i18n/[a-z-]+\\.json)$)',
    message: 'A directive.ts may import the pipeline, content types, other directive.ts files and the blocks’ catalogs only.',
  },
];
const noReact = { group: ['react', 'react-*', 'react/*'], message: 'Pure code: no React.' };
/** Folders (or file globs, for src/questions) and the imports they must not make. */
const restrictedImports = {
  pipeline: [blockDirectivesAndCatalogs],
  // Question models are pure; their build part may use zod and the pipeline, their views React.
  questions: [...buildOnly, noReact],
  [`{${questionsBuild.map((folder) => `${folder}/**/*.{ts,tsx}`).join(',')}}`]: [noReact],
  [`{${questionsView.map((folder) => `${folder}/**/*.{ts,tsx}`).join(',')}}`]: buildOnly,
  content: buildOnly,
  course: [
    ...buildOnly,
    { group: ['react', 'react-*', 'react/*', '**/app/**', '**/blocks/**', '**/ui/**', '**/tracking/**', '**/questions/view/**', '**/questions/*/view/**'], message: 'The course machine is pure: no React, UI or tracking.' },
  ],
  tracking: buildOnly,
  i18n: [...buildOnly, blockCatalogsOnly],
  ui: buildOnly,
  blocks: buildOnly,
  app: buildOnly,
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'coverage/**', 'node_modules/**', 'content/schema/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Non-null assertions are used where the DOM or a lookup is known to hold (e.g. #root).
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The content checker's output format puts two spaces between fields; tests spell them literally.
    files: ['tests/**'],
    rules: { 'no-regex-spaces': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, boundaries },
    settings: {
      'boundaries/elements': layers,
      // src/main.tsx is the composition root: it wires every layer together, so it is not a layer.
      'boundaries/include': ['src/*/**/*'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.json'] } },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: allowedImports.map(({ from, allow }) => ({
            from: { element: { type: from } },
            allow: { to: { element: { types: { anyOf: allow } } } },
          })),
        },
      ],
      'boundaries/no-unknown-files': 'error',
    },
  },
  // Imports each folder must not make (ESLint keeps one no-restricted-imports per file, so each
  // folder's list is complete in itself).
  ...Object.entries(restrictedImports).map(([folder, patterns]) => ({
    files: [folder.includes('{') ? folder : `src/${folder}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
  { files: ['src/blocks/*/directive.ts', 'src/blocks/directives.ts'], rules: { 'no-restricted-imports': ['error', { patterns: directiveImports }] } },
  { files: ['src/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', { patterns: buildOnly }] } },
  {
    // The machine and the question models are pure (questions' views and build part are not).
    files: ['src/course/**', 'src/questions/**'],
    ignores: [...questionsBuild, ...questionsView].map((folder) => `${folder}/**`),
    rules: { 'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'location'] },
  },
);
