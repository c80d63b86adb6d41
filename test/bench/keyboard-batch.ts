/**
 * A stack of checks typed with the keyboard alone, as a gift processor would, in
 * headless Chromium on the demo page (iMIS stand-in search, the embedded simulator in
 * its realistic 2–5 s mode): 10 known donors, 3 new donors, 2 company checks, 1 soft
 * credit. Prints per gift type the keys pressed, the Tab presses, and the time from
 * the recording Enter until the form is ready for the next gift; then whether the
 * form fits 1280×800 for a known donor and whether 400 px scrolls sideways.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { demoRoutes } from '../../src/demo/routes.ts';
import { startProxy } from '../../src/proxy/server.ts';
import { CHROMIUM } from '../chromium.ts';

type Step = { type: string } | { press: 'Enter' | 'Tab' | 'ArrowDown' };
interface Gift {
  kind: 'known donor' | 'new donor' | 'company' | 'soft credit';
  steps: Step[];
}

const TYPING_DELAY_MS = 220; // about 55 words a minute

const known = (search: string, amount: string): Gift => ({
  kind: 'known donor',
  steps: [{ type: search }, { press: 'Enter' }, { type: amount }, { press: 'Enter' }],
});
const tab: Step = { press: 'Tab' };

const GIFTS: Gift[] = [
  known('Hopp', '25'),
  known('Turi', '50'),
  known('John', '100'),
  known('101', '20'),
  known('Acme', '500'),
  known('Hopp', '35'),
  known('Turi', '75.50'),
  known('John', '10'),
  known('Acme', '250'),
  known('105', '15'),
  {
    kind: 'new donor',
    steps: [tab, { type: '40' }, tab, { type: 'Mary' }, tab, { type: 'Somerville' }, tab, { type: 'mary@example.org' }, { press: 'Enter' }],
  },
  {
    kind: 'new donor',
    steps: [tab, { type: '60' }, tab, { type: 'Emmy' }, tab, { type: 'Noether' }, tab, { type: 'emmy@example.org' }, { press: 'Enter' }],
  },
  {
    kind: 'new donor',
    steps: [tab, { type: '80' }, tab, { type: 'Lise' }, tab, { type: 'Meitner' }, tab, { type: 'lise@example.org' }, { press: 'Enter' }],
  },
  {
    kind: 'company',
    steps: [tab, { type: '1,000' }, tab, tab, tab, { type: 'office@initech.example' }, tab, { type: 'Initech' }, { press: 'Enter' }],
  },
  {
    kind: 'company',
    steps: [tab, { type: '2,500' }, tab, tab, tab, { type: 'giving@globex.example' }, tab, { type: 'Globex' }, { press: 'Enter' }],
  },
  {
    kind: 'soft credit',
    steps: [
      { type: 'Hopp' },
      { press: 'Enter' },
      { type: '45' },
      tab,
      tab,
      tab,
      tab,
      tab,
      { type: 'Turi' },
      { press: 'Enter' },
      { press: 'Enter' },
    ],
  },
];

/** The batch's first gift also chooses the fund (carried over afterwards): Tab to it, ArrowDown. */
const FIRST_GIFT_FUND: Step[] = [{ type: 'Hopper' }, { press: 'Enter' }, { type: '30' }, tab, { press: 'ArrowDown' }, { press: 'Enter' }];

async function ready(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const el = document.querySelector('gift-entry')!;
      const search = el.querySelector('gift-contact-picker[data-field="imisId"] input');
      return el.querySelectorAll('.batch-table tbody tr').length === n && document.activeElement === search;
    },
    { timeout: 10_000, polling: 10 },
    count,
  );
}

