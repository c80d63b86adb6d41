// @ts-check
// Lint for the whole repository: typescript-eslint everywhere, Lit and Lit-a11y on the widget's
// templates, and the widget's bundle rule (zod only as zod/mini) enforced rather than commented.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import lit from 'eslint-plugin-lit';
// @ts-expect-error eslint-plugin-lit-a11y ships no type declarations
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Typed loosely by the plugin (flat or legacy); this one is the flat config.
const litRecommended = /** @type {import('eslint').Linter.Config} */ (lit.configs?.['flat/recommended']);
const WIDGET = ['src/widget/**/*.ts', 'test/widget/**/*.ts'];
const ZOD_MESSAGE = "Browser-side code imports zod only as zod/mini: the full zod would not fit the widget's bundle budget.";
// Contract files only the proxy and simulator load; every other contract file may reach the widget bundle.
const SERVER_ONLY_CONTRACT = ['src/contract/import-request-schema.ts', 'src/contract/upstream-messages.ts'];

export default defineConfig(
  { ignores: ['dist/', 'ipart/', 'data/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', 'src/proxy/**', 'src/simulator/**', 'src/ops/**', 'src/packaging/**', 'test/**'],
    languageOptions: { globals: globals.node },
  },
  { files: ['src/demo/**/*.js', ...WIDGET], languageOptions: { globals: globals.browser } },
  { files: WIDGET, extends: [litRecommended] },
  { files: ['src/widget/**/*.ts'], extends: [litA11y.configs.recommended] },
  // chai's `expect(x).to.be.true` is an expression by design.
  { files: ['test/widget/**/*.ts'], rules: { '@typescript-eslint/no-unused-expressions': 'off' } },
  {
    files: ['src/widget/**/*.ts', 'src/contract/**/*.ts'],
    ignores: SERVER_ONLY_CONTRACT,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: ZOD_MESSAGE }],
          patterns: [{ group: ['zod/*', '!zod/mini'], message: ZOD_MESSAGE }],
        },
      ],
    },
  },
);
