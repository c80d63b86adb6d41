import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { buildIpartZip } from '../../src/packaging/ipart.ts';

test('the iPart zip holds one folder whose index.html places the element and loads the bundle beside it', () => {
  const bundle = new TextEncoder().encode('customElements.define("gift-entry", class extends HTMLElement {});');
  const zip = buildIpartZip(bundle);
  const files = unzipSync(zip);
  assert.deepEqual(Object.keys(files).sort(), [
    'GiftEntry/README.txt',
    'GiftEntry/configure.js',
    'GiftEntry/gift-entry.js',
    'GiftEntry/index.html',
    'GiftEntry/settings.js',
  ]);
  const index = strFromU8(files['GiftEntry/index.html']!);
  assert.match(index, /<gift-entry><\/gift-entry>/);
  assert.match(index, /src="\.\/configure\.js"/);
  assert.doesNotMatch(index, /<script>(?!<)/, 'no inline script: iMIS pages may run a strict CSP');
  assert.match(strFromU8(files['GiftEntry/configure.js']!), /import\('\.\/gift-entry\.js'\)/);
  assert.deepEqual(files['GiftEntry/gift-entry.js'], bundle);
  assert.match(strFromU8(files['GiftEntry/README.txt']!), /RiSE > Maintenance > Content types/);
});

test('the same bundle always gives the same zip, byte for byte', () => {
  const bundle = new TextEncoder().encode('x');
  assert.deepEqual(buildIpartZip(bundle), buildIpartZip(bundle));
});
