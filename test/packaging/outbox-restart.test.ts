/**
 * Issue 18's promise with the real proxy and real Chromium: the proxy is stopped mid-stack, staff
 * take two more checks (the form is ready each time), close the tab; the proxy comes back on the
 * same address; a tab left open and a new tab both pick the waiting gifts up without a click, and
 * the gift service receives each gift exactly once.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startProxy, type ProxyHandle } from '../../src/proxy/server.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server.ts';
import { CHROMIUM } from '../chromium.ts';
import { FAST_ENV } from '../proxy/harness.ts';
import { buildWidgetTo } from './widget-build.ts';

const KEY = 'outbox-key-0123456789';
const dataDir = mkdtempSync(join(tmpdir(), 'gift-outbox-'));
const widgetBundle = join(dataDir, 'gift-entry.js');
let site: Server;
let origin = '';
let simulator: RunningSimulator;
let proxy: ProxyHandle | undefined;
let port = '0';
let browser: Browser;

async function startTheProxy(): Promise<ProxyHandle> {
  const started = await startProxy(
    {
      ...FAST_ENV,
      PORT: port,
      DATA_DIR: dataDir,
      GIFT_API_BASE_URL: simulator.url,
      GIFT_ENTRY_KEYS: KEY,
      ALLOWED_ORIGINS: origin,
    },
    { log: () => {}, widgetBundle },
  );
  port = new URL(started.url).port;
  return started;
}

before(async () => {
  await buildWidgetTo(widgetBundle);
  simulator = await startSimulator({ token: FAST_ENV['GIFT_API_TOKEN']! });
  site = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><head><title>Gift entry</title></head><body><main>
      <script type="module" src="http://127.0.0.1:${port}/gift-entry.js"></script>
      <gift-entry endpoint="http://127.0.0.1:${port}" key="${KEY}" mode="immediate" fund="GEN"></gift-entry>
    </main></body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  proxy = await startTheProxy();
  browser = await puppeteer.launch(CHROMIUM);
});

after(async () => {
  await browser?.close();
  await proxy?.close();
  await simulator?.close();
  await new Promise((resolve) => site?.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

async function openTab(): Promise<Page> {
  const tab = await browser.newPage();
  await tab.goto(`${origin}/`);
  await tab.waitForSelector('gift-entry select[name="distribution"]:not([disabled])', { timeout: 10_000 });
  // The outbox is a chunk loaded once the form is ready, while the proxy still answers.
  await tab.waitForFunction(() => Boolean((document.querySelector('gift-entry') as unknown as { outbox?: object }).outbox), {
    timeout: 10_000,
    polling: 100,
  });
  return tab;
}

async function typeGift(tab: Page, gift: Record<string, string>): Promise<string> {
  const rows = await tab.$$eval('gift-entry tbody tr', (trs) => trs.length);
  for (const [field, text] of Object.entries(gift)) await tab.type(`gift-entry [name="${field}"]`, text);
  await tab.keyboard.press('Enter');
  await tab
    .waitForFunction((n) => document.querySelectorAll('gift-entry tbody tr').length > n, { timeout: 10_000, polling: 100 }, rows)
    .catch(async (error: Error) =>
      assert.fail(`${error.message}; the page says: ${await tab.$eval('main', (el) => (el as HTMLElement).innerText)}`),
    );
  const id = await tab.$eval('gift-entry tbody tr', (tr) => (tr as HTMLElement).dataset['id']!);
  assert.equal(
    await tab.$eval(`gift-entry tr[data-id="${id}"] .status`, (el) => el.textContent!.trim()),
    'Waiting for the gift proxy',
    'shown as waiting, never as recorded',
  );
  assert.equal(
    await tab.$eval('gift-entry [name="amount"]', (el) => (el as HTMLInputElement).value),
    '',
    'the form is ready for the next check',
  );
  return id;
}

test('proxy stopped mid-stack, tab closed, proxy back: a tab left open and a new tab send each waiting gift once, without a click', async () => {
  const typing = await openTab();
  const bystander = await openTab(); // open through the restart: it may send the waiting gifts too
  await proxy!.close();
  proxy = undefined;
  // Background tabs get no animation frames: staff type in the tab in front.
  await typing.bringToFront();
  const ids = [
    await typeGift(typing, { amount: '25', firstName: 'Ada', lastName: 'Lovelace', emailAddress: 'ada@example.org' }),
    await typeGift(typing, { amount: '40', firstName: 'Grace', lastName: 'Hopper', emailAddress: 'grace@example.org' }),
  ];
  await typing.close();
  proxy = await startTheProxy();
  const later = await openTab();
  const deadline = Date.now() + 20_000;
  while (simulator.control.imported().length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  // Long enough for a second sender, if there were one, to have been heard.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  assert.deepEqual(
    simulator.control.imported().map((gift) => gift.transactionId),
    ids,
    'both gifts imported, once each, in the order they were typed',
  );
  assert.equal(simulator.control.received().length, 2, 'the gift service was asked exactly twice');
  await later.waitForFunction(
    (expected: string[]) =>
      expected.every((id) => document.querySelector(`gift-entry tr[data-id="${id}"] .status`)?.textContent?.trim() === 'Recorded'),
    { timeout: 10_000, polling: 100 },
    ids,
  );
  await bystander.close();
  await later.close();
});
