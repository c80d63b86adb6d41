/**
 * `npm run package`: the iMIS client-based iPart zip (ASI's recommended way to add
 * client-side content to iMIS pages), built the way iMIS renders and unpacks it: see
 * ipart-files.ts and ipart-layout.ts. Install steps are in README.md ("Embedding the widget in iMIS").
 *
 * The zip holds no widget: the display script loads it from the gift proxy each placement
 * names, so the package never needs rebuilding for a new widget, and it reads nothing from
 * dist/ (no build can break it, and it cannot break a build: it writes only to ipart/).
 * Deterministic: fixed file times, so the same sources give the same zip.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { zipSync, type Zippable } from 'fflate';
import { CHECKOUT_ROOT, IPART_DIR } from '../checkout-paths.ts';
import { configurationHtml, displayHtml } from './ipart-files.ts';
import { IPART_FOLDER, IPART_ZIP_NAME } from './ipart-layout.ts';

export const IPART_ZIP = join(IPART_DIR, `${IPART_ZIP_NAME}.zip`);
const FIXED_TIME = new Date('2026-01-01T00:00:00Z');

export interface PackageOptions {
  /** The release the display script writes on each <gift-entry> (data-ipart-release); default: package.json's version. */
  release?: string;
}

/** One browser script, bundled, with every non-ASCII character escaped (see ipart-files.ts). */
async function script(entry: string, release: string): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [join(CHECKOUT_ROOT, 'src', 'packaging', 'browser', entry)],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    charset: 'ascii',
    legalComments: 'none',
    define: { __IPART_RELEASE__: JSON.stringify(release) },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.contents;
}

const hashed = (name: string, content: Uint8Array) => `${name}.${createHash('sha256').update(content).digest('hex').slice(0, 12)}.js`;

/** The package's files, by path inside the zip (folder entries end in "/"). */
export async function ipartFiles(options: PackageOptions = {}): Promise<Record<string, Uint8Array>> {
  const release = options.release ?? (JSON.parse(readFileSync(join(CHECKOUT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const display = await script('display.ts', release);
  const configure = await script('configure.ts', release);
  const displayName = hashed('ipart-display', display);
  const configureName = hashed('ipart-configure', configure);
  const text = (s: string) => new TextEncoder().encode(s);
  return {
    [`${IPART_FOLDER}/`]: new Uint8Array(0),
    [`${IPART_FOLDER}/index.html`]: text(displayHtml(displayName)),
    [`${IPART_FOLDER}/configure.html`]: text(configurationHtml(configureName)),
    [`${IPART_FOLDER}/${displayName}`]: display,
    [`${IPART_FOLDER}/${configureName}`]: configure,
  };
}

export async function buildIpartZip(options: PackageOptions = {}): Promise<Uint8Array> {
  const files: Zippable = {};
  for (const [path, data] of Object.entries(await ipartFiles(options))) {
    // A folder entry is marked as one in its MS-DOS attributes too (0x10), as Windows tools write it.
    files[path] = [data, path.endsWith('/') ? { mtime: FIXED_TIME, attrs: 0x10 } : { mtime: FIXED_TIME }];
  }
  return zipSync(files, { level: 9 });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const zip = await buildIpartZip();
  mkdirSync(IPART_DIR, { recursive: true });
  writeFileSync(IPART_ZIP, zip);
  process.stdout.write(`iMIS client-based iPart written to ${IPART_ZIP} (${(zip.length / 1024).toFixed(1)} KB)\n`);
}
