import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { buildIpartZip } from '../../src/packaging/ipart.ts';
import { IMIS_ALLOWED_EXTENSIONS, IPART_LAYOUTS, ipartRoot } from '../../src/packaging/ipart-layout.ts';

const files = unzipSync(await buildIpartZip());
const text = (path: string) => strFromU8(files[path]!);
/** Every URL-bearing attribute value in an HTML text. */
const urls = (html: string) => [...html.matchAll(/\s(?:src|href|action)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]!);
const HTML = ['GiftEntry/index.html', 'GiftEntry/configure.html'];

test('the zip holds one folder with its own folder entry (iMIS 2017 creates no folder without one) and only extensions iMIS keeps', () => {
  const paths = Object.keys(files).sort();
  assert.equal(paths[0], 'GiftEntry/', 'the folder has its own entry, listed before its files');
  assert.deepEqual(
    paths.map((p) => p.replace(/\.[0-9a-f]{12}\.js$/, '.<hash>.js')),
    [
      'GiftEntry/',
      'GiftEntry/configure.html',
      'GiftEntry/index.html',
      'GiftEntry/ipart-configure.<hash>.js',
      'GiftEntry/ipart-display.<hash>.js',
    ],
  );
  for (const path of paths.filter((p) => !p.endsWith('/')))
    assert.ok(
      (IMIS_ALLOWED_EXTENSIONS as readonly string[]).some((ext) => path.endsWith(ext)),
      `${path} would be dropped by iMIS`,
    );
  assert.ok(!paths.some((p) => p.endsWith('gift-entry.js')), 'no widget inside: it comes from the proxy, always its own release');
});

test('display and configuration files are fragments iMIS can paste: no document tags, no relative URLs, no inline script', () => {
  for (const path of HTML) {
    const html = text(path);
    assert.doesNotMatch(html, /<!doctype|<html|<head|<body/i, `${path} is a whole document`);
    assert.ok(urls(html).length > 0, `${path} loads its script`);
    for (const url of urls(html)) assert.match(url, /^~\//, `${path}: ${url} would resolve against the page's URL`);
    assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/i, `${path} has an inline script`);
  }
  assert.match(
    text('GiftEntry/index.html'),
    /^<gift-entry data-content-key="\[x-contentKey\]" data-content-item-key="\[x-contentItemKey\]"><p [^>]*data-gift-entry-fallback>[^<]*could not load Gift entry[^<]*<\/p><\/gift-entry>/,
    'a fallback sentence sits inside <gift-entry> until the widget runs',
  );
});

test('each fragment names its script in both places iMIS unpacks a zip, and each name is a file of the zip', () => {
  for (const path of HTML) {
    const named = urls(text(path));
    assert.equal(named.length, IPART_LAYOUTS.length, `${path}: one script per layout`);
    for (const layout of IPART_LAYOUTS) {
      const url = named.find((u) => u.startsWith(ipartRoot(layout)));
      assert.ok(url, `${path} has no script under ${ipartRoot(layout)}`);
      assert.ok(files[`GiftEntry/${url.slice(ipartRoot(layout).length)}`], `${url} is not in the zip`);
    }
  }
});

test('index.html and configure.html are ASCII only (iMIS 2017 reads a file without a BOM in the Windows code page), and so are the scripts', () => {
  for (const [path, data] of Object.entries(files)) {
    const bom = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
    const nonAscii = data.findIndex((byte) => byte > 0x7e || (byte < 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09));
    assert.ok(bom || nonAscii === -1, `${path} has a non-ASCII byte at ${nonAscii} and no BOM`);
  }
  assert.match(text('GiftEntry/configure.html'), /proxy&#8217;s base URL/, 'typographic quotes are kept, as character references');
});

test('script names change with their content, so a 2-day static cache never serves an older script; the same sources give the same zip', async () => {
  const other = unzipSync(await buildIpartZip({ release: 'another-release' }));
  const scripts = (zip: Record<string, Uint8Array>) => Object.keys(zip).filter((p) => p.endsWith('.js'));
  const display = (zip: Record<string, Uint8Array>) => scripts(zip).find((p) => p.includes('ipart-display'))!;
  assert.notEqual(display(other), display(files), 'another display script, another name');
  assert.ok(text('GiftEntry/index.html').includes(display(files).slice('GiftEntry/'.length)));
  assert.ok(strFromU8(other['GiftEntry/index.html']!).includes(display(other).slice('GiftEntry/'.length)));
  assert.deepEqual(await buildIpartZip(), await buildIpartZip());
});

test('settings come from the content item at run time (api/ContentItem, else api/ContentTypeSettings), not from a file in the package', () => {
  const displayScript = Object.keys(files).find((p) => p.includes('ipart-display'))!;
  const display = text(displayScript);
  assert.match(display, /api\/ContentItem/);
  assert.match(display, /api\/ContentTypeSettings/);
  assert.match(display, /baseUrl/);
  assert.match(display, /\/gift-entry\.js/, 'loads the widget from the proxy the settings name');
  assert.match(text(Object.keys(files).find((p) => p.includes('ipart-configure'))!), /JsonSettings/);
});
