/**
 * README's route B, pasted as README gives it into a page on another origin: the widget comes
 * from the proxy's own script and the fallback sentence inside <gift-entry> is not shown once
 * it runs; with the proxy unreachable, that sentence is what staff see (never a blank).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { startProxy, type ProxyHandle } from '../../src/proxy/server.ts';
import { CHROMIUM } from '../chromium.ts';
import { buildWidgetTo } from './widget-build.ts';

const KEY = 'route-b-key-0123456789';
const README = readFileSync('README.md', 'utf8');
/** The HTML block that follows README's "**B. A Content Html item.**" paragraph. */
const SNIPPET = /\*\*B\. A Content Html item\.\*\*[\s\S]*?```html\n([\s\S]*?)```/.exec(README)?.[1] ?? '';
const dataDir = mkdtempSync(join(tmpdir(), 'gift-route-b-'));
const widgetBundle = join(dataDir, 'gift-entry.js');
let page: Server;
let origin = '';
let proxy: ProxyHandle;
let browser: Browser;
let snippet = '';

before(async () => {
  assert.match(SNIPPET, /<gift-entry /, 'README has route B’s snippet');
  await buildWidgetTo(widgetBundle);
  page = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><head><title>iMIS page</title></head><body><main>${snippet}</main></body></html>`);
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
  proxy = await startProxy(
    { PORT: '0', DATA_DIR: dataDir, SIMULATOR_DELAY_MS: '0', GIFT_SIMULATOR: '1', GIFT_ENTRY_KEYS: KEY, ALLOWED_ORIGINS: origin },
    { log: () => {}, widgetBundle },
  );
  browser = await puppeteer.launch(CHROMIUM);
});
after(async () => {
  await browser?.close();
  await proxy?.close();
  await new Promise((resolve) => page?.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

const visibleText = async (proxyUrl: string) => {
  snippet = SNIPPET.replaceAll('https://gifts.example.org', proxyUrl).replace('YOUR-STAFF-CALLER-KEY', KEY);
  const tab = await browser.newPage();
  await tab.goto(`${origin}/`);
  return tab;
};

test('as README pastes it, the widget loads from the proxy and the fallback sentence is not shown', async () => {
  const tab = await visibleText(proxy.url);
  await tab.waitForSelector('gift-entry select[name="distribution"]:not([disabled])', { timeout: 10_000 });
  assert.doesNotMatch(await tab.$eval('main', (el) => (el as HTMLElement).innerText), /could not be loaded/);
  await tab.close();
});

test('with the proxy unreachable, the fallback sentence says so', async () => {
  const tab = await visibleText('http://127.0.0.1:9');
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.match(
    await tab.$eval('main', (el) => (el as HTMLElement).innerText),
    /Gift entry could not be loaded from the gift proxy at http:\/\/127\.0\.0\.1:9/,
  );
  await tab.close();
});
