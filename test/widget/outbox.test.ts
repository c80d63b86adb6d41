/**
 * Entry never stops when the proxy is unreachable: a gift that could not be handed over waits in
 * the browser (IndexedDB), the form is ready for the next check at once, and waiting gifts go by
 * themselves — each once — when the proxy answers again, in this tab or a later one.
 */
import { withFakeProxy } from './fake-proxy.ts';
import { deleteFromOutbox, emptyOutbox, outboxContents } from './outbox-store.ts';
import { fixture } from '@open-wc/testing';
import type { GiftEntry } from '../../src/widget/gift-entry.ts';
import { control, expect, expectNoAxeViolations, fill, fillValidGift, mountWidget, submit, waitUntil } from './widget-helpers.ts';

/** What the outbox holds, read the way another tab would. */
const rowStatus = (el: Element, transactionId: string) => el.querySelector(`tr[data-id="${transactionId}"] .status`)?.textContent?.trim();

/** The outbox chunk is loaded once the form is ready; a gift typed before that would not wait. */
const outboxReady = (el: GiftEntry) => waitUntil(() => (el as unknown as { outbox?: object }).outbox, 'the outbox is open');

async function typeWhileDown(el: GiftEntry, gifts: Array<Record<string, string>>): Promise<string[]> {
  const ids: string[] = [];
  for (const gift of gifts) {
    await fillValidGift(el, gift);
    await submit(el);
    // The newest row is on top: the stack in the order it was entered, newest first.
    await waitUntil(() => el.querySelectorAll('tbody tr').length > ids.length, 'the gift has its row');
    const id = el.querySelector<HTMLElement>('tbody tr')!.dataset['id']!;
    expect(rowStatus(el, id)).to.equal('Waiting for the gift proxy');
    ids.push(id);
  }
  return ids;
}

