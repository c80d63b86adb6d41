/**
 * A stack of checks typed with the keyboard alone, as a gift processor would, in
 * headless Chromium on the demo page (iMIS stand-in search, the embedded simulator in
 * its realistic 2–5 s mode), then checked against what the gift service received.
 *
 * Part 1, a batch kept for review (the default): the batch is started with its fund
 * and the stack's count and total; 12 checks — known donors, a gift with its own
 * campaign, a soft credit, two contacts both called Sam Smith, new donors, a company —
 * are entered; the batch is posted. Part 2, immediate mode: a gift for an unmapped
 * campaign with no fund is refused by the gift service while the next gift is being
 * typed; it is corrected with "Correct it now", the half-typed gift comes back and is
 * recorded, and one more gift follows. Every field the upstream received is compared
 * with what the paper said. Prints, per gift type, keys, Tab presses, the time from the
 * recording Enter until the form is ready, and field mismatches.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { demoRoutes } from '../../src/demo/routes.ts';
import { startProxy } from '../../src/proxy/server.ts';
import type { GiftRecord } from '../../src/contract/proxy-api.ts';
import { CHROMIUM } from '../chromium.ts';

type Key = 'Enter' | 'Tab' | 'ArrowDown' | 'Home' | 'PageDown';
type Step = { type: string } | { press: Key } | { alt: 'KeyD' | 'KeyS' | 'KeyN' | 'KeyB' } | { shiftTab: true } | { look: 'results' };
/** A person looks at the list before choosing among namesakes: no key, just the wait. */
const look: Step = { look: 'results' };

/** What the paper says: the fields the upstream must receive (absent = blank). */
type Paper = Partial<
  Record<'imisId' | 'amount' | 'firstName' | 'lastName' | 'company' | 'distribution' | 'campaignCode' | 'softCreditId', string | number>
>;

interface Check {
  kind: string;
  steps: Step[];
  paper: Paper;
}

const TYPING_DELAY_MS = 220; // about 55 words a minute
const tab: Step = { press: 'Tab' };
const enter: Step = { press: 'Enter' };

const known = (search: string, id: string, amount: string): Check => ({
  kind: 'known donor',
  steps: [{ type: search }, enter, { type: amount }, enter],
  paper: { imisId: id, amount: Number(amount), distribution: 'GEN' },
});

const REVIEW_STACK: Check[] = [
  known('Hopp', '103', '25'),
  known('Turi', '104', '50'),
  known('John', '105', '100'),
  known('101', '101', '20'),
  known('Acme', '200', '500'),
  {
    // The fund stays the batch's; this one gift names a campaign (Tab, Tab to it, type its code).
    kind: 'own campaign (one gift)',
    steps: [{ type: 'Hopp' }, enter, { type: '35' }, tab, tab, { type: 'GALA' }, enter],
    paper: { imisId: '103', amount: 35, distribution: 'GEN', campaignCode: 'GALA' },
  },
  {
    kind: 'soft credit',
    steps: [{ type: 'Turi' }, enter, { type: '45' }, { alt: 'KeyS' }, { type: 'Hopp' }, enter, enter],
    paper: { imisId: '104', amount: 45, distribution: 'GEN', softCreditId: '103' },
  },
  {
    kind: 'same name (first match)',
    steps: [{ type: 'Smith' }, look, enter, { type: '15' }, enter],
    paper: { imisId: '300', amount: 15, distribution: 'GEN' },
  },
  {
    kind: 'same name (11th match)',
    steps: [{ type: 'Smith' }, look, { press: 'PageDown' }, { press: 'PageDown' }, enter, { type: '16' }, enter],
    paper: { imisId: '310', amount: 16, distribution: 'GEN' },
  },
  {
    kind: 'new donor',
    steps: [tab, { type: '40' }, tab, { type: 'Mary' }, tab, { type: 'Somerville' }, tab, { type: 'mary@example.org' }, enter],
    paper: { amount: 40, firstName: 'Mary', lastName: 'Somerville', distribution: 'GEN' },
  },
  {
    kind: 'new donor',
    steps: [tab, { type: '60' }, tab, { type: 'Emmy' }, tab, { type: 'Noether' }, tab, { type: 'emmy@example.org' }, enter],
    paper: { amount: 60, firstName: 'Emmy', lastName: 'Noether', distribution: 'GEN' },
  },
  {
    kind: 'company',
    steps: [tab, { type: '1,000' }, tab, tab, tab, { type: 'office@initech.example' }, tab, { type: 'Initech' }, enter],
    paper: { amount: 1000, company: 'Initech', distribution: 'GEN' },
  },
];
const EXPECTED_TOTAL = REVIEW_STACK.reduce((sum, check) => sum + Number(check.paper.amount), 0);

