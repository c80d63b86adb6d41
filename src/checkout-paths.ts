/**
 * Where the checkout's files are, for every Node program that needs one (the proxy, the demo,
 * the iMIS stand-in, the packaging script, benchmarks). One small module with no imports of
 * ours, so each of them can use it without importing another's code.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout's root: the nearest folder above this module holding package.json. This code
 * runs from src/ under tsx (tests, npm run dev) and bundled into dist/server/ (npm start), so a
 * fixed number of '../' would be right in only one of them.
 */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

export const CHECKOUT_ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));
/** The widget bundle `npm run build` writes (the size budget and CI measure this file). */
export const WIDGET_BUNDLE = join(CHECKOUT_ROOT, 'dist', 'gift-entry.js');
/** The demo page and the iMIS stand-in's theme. */
export const DEMO_DIR = join(CHECKOUT_ROOT, 'src', 'demo');
/** Where `npm run package` writes the iPart zip: its own folder, so no build can remove it or be removed by it. */
export const IPART_DIR = join(CHECKOUT_ROOT, 'ipart');
