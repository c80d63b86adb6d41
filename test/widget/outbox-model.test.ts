/**
 * Model-based: seeded sequences of what happens at a desk while the proxy comes and goes —
 * gifts typed, the proxy stopping and returning, the network event, reloads, new tabs, a second
 * tab, waiting gifts withdrawn, time passing. At the end, with the proxy back: every gift typed
 * and not withdrawn reached the proxy exactly once with what was typed, no withdrawn gift ever
 * did, nothing is left in the browser's outbox, and no row still says it is waiting.
 * A failing seed replays exactly.
 */
import { fixture } from '@open-wc/testing';
import type { GiftEntry } from '../../src/widget/gift-entry.ts';
import { pick, seededRandom } from '../seeded-random.ts';
import { withFakeProxy } from './fake-proxy.ts';
import { emptyOutbox, outboxCount } from './outbox-store.ts';
import { expect, fillValidGift, mountWidget, submit, waitUntil } from './widget-helpers.ts';

const RUNS = 16;
const FIRST_SEED = 1800;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const outboxOpen = (el: GiftEntry) => waitUntil(() => (el as unknown as { outbox?: object }).outbox, 'the outbox is open');
const statusOf = (el: Element, id: string) => el.querySelector(`tr[data-id="${id}"] .status`)?.textContent?.trim();

type Step = 'type' | 'down' | 'up' | 'online' | 'reload' | 'new tab' | 'second tab' | 'withdraw' | 'wait';
const STEPS: Step[] = ['type', 'type', 'type', 'down', 'up', 'online', 'reload', 'new tab', 'second tab', 'withdraw', 'wait'];

describe('model: gifts typed while the proxy comes and goes', () => {
  const proxy = withFakeProxy();

  it(`${RUNS} seeded desks from seed ${FIRST_SEED}`, async () => {
    for (let run = 0; run < RUNS; run++) {
      const seed = FIRST_SEED + run;
      const rng = seededRandom(seed);
      await emptyOutbox();
      proxy().posts.length = 0;
      proxy().down = false;
      const tabs: GiftEntry[] = [await mountWidget('mode=immediate')];
      await outboxOpen(tabs[0]!);
      const log: string[] = [];
      /** transactionId → the last name typed for it (unique per gift). */
      const typed = new Map<string, string>();
      const withdrawn = new Set<string>();
      let n = 0;
      try {
        const steps = 8 + Math.floor(rng() * 8);
        for (let i = 0; i < steps; i++) {
          const step = pick(rng, STEPS);
          const front = tabs[0]!;
          if ((step === 'reload' || step === 'new tab' || step === 'second tab') && proxy().down) continue; // the page comes from the proxy
          log.push(step);
          if (step === 'type') {
            const name = `Giver${seed}x${++n}`;
            const rows = front.querySelectorAll('tbody tr').length;
            await fillValidGift(front, { amount: String(10 + n), lastName: name });
            await submit(front);
            await waitUntil(() => front.querySelectorAll('tbody tr').length > rows, `the gift ${name} has its row`, { timeout: 4000 });
            const id = front.querySelector<HTMLElement>('tbody tr')!.dataset['id']!;
            typed.set(id, name);
            if (proxy().down) expect(statusOf(front, id), `${name} typed while down`).to.equal('Waiting for the gift proxy');
          } else if (step === 'down') proxy().down = true;
          else if (step === 'up') proxy().down = false;
          else if (step === 'online') window.dispatchEvent(new Event('online'));
          else if (step === 'wait') await sleep(200 + Math.floor(rng() * 1200));
          else if (step === 'withdraw') {
            const row = front.querySelector<HTMLElement>('tr.status-waiting');
            if (!row) continue;
            row.querySelector<HTMLButtonElement>('button')!.click();
            await waitUntil(
              () =>
                statusOf(front, row.dataset['id']!) !== 'Waiting for the gift proxy' ||
                /already reached/.test(front.querySelector('.notice')?.textContent ?? ''),
              'withdrawn, or it had already gone',
            );
            if (statusOf(front, row.dataset['id']!) === 'Withdrawn (not sent)') withdrawn.add(row.dataset['id']!);
          } else {
            // reload: this tab's session comes back; new tab: a fresh session; second tab: another one open beside.
            if (step !== 'second tab') for (const tab of tabs.splice(0)) tab.remove();
            if (step === 'new tab') sessionStorage.clear();
            const opened = await fixture<GiftEntry>('<gift-entry mode="immediate"></gift-entry>');
            await waitUntil(() => opened.querySelector('select[name="distribution"]:not([disabled])'), 'the form is ready');
            await outboxOpen(opened);
            if (step === 'second tab') tabs.push(opened);
            else tabs.unshift(opened);
          }
        }
        log.push('proxy back for good');
        proxy().down = false;
        window.dispatchEvent(new Event('online'));
        await waitUntil(async () => (await outboxCount()) === 0, 'the outbox empties', { timeout: 8000 });
        const posted = proxy().posts.map((gift) => gift.transactionId);
        for (const [id, name] of typed) {
          const times = posted.filter((p) => p === id).length;
          if (withdrawn.has(id)) expect(times, `${name} was withdrawn`).to.equal(0);
          else {
            expect(times, `${name} reached the proxy exactly once`).to.equal(1);
            expect(proxy().posts.find((gift) => gift.transactionId === id)!.lastName, `${id} is ${name}`).to.equal(name);
          }
        }
        expect(posted.length, 'nothing but typed gifts was sent').to.equal(posted.filter((id) => typed.has(id)).length);
        const stillWaiting = () =>
          [...tabs[0]!.querySelectorAll('tbody .status')].filter((status) => status.textContent!.trim() === 'Waiting for the gift proxy');
        await waitUntil(() => stillWaiting().length === 0, 'no row still says it is waiting', { timeout: 4000 });
      } catch (error) {
        throw new Error(`seed ${seed} failed after: ${log.join(' → ')}\n${(error as Error).message}`, { cause: error });
      } finally {
        for (const tab of tabs) tab.remove();
      }
    }
  }).timeout(300_000);
});
