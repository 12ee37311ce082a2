// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output*/', '.wxt/', 'node_modules/', 'demo-output/', 'test-output/', 'bench-output/', 'coverage/'] },
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
);