async function pressAlt(page: Page, code: string): Promise<void> {
  await page.keyboard.down('Alt');
  await page.keyboard.press(code as 'KeyD');
  await page.keyboard.up('Alt');
}

interface Tally {
  keys: number;
  tabs: number;
}

async function perform(page: Page, steps: Step[], onLast: (ms: number) => void = () => {}): Promise<Tally> {
  const tally = { keys: 0, tabs: 0 };
  for (const [index, step] of steps.entries()) {
    if (index === steps.length - 1) onLast(performance.now());
    if ('look' in step) {
      await page.waitForFunction(() => document.querySelector('gift-entry gift-contact-picker [role="option"]'), { timeout: 5000 });
      continue;
    }
    if ('type' in step) {
      tally.keys += step.type.length;
      await page.keyboard.type(step.type, { delay: TYPING_DELAY_MS });
      continue;
    }
    tally.keys += 1;
    if ('alt' in step) await pressAlt(page, step.alt);
    else if ('shiftTab' in step) {
      tally.tabs += 1;
      await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
    } else {
      if (step.press === 'Tab') tally.tabs += 1;
      await page.keyboard.press(step.press);
    }
    if (index === steps.length - 1) break;
    // A search answers after its debounce: a person waits for the list before choosing from it.
    await new Promise((resolve) => setTimeout(resolve, 'press' in step && step.press !== 'Tab' ? 600 : TYPING_DELAY_MS));
  }
  return tally;
}

/** The form is ready for the next check: the rows grew and focus is back in the donor search. */
async function ready(page: Page, rows: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const el = document.querySelector('gift-entry')!;
      return (
        el.querySelectorAll('.batch-table tbody tr').length === n &&
        document.activeElement?.matches('gift-contact-picker[data-field="imisId"] input')
      );
    },
    { timeout: 15_000, polling: 10 },
    rows,
  );
}

async function state(page: Page): Promise<string> {
  return page.evaluate(() =>
    JSON.stringify({
      focus: document.activeElement?.outerHTML.slice(0, 160),
      notice: document.querySelector('gift-entry .notice, gift-entry .error-summary')?.textContent?.replace(/\s+/g, ' '),
    }),
  );
}

/** Field by field, what the upstream received against the paper. */
function mismatches(paper: Paper, sent: Record<string, string | number> | undefined): string[] {
  if (!sent) return ['not sent'];
  const fields = [
    'imisId',
    'amount',
    'firstName',
    'lastName',
    'company',
    'distribution',
    'campaignCode',
    'appealCode',
    'softCreditId',
  ] as const;
  return fields
    .filter((field) => String(sent[field] ?? '') !== String((paper as Record<string, unknown>)[field] ?? ''))
    .map((field) => `${field}: sent "${sent[field] ?? ''}", paper "${(paper as Record<string, unknown>)[field] ?? ''}"`);
}

async function journal(baseUrl: string): Promise<GiftRecord[]> {
  const answer = await fetch(`${baseUrl}/api/gifts?since=1970-01-01&limit=5000`);
  return ((await answer.json()) as { gifts: GiftRecord[] }).gifts;
}

