/**
 * Time from script load to an interactive form in headless Chromium: a page
 * with only the bundle and the element, lookups answered instantly, measured
 * from navigation start until the amount field exists and the fund picker is
 * enabled (lookups loaded). Median of several cold runs.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { WIDGET_BUNDLE } from '../../src/proxy/routes/static-files.ts';
import { percentile } from './stats.ts';
import { CHROMIUM } from '../chromium.ts';

const RUNS = 7;
const LOOKUPS = JSON.stringify({
  distributions: Array.from({ length: 40 }, (_, i) => ({ Title: `Fund ${i}`, Code: `F${i}`, AppealCode: '', CampaignCode: '' })),
  appeals: Array.from({ length: 40 }, (_, i) => ({ Code: `A${i}`, Description: `A${i} - Appeal ${i}` })),
  campaigns: Array.from({ length: 40 }, (_, i) => ({ Code: `C${i}`, Description: `C${i} - Campaign ${i}` })),
  transactionIdPrefix: '',
  fetchedAt: new Date().toISOString(),
});
const PAGE =
  '<!doctype html><html lang="en"><head><title>startup</title><script type="module" src="/gift-entry.js"></script></head><body><gift-entry></gift-entry></body></html>';

export async function run(): Promise<{ medianMs: number; minMs: number; maxMs: number }> {
  const bundle = readFileSync(WIDGET_BUNDLE);
  const server = createServer((request, response) => {
    if (request.url === '/gift-entry.js') response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle);
    else if (request.url === '/api/lookups') response.writeHead(200, { 'Content-Type': 'application/json' }).end(LOOKUPS);
    else response.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'no-store' }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await puppeteer.launch(CHROMIUM);
  try {
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setCacheEnabled(false);
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForFunction(() => document.querySelector('gift-entry select[name="distribution"]:not([disabled])') !== null, {
        timeout: 10_000,
      });
      samples.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    const result = { medianMs: percentile(samples, 50), minMs: Math.min(...samples), maxMs: Math.max(...samples) };
    console.log(
      `widget startup (navigation start → form interactive with lookups, ${RUNS} cold runs): median ${result.medianMs.toFixed(0)} ms, min ${result.minMs.toFixed(0)} ms, max ${result.maxMs.toFixed(0)} ms`,
    );
    return result;
  } finally {
    await browser.close();
    server.close();
  }
}
