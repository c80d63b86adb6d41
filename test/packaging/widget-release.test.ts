/**
 * No stale widget behind a cache: the proxy serves the widget at a path named after a hash of
 * its content (cached for good), names that path in a loader at /gift-entry.js that is never
 * cached, and tells every API caller which release it serves.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { CALLER_KEY_HEADER } from '../../src/contract/proxy-routes.ts';
import { RELEASE_HEADER, releaseOfScript } from '../../src/contract/widget-release.ts';
import { startProxy, type ProxyHandle } from '../../src/proxy/server.ts';
import { releaseNotice } from '../../src/widget/release-check.ts';

const KEY = 'release-test-key-0123456789';
const ORIGIN = 'https://imis.example.org';
const dir = mkdtempSync(join(tmpdir(), 'gift-release-'));
const bundle = join(dir, 'gift-entry.js');
let proxy: ProxyHandle;

before(async () => {
  writeFileSync(bundle, 'customElements.define("gift-entry", class extends HTMLElement {}); // release one\n');
  proxy = await startProxy(
    { PORT: '0', DATA_DIR: join(dir, 'data'), SIMULATOR_DELAY_MS: '0', GIFT_SIMULATOR: '1', GIFT_ENTRY_KEYS: KEY, ALLOWED_ORIGINS: ORIGIN },
    { log: () => {}, widgetBundle: bundle },
  );
});
after(async () => {
  await proxy.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What the no-cache loader names, fetched as a browser on the iMIS page would. */
async function loaderTarget(): Promise<string> {
  const loader = await fetch(`${proxy.url}/gift-entry.js`, { headers: { Origin: ORIGIN } });
  assert.equal(loader.status, 200);
  assert.equal(loader.headers.get('Cache-Control'), 'no-cache', 'the loader is asked for again at every page load');
  assert.equal(loader.headers.get('Access-Control-Allow-Origin'), '*', 'any iMIS origin may load it as a module');
  assert.equal(loader.headers.get('Content-Type'), 'text/javascript; charset=utf-8');
  const named = /import\('\.(\/widget\/[0-9a-f]+\/gift-entry\.js)'\)/.exec(await loader.text());
  assert.ok(named, 'the loader imports the hashed bundle, relative to itself');
  return named[1]!;
}

test('the widget is served at a path that changes with its content, cached for good; the loader naming it never is', async () => {
  const first = await loaderTarget();
  const served = await fetch(`${proxy.url}${first}`);
  assert.equal(served.status, 200);
  assert.equal(served.headers.get('Cache-Control'), 'public, max-age=31536000, immutable');
  assert.equal(served.headers.get('Access-Control-Allow-Origin'), '*');
  assert.match(await served.text(), /release one/);

  writeFileSync(bundle, 'customElements.define("gift-entry", class extends HTMLElement {}); // release two\n');
  const second = await loaderTarget();
  assert.notEqual(second, first, 'a rebuilt widget is a new URL, without restarting the proxy');
  assert.match(await (await fetch(`${proxy.url}${second}`)).text(), /release two/);
  const gone = await fetch(`${proxy.url}${first}`);
  assert.equal(gone.status, 404);
  assert.match(((await gone.json()) as { message: string }).message, /no longer served by this gift proxy: reload the page/);
});

test('every API answer names the release the proxy serves, readable by a widget on the iMIS origin', async () => {
  const path = await loaderTarget();
  const answer = await fetch(`${proxy.url}/api/lookups`, { headers: { [CALLER_KEY_HEADER]: KEY, Origin: ORIGIN } });
  assert.equal(answer.status, 200);
  assert.equal(answer.headers.get(RELEASE_HEADER), releaseOfScript(`${proxy.url}${path}`));
  assert.match(answer.headers.get('Access-Control-Expose-Headers') ?? '', new RegExp(RELEASE_HEADER));
  const refused = await fetch(`${proxy.url}/api/lookups`, { headers: { Origin: ORIGIN } });
  assert.equal(refused.status, 401);
});

test('without a built widget, the loader says what to do', async () => {
  rmSync(bundle);
  const missing = await fetch(`${proxy.url}/gift-entry.js`);
  assert.equal(missing.status, 404);
  assert.match(((await missing.json()) as { message: string }).message, /widget bundle is missing on the gift proxy: run npm run build/);
});

test('a widget whose proxy serves another release tells staff to reload; the same release, or nothing to compare, says nothing', () => {
  const answer = (release?: string) => new Headers(release ? { [RELEASE_HEADER]: release } : {});
  assert.equal(releaseNotice(answer('0123456789abcdef'), '0123456789abcdef'), undefined);
  assert.match(releaseNotice(answer('fedcba9876543210'), '0123456789abcdef') ?? '', /reload the page before recording more gifts/);
  assert.equal(releaseNotice(answer(), '0123456789abcdef'), undefined, 'an older proxy that names no release');
  assert.equal(
    releaseNotice(answer('fedcba9876543210'), undefined),
    undefined,
    'a widget not loaded from a hashed path (dev server, tests)',
  );
  assert.equal(releaseOfScript('https://gifts.example.org/widget/0123456789abcdef/gift-entry.js'), '0123456789abcdef');
  assert.equal(releaseOfScript('https://gifts.example.org/gift-entry.js'), undefined);
});
