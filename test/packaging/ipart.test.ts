import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { buildIpartZip } from '../../src/packaging/ipart.ts';
import { IMIS_ALLOWED_EXTENSIONS, IPART_CONFIGURATION_URL, IPART_DISPLAY_URL } from '../../src/packaging/ipart-files.ts';

const bundle = new TextEncoder().encode('customElements.define("gift-entry", class extends HTMLElement {});');
const files = unzipSync(buildIpartZip(bundle));
const text = (path: string) => strFromU8(files[path]!);
/** Every URL-bearing attribute value in an HTML text. */
const urls = (html: string) => [...html.matchAll(/\s(?:src|href|action)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]!);

test('the zip holds only extensions iMIS keeps, in one folder, with the bundle as built', () => {
  const paths = Object.keys(files).sort();
  assert.deepEqual(paths, [
    'GiftEntry/configure.html',
    'GiftEntry/gift-entry.js',
    'GiftEntry/index.html',
    'GiftEntry/ipart-configure.js',
    'GiftEntry/ipart-display.js',
  ]);
  for (const path of paths)
    assert.ok(
      (IMIS_ALLOWED_EXTENSIONS as readonly string[]).some((ext) => path.endsWith(ext)),
      `${path} would be dropped by iMIS`,
    );
  assert.deepEqual(files['GiftEntry/gift-entry.js'], bundle);
});

test('display and configuration files are fragments iMIS can paste: no document tags, no relative URLs, no inline script', () => {
  for (const path of ['GiftEntry/index.html', 'GiftEntry/configure.html']) {
    const html = text(path);
    assert.doesNotMatch(html, /<!doctype|<html|<head|<body/i, `${path} is a whole document`);
    assert.ok(urls(html).length > 0, `${path} loads its script`);
    for (const url of urls(html)) assert.match(url, /^(~\/|https?:\/\/|\/)/, `${path}: ${url} would resolve against the page's URL`);
    assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/i, `${path} has an inline script`);
  }
  assert.match(
    text('GiftEntry/index.html'),
    /<gift-entry data-content-key="\[x-contentKey\]" data-content-item-key="\[x-contentItemKey\]"><\/gift-entry>/,
  );
});

test('content type URLs point into the folder iMIS unpacks the zip to (named after the zip)', () => {
  assert.equal(IPART_DISPLAY_URL, '~/iPartSource/gift-entry-ipart/GiftEntry/index.html');
  assert.equal(IPART_CONFIGURATION_URL, '~/iPartSource/gift-entry-ipart/GiftEntry/configure.html');
  for (const url of urls(text('GiftEntry/index.html')).concat(urls(text('GiftEntry/configure.html')))) {
    assert.ok(files[url.replace('~/iPartSource/gift-entry-ipart/', '')], `${url} is not in the zip`);
  }
});

test('settings come from the content item at run time, not from a file in the package', () => {
  const display = text('GiftEntry/ipart-display.js');
  assert.match(display, /api\/ContentItem\?/);
  assert.match(display, /baseUrl/);
  assert.match(text('GiftEntry/ipart-configure.js'), /JsonSettings/);
  assert.equal(
    Object.keys(files).some((p) => /settings\.js$/.test(p)),
    false,
  );
});

test('the same bundle always gives the same zip, byte for byte', () => {
  const x = new TextEncoder().encode('x');
  assert.deepEqual(buildIpartZip(x), buildIpartZip(x));
});
