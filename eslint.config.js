// @ts-check
import tseslint from 'typescript-eslint';

/**
 * The layers the code keeps (docs/architecture.md, "Rules the code keeps"), enforced here and
 * proven by tests/unit/layering.test.ts. Each rule names the imports a layer may not make.
 */
const UI_CODE = { regex: '(^|/)(ui|popup|options|tooltip)/(?!.*\\.css$)', message: 'The always-injected content script loads the UI lazily (src/extension/lazy-modules.ts), never imports it.' };
const LAYERS = [
  {
    files: ['src/engine/**'],
    message: 'src/engine depends on the DOM and the dataset only (types from src/nlp).',
    patterns: [
      { regex: '^(preact|compromise|wxt|@wxt-dev|webextension-polyfill|valibot)(/|$)' },
      { regex: '(^|/)(ui|extension|settings|update)/' },
      { regex: '(^|/)nlp/', allowTypeImports: true },
    ],
  },
  {
    files: ['src/nlp/**'],
    message: 'src/nlp depends on compromise, dataset types and the shared text rules (src/dataset/words, src/dataset/population) only.',
    patterns: [
      { regex: '^(preact|wxt|@wxt-dev|webextension-polyfill|valibot)(/|$)' },
      { regex: '(^|/)(engine|ui|extension|settings|update)/' },
      { regex: '(^|/)dataset/(?!(words|population)$)', allowTypeImports: true },
    ],
  },
  {
    files: ['src/ui/**'],
    message: 'src/ui reads the engine through its types and the DOM contract (dom-rules) only; it never finds mentions.',
    patterns: [
      { regex: '^compromise(/|$)' },
      { regex: '(^|/)engine/(?!dom-rules$)', allowTypeImports: true },
      { regex: '(^|/)nlp/', allowTypeImports: true },
    ],
  },
  {
    // What every page loads: no UI code, no wording, no language analysis, and of the engine only
    // the pre-scan, the page watcher, the report and the slicing clock: reading a page in full
    // (the annotator and what only it uses) is the lazily loaded reader.
    files: [
      'entrypoints/content/**',
      'src/extension/content-controller.ts',
      'src/extension/page-session.ts',
      'src/extension/lazy-modules.ts',
      'src/extension/messages.ts',
      'src/extension/navigation-watch.ts',
    ],
    message: 'The always-injected content script must stay small.',
    patterns: [
      { regex: '^(preact|compromise)(/|$)' },
      { ...UI_CODE, allowTypeImports: true },
      { regex: '(^|/)nlp/', allowTypeImports: true },
      { regex: '(^|/)engine/(annotator|highlighter|senses|fuzzy|text-runs|context|visibility|marks|audit)$', allowTypeImports: true },
    ],
  },
];

export default tseslint.config(
  { ignores: ['.output*/', '.wxt/', 'node_modules/', 'demo-output/', 'test-output/', 'bench-output/', 'coverage/', 'release-output/', 'feed-output/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // Dataset and page text must go in as text: no HTML or code sinks anywhere.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM from text (textContent/createElement), never HTML.' },
        { property: 'outerHTML', message: 'Build DOM from text (textContent/createElement), never HTML.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM from text, never HTML.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Dataset text is rendered as text, never HTML.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'prefer-const': 'error',
    },
  },
  ...LAYERS.map(({ files, message, patterns }) => ({
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: patterns.map((pattern) => ({ message, ...pattern })) },
      ],
    },
  })),
);