/** The journal once every one of these gifts is accepted (or after three minutes, as it then stands). */
async function waitUntilAccepted(baseUrl: string, ids: readonly string[]): Promise<GiftRecord[]> {
  const started = performance.now();
  let gifts: GiftRecord[] = [];
  while (performance.now() - started < 180_000) {
    gifts = await journal(baseUrl);
    if (ids.every((id) => gifts.find((g) => g.transactionId === id)?.status === 'accepted')) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return gifts;
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gift-bench-keys-'));
  const proxy = await startProxy(
    { PORT: '0', DATA_DIR: dataDir, SIMULATOR_DELAY_MS: 'realistic' },
    { log: () => {}, demo: async () => demoRoutes() },
  );
  const browser = await puppeteer.launch(CHROMIUM);
  const results: Array<{ kind: string; keys: number; tabs: number; readyMs: number; id: string; paper: Paper }> = [];
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(`${proxy.url}/`);
    await page.waitForFunction(() => document.querySelector('gift-entry select[name="batch-distribution"]:not([disabled])'), {
      timeout: 10_000,
    });
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await page.waitForFunction(() => document.activeElement?.matches('select[name="batch-distribution"]:not([disabled])'), {
      timeout: 10_000,
    });

    // Part 1: start the batch — fund by typing its title, Tab past campaign, appeal and date, then the stack's figures.
    const start = await perform(page, [
      { type: 'General' },
      tab,
      tab,
      tab,
      tab,
      { type: String(REVIEW_STACK.length) },
      tab,
      { type: String(EXPECTED_TOTAL) },
      enter,
    ]);
    await page.waitForFunction(() => document.activeElement?.matches('gift-contact-picker[data-field="imisId"] input'), {
      timeout: 10_000,
    });
    console.log(
      `review mode: batch started in ${start.keys} keys (${start.tabs} Tabs): General Fund, ${REVIEW_STACK.length} gifts, $${EXPECTED_TOTAL} expected`,
    );

    let fits = false;
    for (const [index, check] of REVIEW_STACK.entries()) {
      const id = await page.evaluate(
        () => (document.querySelector('gift-entry') as unknown as { form: { transactionId: string } }).form.transactionId,
      );
      if (index === 0) {
        // A known donor's whole form, Record included, within 1280×800 once the donor is picked.
        const found = await perform(page, check.steps.slice(0, 2));
        await page.waitForFunction(() => document.querySelector('gift-entry .contact-card'), { timeout: 5000 });
        fits = await page.evaluate(
          () =>
            document.querySelector('gift-entry form.gift-form button[type="submit"]')!.getBoundingClientRect().bottom <= window.innerHeight,
        );
        let pressedAt = 0;
        const rest = await perform(page, check.steps.slice(2), (at) => (pressedAt = at));
        await ready(page, 1);
        results.push({
          kind: check.kind,
          keys: found.keys + rest.keys,
          tabs: found.tabs + rest.tabs,
          readyMs: performance.now() - pressedAt,
          id,
          paper: check.paper,
        });
        continue;
      }
      let pressedAt = 0;
      const tally = await perform(page, check.steps, (at) => (pressedAt = at));
      await ready(page, index + 1).catch(async (error: unknown) => {
        throw new Error(`check ${index + 1} (${check.kind}) was not kept: ${await state(page)}`, { cause: error });
      });
      results.push({ kind: check.kind, ...tally, readyMs: performance.now() - pressedAt, id, paper: check.paper });
    }
    const sentBeforePost = (await journal(proxy.url)).length;
    const matched = await page.evaluate(() => document.querySelector('gift-entry .batch-difference')?.textContent?.trim());
    // Post: Alt+B to the figures, Tab, Tab to the post button, Enter.
    const post = await perform(page, [{ alt: 'KeyB' }, tab, tab, enter]);
    await page
      .waitForFunction(() => document.querySelector('gift-entry .batch-line')?.textContent?.includes('(posted)'), { timeout: 10_000 })
      .catch(async (error: unknown) => {
        throw new Error(`the batch was not posted: ${await state(page)}`, { cause: error });
      });
    console.log(`  before posting: ${sentBeforePost} gifts sent to the queue; the batch said "${matched}"; posted in ${post.keys} keys`);

    const drainStarted = performance.now();
    await waitUntilAccepted(
      proxy.url,
      results.map((r) => r.id),
    );
    console.log(
      `  the posted batch was recorded by the simulator ${((performance.now() - drainStarted) / 1000).toFixed(0)} s after posting, one gift at a time`,
    );

    // Part 2: immediate mode, a refusal corrected while the next gift is typed.
    await page.evaluate(() => {
      sessionStorage.clear();
      const el = document.querySelector('gift-entry')!;
      el.remove();
      const fresh = document.createElement('gift-entry');
      fresh.setAttribute('mode', 'immediate');
      fresh.setAttribute('fund', 'GEN');
      fresh.setAttribute('autofocus', '');
      document.querySelector('.PanelBody, main, body')!.append(fresh);
    });
    await page.waitForFunction(() => document.activeElement?.matches('gift-contact-picker[data-field="imisId"] input'), {
      timeout: 10_000,
    });
    const idNow = () =>
      page.evaluate(() => (document.querySelector('gift-entry') as unknown as { form: { transactionId: string } }).form.transactionId);
    // Alan Turing, $200 for campaign ACTS, which has no fund mapping: the fund is set to (none) for this gift (Home in the select).
    const refusedId = await idNow();
    let pressedAt = 0;
    const refused = await perform(
      page,
      [{ type: 'Turi' }, enter, { type: '200' }, tab, { press: 'Home' }, tab, { type: 'ACTS' }, enter],
      (at) => (pressedAt = at),
    );
    await ready(page, 1);
    results.push({
      kind: 'refused, then corrected',
      ...refused,
      readyMs: performance.now() - pressedAt,
      id: refusedId,
      paper: { imisId: '104', amount: 200, distribution: 'GEN', campaignCode: 'ACTS' },
    });
    // The next check is half typed when the refusal arrives.
    const nextId = await idNow();
    const half = await perform(page, [{ type: 'Hopp' }, enter, { type: '30' }]);
    await page.waitForFunction(() => document.querySelector('gift-entry .notice [data-action="correct"]'), {
      timeout: 60_000,
      polling: 20,
    });
    const seenAt = Date.now();
    const refusal = (await journal(proxy.url)).find((g) => g.transactionId === refusedId);
    const verdictLatencyMs = seenAt - Date.parse(refusal?.updatedAt ?? '');
    // Back to "Correct it now" (above the form), correct the fund from the error summary's link, record.
    const back: Step[] = [];
    for (let i = 0; i < 40; i++) {
      if (await page.evaluate(() => document.activeElement?.matches('gift-entry .notice [data-action="correct"]'))) break;
      back.push({ shiftTab: true });
      await perform(page, [{ shiftTab: true }]);
    }
    const fix = await perform(page, [enter, tab, enter, { type: 'General' }, enter]);
    await page
      .waitForFunction(() => document.querySelector<HTMLInputElement>('gift-entry input[name="amount"]')?.value === '30.00', {
        timeout: 10_000,
      })
      .catch(async (error: unknown) => {
        throw new Error(`the half-typed gift did not come back: ${await state(page)}`, { cause: error });
      });
    const resumed = await perform(page, [{ press: 'Tab' }, { shiftTab: true }, enter]);
    await ready(page, 2).catch(async (error: unknown) => {
      throw new Error(`the resumed gift was not recorded: ${await state(page)}`, { cause: error });
    });
    results.push({
      kind: 'typed while a refusal came',
      keys: half.keys + resumed.keys,
      tabs: half.tabs + resumed.tabs,
      readyMs: 0,
      id: nextId,
      paper: { imisId: '103', amount: 30, distribution: 'GEN' },
    });
    const lastId = await idNow();
    const last = await perform(page, [{ type: 'John' }, enter, { type: '70' }, enter], (at) => (pressedAt = at));
    await ready(page, 3);
    results.push({
      kind: 'known donor after the refusal',
      ...last,
      readyMs: performance.now() - pressedAt,
      id: lastId,
      paper: { imisId: '105', amount: 70, distribution: 'GEN' },
    });
    console.log(
      `immediate mode: the refusal was on screen ${verdictLatencyMs} ms after the proxy wrote it (target < 1000), while the next check was half typed; "Correct it now" ${back.length} Shift+Tabs away, corrected in ${fix.keys} keys; the half-typed check came back`,
    );

    // Every field the upstream received, against the paper.
    const gifts = await waitUntilAccepted(
      proxy.url,
      results.map((r) => r.id),
    );
    const byId = new Map(gifts.map((g) => [g.transactionId, g]));
    const kinds = [...new Set(results.map((r) => r.kind))];
    console.log('per gift type (typed at ~55 wpm; "ready" = Enter → form cleared, focus in the donor search):');
    let totalMismatches = 0;
    for (const kind of kinds) {
      const of = results.filter((r) => r.kind === kind);
      const bad = of.flatMap((r) => mismatches(r.paper, byId.get(r.id)?.gift).map((m) => `${r.id} ${m}`));
      const unaccepted = of.filter((r) => byId.get(r.id)?.status !== 'accepted').length;
      totalMismatches += bad.length;
      const max = (pick: (r: (typeof of)[number]) => number) => Math.max(...of.map(pick));
      console.log(
        `  ${kind.padEnd(30)} ×${String(of.length).padStart(2)}: keys ≤ ${max((r) => r.keys)}, Tab ≤ ${max((r) => r.tabs)}, ready ≤ ${max((r) => Math.max(0, r.readyMs)).toFixed(0)} ms, field mismatches ${bad.length}${unaccepted ? `, NOT recorded: ${unaccepted}` : ''}${bad.length ? `\n      ${bad.join('\n      ')}` : ''}`,
      );
    }
    console.log(`  all ${results.length} gifts: ${totalMismatches} field mismatches between the paper and what the upstream received`);
    console.log(`  known donor: whole form and Record button within 1280×800: ${fits ? 'yes' : 'NO'}`);
    for (const width of [400, 320]) {
      await page.setViewport({ width, height: 800 });
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      console.log(`  ${width} px wide: scrolls sideways: ${sideways ? 'YES' : 'no'}`);
    }
  } finally {
    await browser.close();
    await proxy.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
