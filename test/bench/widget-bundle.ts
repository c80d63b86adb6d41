/** The widget bundle's weight on the wire: raw, gzip and brotli, against the 26 KB gzip budget. */
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { WIDGET_BUNDLE } from '../../src/proxy/routes/static-files.ts';

export const GZIP_TARGET_BYTES = 26 * 1024;

export async function run(): Promise<{ raw: number; gzip: number; brotli: number }> {
  const bundle = readFileSync(WIDGET_BUNDLE);
  const gzip = gzipSync(bundle, { level: 9 }).length;
  const brotli = brotliCompressSync(bundle, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length;
  const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
  console.log(`widget bundle dist/gift-entry.js: raw ${kb(bundle.length)}, gzip ${kb(gzip)}, brotli ${kb(brotli)}`);
  console.log(
    `  budget ≤ ${kb(GZIP_TARGET_BYTES)} gzip: ${gzip <= GZIP_TARGET_BYTES ? 'met' : `NOT met (${kb(gzip - GZIP_TARGET_BYTES)} over)`}`,
  );
  return { raw: bundle.length, gzip, brotli };
}
