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

/**
 * Which folder's code each folder may not import, so the production proxy never carries the
 * demo or the iMIS stand-in (main.ts loads the demo's own bundle, by a computed path, only in
 * simulator mode) and the stand-in plays iMIS without borrowing the proxy's internals. Shared
 * file locations live in src/checkout-paths.ts, which imports nothing of ours.
 */
const folder = (/** @type {string} */ name) => ({
  regex: `(^|/)${name}/`,
  message: `This folder may not import from src/${name}/ (see eslint.config.js: the direction of imports between folders).`,
});
/** @type {Record<string, string[]>} */
const MAY_NOT_IMPORT = {
  'src/contract': ['proxy', 'simulator', 'widget', 'imis-standin', 'demo', 'packaging', 'ops'],
  'src/widget': ['proxy', 'simulator', 'imis-standin', 'demo', 'packaging', 'ops'],
  'src/proxy': ['imis-standin', 'demo', 'packaging', 'widget', 'ops'],
  'src/simulator': ['proxy', 'imis-standin', 'demo', 'packaging', 'widget', 'ops'],
  'src/ops': ['imis-standin', 'demo', 'packaging', 'widget'],
  'src/packaging': ['proxy', 'imis-standin', 'demo', 'simulator', 'widget', 'ops'],
  'src/imis-standin': ['proxy', 'demo', 'simulator', 'widget', 'ops'],
  'src/demo': ['proxy', 'simulator', 'widget', 'ops'],
};
const ZOD_RULE = {
  paths: [{ name: 'zod', message: ZOD_MESSAGE }],
  patterns: [{ group: ['zod/*', '!zod/mini'], message: ZOD_MESSAGE }],
};
const BROWSER_SIDE = ['src/widget', 'src/contract'];

/**
 * @param {string} dir
 * @param {string[]} forbidden
 * @returns {import('eslint').Linter.Config}
 */
function importRule(dir, forbidden) {
  const zod = BROWSER_SIDE.includes(dir);
  const patterns = [...(zod ? ZOD_RULE.patterns : []), ...forbidden.map(folder)];
  return {
    files: [`${dir}/**/*.ts`],
    ignores: zod ? SERVER_ONLY_CONTRACT : [],
    rules: { 'no-restricted-imports': ['error', { paths: zod ? ZOD_RULE.paths : [], patterns }] },
  };
}

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
  { files: ['src/packaging/browser/**/*.ts'], languageOptions: { globals: globals.browser } },
  ...Object.entries(MAY_NOT_IMPORT).map(([dir, forbidden]) => importRule(dir, forbidden)),
  // The two server-only contract files may use the full zod, but not the other folders either.
  {
    files: SERVER_ONLY_CONTRACT,
    rules: { 'no-restricted-imports': ['error', { patterns: (MAY_NOT_IMPORT['src/contract'] ?? []).map(folder) }] },
  },
);
