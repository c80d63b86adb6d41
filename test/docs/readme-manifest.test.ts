/**
 * README shows the widget's public surface once, for people; the manifest is generated from
 * the element's JSDoc header. They must not drift: every attribute, event and CSS custom
 * property in one is in the other.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const README = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
const MANIFEST_PATH = fileURLToPath(new URL('../../dist/custom-elements.json', import.meta.url));

interface Named {
  name: string;
}
interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: Named[];
  events?: Named[];
  cssProperties?: Named[];
}

function element(tagName: string): Declaration {
  const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as { modules: Array<{ declarations?: Declaration[] }> };
  const found = manifest.modules.flatMap((module) => module.declarations ?? []).find((d) => d.customElement && d.tagName === tagName);
  assert.ok(found, `dist/custom-elements.json has no <${tagName}>: run npm run build`);
  return found;
}

/** The backticked names in the first column of the README table whose header starts with `| <first> `. */
function tableNames(first: string): string[] {
  const lines = README.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`| ${first} `));
  assert.ok(start >= 0, `README has no table headed "${first}"`);
  const names: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const cell = line.split('|')[1] ?? '';
    names.push(...[...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
  }
  return names;
}

const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

test("README's attribute table lists exactly <gift-entry>'s attributes", () => {
  assert.deepEqual(sorted(tableNames('attribute')), sorted((element('gift-entry').attributes ?? []).map((a) => a.name)));
});

test("README's event table lists exactly the events <gift-entry> fires", () => {
  assert.deepEqual(sorted(tableNames('event')), sorted((element('gift-entry').events ?? []).map((e) => e.name)));
});

test("README names exactly <gift-entry>'s CSS custom properties", () => {
  const inReadme = [...README.matchAll(/`(--gift-entry-[a-z-]+)`/g)].map((m) => m[1]!);
  assert.deepEqual(sorted(inReadme), sorted((element('gift-entry').cssProperties ?? []).map((p) => p.name)));
});
