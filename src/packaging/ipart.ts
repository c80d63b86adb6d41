/**
 * `npm run package`: the iMIS client-based iPart zip (ASI's recommended way to add
 * client-side content to iMIS pages), built the way iMIS renders it: see ipart-files.ts.
 * Install steps are in README.md ("Embedding the widget in iMIS").
 * Deterministic: fixed file times, so the same bundle gives the same zip.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import { WIDGET_BUNDLE } from '../proxy/routes/static-files.ts';
import { IPART_ZIP_NAME, ipartFiles } from './ipart-files.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const IPART_ZIP = join(ROOT, 'ipart', `${IPART_ZIP_NAME}.zip`);
const FIXED_TIME = new Date('2026-01-01T00:00:00Z');

export function buildIpartZip(bundle: Uint8Array): Uint8Array {
  const files: Zippable = {};
  for (const [path, data] of Object.entries(ipartFiles(bundle))) files[path] = [data, { mtime: FIXED_TIME }];
  return zipSync(files, { level: 9 });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  let bundle: Uint8Array;
  try {
    bundle = readFileSync(WIDGET_BUNDLE);
  } catch {
    process.stderr.write('dist/gift-entry.js is missing: run npm run build first (npm run package does).\n');
    process.exit(1);
  }
  const zip = buildIpartZip(bundle);
  mkdirSync(join(ROOT, 'ipart'), { recursive: true });
  writeFileSync(IPART_ZIP, zip);
  process.stdout.write(`iMIS client-based iPart written to ${IPART_ZIP} (${(zip.length / 1024).toFixed(1)} KB)\n`);
}
