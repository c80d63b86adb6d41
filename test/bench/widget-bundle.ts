/**
 * The widget's weight on the wire: the bundle every page loads (raw, gzip, brotli) against
 * the 30 KB gzip budget, and the chunks beside it that only some pages load.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { CHUNK_NAME, WIDGET_BUNDLE } from '../../src/proxy/routes/static-files.ts';

export const GZIP_TARGET_BYTES = 30 * 1024;

const gzipped = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;

export async function run(): Promise<{ raw: number; gzip: number; brotli: number }> {
  const bundle = readFileSync(WIDGET_BUNDLE);
  const gzip = gzipped(bundle);
  const brotli = brotliCompressSync(bundle, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length;
  console.log(`widget bundle dist/gift-entry.js (every page): raw ${kb(bundle.length)}, gzip ${kb(gzip)}, brotli ${kb(brotli)}`);
  console.log(
    `  budget ≤ ${kb(GZIP_TARGET_BYTES)} gzip: ${gzip <= GZIP_TARGET_BYTES ? 'met' : `NOT met (${kb(gzip - GZIP_TARGET_BYTES)} over)`}`,
  );
  let withChunks = gzip;
  for (const file of readdirSync(dirname(WIDGET_BUNDLE)).filter((name) => CHUNK_NAME.test(name))) {
    const size = gzipped(readFileSync(join(dirname(WIDGET_BUNDLE), file)));
    withChunks += size;
    console.log(`  chunk ${file} (only pages that need it): gzip ${kb(size)}`);
  }
  console.log(`  a page inside iMIS with today's view loads at most ${kb(withChunks)} gzip in all`);
  return { raw: bundle.length, gzip, brotli };
}
