/** The widget bundle as `npm run build` makes it, built fresh from src/ for a test (the checkout's dist/ may lag). */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'vite';

export async function buildWidgetTo(path: string): Promise<void> {
  const output = await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { write: false, emptyOutDir: false } });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []));
  const entry = chunks.find((chunk) => chunk.type === 'chunk' && chunk.fileName === 'gift-entry.js');
  assert.ok(entry && entry.type === 'chunk', 'vite built the widget bundle');
  writeFileSync(path, entry.code);
  // Its chunks beside it, as npm run build writes them into dist/.
  for (const chunk of chunks) if (chunk.type === 'chunk' && chunk !== entry) writeFileSync(join(dirname(path), chunk.fileName), chunk.code);
}