async function perform(page: Page, steps: Step[], recordAt: (ms: number) => void): Promise<{ keys: number; tabs: number }> {
  let keys = 0;
  let tabs = 0;
  for (const [index, step] of steps.entries()) {
    if ('type' in step) {
      keys += step.type.length;
      await page.keyboard.type(step.type, { delay: TYPING_DELAY_MS });
    } else {
      keys += 1;
      if (step.press === 'Tab') tabs += 1;
      if (index === steps.length - 1) recordAt(performance.now());
      await page.keyboard.press(step.press);
      await new Promise((resolve) => setTimeout(resolve, TYPING_DELAY_MS));
    }
  }
  return { keys, tabs };
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gift-bench-keys-'));
  const proxy = await startProxy(
    { PORT: '0', DATA_DIR: dataDir, SIMULATOR_DELAY_MS: 'realistic' },
    { log: () => {}, demo: async () => demoRoutes() },
  );
  const browser = await puppeteer.launch(CHROMIUM);
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(`${proxy.url}/`);
    await page.waitForFunction(() => document.querySelector('gift-entry select[name="distribution"]:not([disabled])'), { timeout: 10_000 });
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await page.waitForFunction(() => document.activeElement?.matches('gift-contact-picker input'), { timeout: 10_000 });

    const rows: Array<{ kind: string; keys: number; tabs: number; readyMs: number }> = [];
    const all: Array<Gift | { kind: 'first gift (chooses the fund)'; steps: Step[] }> = [
      { kind: 'first gift (chooses the fund)', steps: FIRST_GIFT_FUND },
      ...GIFTS,
    ];
    let fits = false;
    for (const [index, gift] of all.entries()) {
      let pressedAt = 0;
      if (gift.kind === 'known donor' && !fits) {
        const found = await perform(page, gift.steps.slice(0, 2), () => {});
        await page.waitForFunction(() => document.querySelector('gift-entry .contact-card'), { timeout: 5000 });
        fits = await page.evaluate(
          () =>
            document.querySelector('gift-entry button[type="submit"]')!.getBoundingClientRect().bottom <= window.innerHeight &&
            window.scrollY === 0,
        );
        const rest = await perform(page, gift.steps.slice(2), (at) => (pressedAt = at));
        await ready(page, index + 1);
        rows.push({
          kind: gift.kind,
          keys: found.keys + rest.keys,
          tabs: found.tabs + rest.tabs,
          readyMs: performance.now() - pressedAt - TYPING_DELAY_MS,
        });
        continue;
      }
      const { keys, tabs } = await perform(page, gift.steps, (at) => (pressedAt = at));
      await ready(page, index + 1).catch(async (error: unknown) => {
        const state = await page.evaluate(() => ({
          focus: document.activeElement?.outerHTML.slice(0, 200),
          notice: document.querySelector('gift-entry .notice, gift-entry .error-summary')?.textContent,
        }));
        throw new Error(`gift ${index + 1} (${gift.kind}) was not recorded: ${JSON.stringify(state)}`, { cause: error });
      });
      rows.push({ kind: gift.kind, keys, tabs, readyMs: performance.now() - pressedAt - TYPING_DELAY_MS });
    }

    const kinds = [...new Set(rows.map((r) => r.kind))];
    console.log(
      'keyboard-only batch on the demo page (simulator 2–5 s per gift; "ready" = Enter → form cleared, focus in the donor search):',
    );
    for (const kind of kinds) {
      const of = rows.filter((r) => r.kind === kind);
      const max = (pick: (r: (typeof of)[number]) => number) => Math.max(...of.map(pick));
      const mean = (pick: (r: (typeof of)[number]) => number) => of.reduce((s, r) => s + pick(r), 0) / of.length;
      console.log(
        `  ${kind.padEnd(30)} ×${String(of.length).padStart(2)}: keys ≤ ${max((r) => r.keys)} (mean ${mean((r) => r.keys).toFixed(1)}), Tab ≤ ${max((r) => r.tabs)}, ready after Enter ≤ ${max((r) => Math.max(0, r.readyMs)).toFixed(0)} ms (mean ${mean((r) => Math.max(0, r.readyMs)).toFixed(0)} ms), waiting on the upstream: 0 s`,
      );
    }
    const started = performance.now();
    await page.waitForFunction(
      (n) => [...document.querySelectorAll('gift-entry .batch-table .status')].filter((s) => s.textContent === 'Recorded').length === n,
      { timeout: 180_000, polling: 500 },
      rows.length,
    );
    console.log(
      `  all ${rows.length} gifts recorded by the simulator ${((performance.now() - started) / 1000).toFixed(0)} s after the last Enter, while nobody waited`,
    );
    console.log(`  known donor: whole form and Record button within 1280×800 without scrolling: ${fits ? 'yes' : 'NO'}`);
    await page.setViewport({ width: 400, height: 800 });
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    console.log(`  400 px wide: scrolls sideways: ${sideways ? 'YES' : 'no'}`);
  } finally {
    await browser.close();
    await proxy.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
