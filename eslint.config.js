import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'public',
      'test-results',
      'playwright-report',
      'e2e/artifacts',
      '.gpuA',
      '.gpuB',
      '.chrA',
      '.chrB',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/app/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The app thread never touches tfjs: all tensor work lives in the worker.
      'no-restricted-imports': ['error', { patterns: ['@tensorflow/*', '../worker/*', '**/worker/*'] }],
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    languageOptions: { globals: globals.worker },
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'plotly.js*', '**/app/*'] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'plotly.js*', '@tensorflow/*'] }],
    },
  },
  {
    files: ['src/serviceWorker/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.serviceworker } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['react', 'react-dom', 'plotly.js*', '@tensorflow/*', '**/app/*', '**/worker/*'] },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', 'e2e/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // Imported files and URL values are data: nothing turns a string into code (and the CSP forbids it).
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