describe('gifts wait in the browser while the proxy is unreachable', () => {
  const proxy = withFakeProxy();
  beforeEach(emptyOutbox);

  it('the form is ready for the next gift at once, the gift is shown and counted as waiting, and it goes by itself once the proxy answers', async () => {
    const el = await mountWidget('mode=immediate');
    await outboxReady(el);
    proxy().down = true;
    const [first] = await typeWhileDown(el, [{ amount: '25', lastName: 'Lovelace' }]);
    const notice = el.querySelector('.notice')!.textContent!;
    expect(notice).to.contain('waits in this browser').and.contain('Go on with the next gift');
    expect(control(el, 'amount').value, 'the form is free for the next check').to.equal('');
    await waitUntil(() => document.activeElement === control(el, 'imisId'), 'focus back where a gift starts');
    expect(el.querySelector('.batch-totals')!.textContent).to.contain('1 gift waiting for the gift proxy');
    expect(rowStatus(el, first!), 'never "Recorded" before the proxy has it').to.equal('Waiting for the gift proxy');
    expect((await outboxContents()).map((gift) => gift.entry.transactionId)).to.deep.equal([first]);
    await expectNoAxeViolations(el);

    proxy().down = false;
    await waitUntil(() => rowStatus(el, first!) !== 'Waiting for the gift proxy', 'sent by itself, without a click', { timeout: 5000 });
    expect(proxy().posts.map((gift) => gift.transactionId)).to.deep.equal([first]);
    expect(proxy().posts[0]!.lastName).to.equal('Lovelace');
    expect(await outboxContents(), 'removed once the proxy has it').to.deep.equal([]);
  });

  it('gifts typed while the proxy was down, tab closed, proxy back, a new tab: each gift is accepted once, in order, without a click', async () => {
    const first = await mountWidget('mode=immediate');
    await outboxReady(first);
    proxy().down = true;
    const ids = await typeWhileDown(first, [
      { amount: '25', lastName: 'Lovelace' },
      { amount: '40', firstName: 'Grace', lastName: 'Hopper', emailAddress: 'grace@example.org' },
    ]);
    first.remove(); // the tab is closed
    proxy().down = false;
    const later = await mountWidget('mode=immediate'); // a new tab: its own sessionStorage, the site's IndexedDB
    await waitUntil(() => proxy().posts.length === 2, 'both waiting gifts sent', { timeout: 5000 });
    expect(proxy().posts.map((gift) => gift.transactionId)).to.deep.equal(ids);
    for (const id of ids) await waitUntil(() => rowStatus(later, id) === 'Recorded', `${id} shown recorded in the new tab`);
    expect(await outboxContents()).to.deep.equal([]);
  });

  it('two tabs open when the proxy comes back send each waiting gift once', async () => {
    const a = await mountWidget('mode=immediate');
    await outboxReady(a);
    proxy().down = true;
    const ids = await typeWhileDown(a, [
      { amount: '25', lastName: 'Lovelace' },
      { amount: '40', firstName: 'Grace', lastName: 'Hopper', emailAddress: 'grace@example.org' },
    ]);
    const b = await mountWidget('mode=immediate');
    await outboxReady(b);
    proxy().down = false;
    // Both tabs hear the network come back at the same moment.
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => proxy().posts.length >= 2, 'sent', { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(proxy().posts.map((gift) => gift.transactionId)).to.deep.equal(ids);
    for (const id of ids) await waitUntil(() => rowStatus(a, id) === 'Recorded', `the typing tab shows ${id} recorded too`);
  });

  it('a gift refused when it finally arrives is listed under Needs correcting', async () => {
    const el = await mountWidget('mode=immediate');
    await outboxReady(el);
    proxy().down = true;
    const [id] = await typeWhileDown(el, [{ amount: '25' }]);
    proxy().next.push({ error: 400, message: 'Amount must be at most 99,999.99.', field: 'amount' });
    proxy().down = false;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => el.querySelector('.needs-correcting'), 'listed as needing correction', { timeout: 5000 });
    expect(el.querySelector('.needs-correcting')!.textContent).to.contain('at most 99,999.99');
    expect(rowStatus(el, id!)).to.equal('Needs correcting');
    expect(await outboxContents()).to.deep.equal([]);
    await expectNoAxeViolations(el);
  });

  it('a waiting gift can be withdrawn deliberately: it is never sent and no longer counted', async () => {
    const el = await mountWidget('mode=immediate');
    await outboxReady(el);
    proxy().down = true;
    const [kept, dropped] = await typeWhileDown(el, [
      { amount: '25', lastName: 'Lovelace' },
      { amount: '40', firstName: 'Grace', lastName: 'Hopper', emailAddress: 'grace@example.org' },
    ]);
    el.querySelector<HTMLButtonElement>(`tr[data-id="${dropped}"] button`)!.click();
    await waitUntil(() => rowStatus(el, dropped!) === 'Withdrawn (not sent)');
    expect(el.querySelector('.batch-totals')!.textContent).to.contain('1 gift waiting');
    proxy().down = false;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => rowStatus(el, kept!) === 'Recorded', 'the other one goes', { timeout: 5000 });
    expect(proxy().posts.map((gift) => gift.transactionId)).to.deep.equal([kept]);
  });

  it('review mode: a gift added while the proxy is down reaches the open batch by itself, and the batch is not done until it has', async () => {
    const el = await mountWidget('mode=review fund=GEN');
    await outboxReady(el);
    await waitUntil(() => el.querySelector('form.batch-setup button[type="submit"]'), 'the batch form');
    await fill(el, 'batch-count', '1');
    el.querySelector<HTMLButtonElement>('form.batch-setup button[type="submit"]')!.click();
    await waitUntil(() => el.querySelector('.batch-line'), 'the batch started');
    proxy().down = true;
    const [id] = await typeWhileDown(el, [{ amount: '25' }]);
    expect(el.querySelector('.batch-difference')!.textContent, 'count agrees, but not done').to.contain(
      '1 gift waiting for the gift proxy',
    );
    proxy().down = false;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => rowStatus(el, id!) === 'In the batch (not sent yet)', 'kept at the proxy now', { timeout: 5000 });
    const batch = [...proxy().batches.values()][0]!;
    expect(batch.gifts.map((gift) => gift.transactionId)).to.deep.equal([id]);
    expect(el.querySelector('.batch-difference')!.textContent).to.contain('Matches');
  });

  it('a row left "waiting" in a closed tab whose gift another tab sent, or that no longer exists, takes the truth when the tab comes back', async () => {
    const el = await mountWidget('mode=immediate');
    await outboxReady(el);
    proxy().down = true;
    const [sent, vanished] = await typeWhileDown(el, [
      { amount: '25', lastName: 'Lovelace' },
      { amount: '40', firstName: 'Grace', lastName: 'Hopper', emailAddress: 'grace@example.org' },
    ]);
    el.remove(); // the tab is closed with both rows "waiting" in its session
    proxy().down = false;
    // Meanwhile another tab sent the first, and the second was withdrawn there.
    const stored = await outboxContents();
    const first = stored.find((gift) => gift.entry.transactionId === sent);
    const second = stored.find((gift) => gift.entry.transactionId === vanished);
    await fetch('/api/gifts', { method: 'POST', body: JSON.stringify(first!.submission), headers: { 'Content-Type': 'application/json' } });
    await deleteFromOutbox(first!.key);
    await deleteFromOutbox(second!.key);
    const back = await fixture<GiftEntry>('<gift-entry mode="immediate"></gift-entry>'); // the same tab's session, restored
    await waitUntil(() => rowStatus(back, sent!) === 'Recorded', 'the gift another tab sent shows its status', { timeout: 5000 });
    await waitUntil(() => rowStatus(back, vanished!) === 'Needs correcting', 'never left waiting for ever');
    expect(back.querySelector('.needs-correcting')!.textContent).to.contain('no longer waits in this browser');
    expect(proxy().posts.map((gift) => gift.transactionId)).to.deep.equal([sent]);
  });
});
