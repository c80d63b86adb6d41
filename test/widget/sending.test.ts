import { withFakeProxy } from './fake-proxy.ts';
import { CALLER_KEY_HEADER } from '../../src/contract/proxy-routes.ts';
import { TRANSACTION_ID_PATTERN } from '../../src/contract/transaction-id.ts';
import type { GiftEventDetail } from '../../src/widget/gift-entry.ts';
import { control, errorFor, expect, expectNoAxeViolations, fill, fillValidGift, mountWidget, submit, waitUntil } from './widget-helpers.ts';

describe('sending a gift and knowing what happened to it', () => {
  const proxy = withFakeProxy();

  it('an accepted gift shows a receipt, fires gift-accepted, clears the form but carries fund and date, and refocuses the amount', async () => {
    const el = await mountWidget('key=page-key-123');
    const events: GiftEventDetail[] = [];
    el.addEventListener('gift-accepted', (e) => events.push(e.detail));
    await fillValidGift(el, { amount: '1,234.50' });
    await submit(el);
    await waitUntil(() => el.querySelector('.AsiSuccess.notice'));
    const sent = proxy().posts[0]!;
    expect(sent.amount).to.equal(1234.5);
    expect(sent.transactionId).to.match(TRANSACTION_ID_PATTERN);
    expect(sent).to.not.have.property('financialAccountId');
    expect(proxy().headers.at(-1)!.get(CALLER_KEY_HEADER)).to.equal('page-key-123');
    const receipt = el.querySelector('.AsiSuccess.notice')!.textContent!;
    expect(receipt).to.contain('$1,234.50').and.contain('Ada Lovelace').and.contain('General Fund').and.contain(sent.transactionId);
    expect(events).to.deep.equal([{ transactionId: sent.transactionId, amount: 1234.5, donor: 'Ada Lovelace' }]);
    expect(control(el, 'amount').value).to.equal('');
    expect(control(el, 'firstName').value).to.equal('');
    expect(control(el, 'distribution').value).to.equal('GEN');
    expect(el.querySelector(`label[for="${control(el, 'distribution').id}"]`)!.textContent).to.contain('carried over');
    await waitUntil(() => document.activeElement === control(el, 'amount'));
    await expectNoAxeViolations(el);
  });

  it('the next gift gets a new transactionId; changing a carried value drops its mark', async () => {
    const el = await mountWidget();
    await fillValidGift(el);
    await submit(el);
    await waitUntil(() => el.querySelector('.AsiSuccess.notice'));
    await fillValidGift(el, { firstName: 'Grace', lastName: 'Hopper', distribution: 'ANNUAL' });
    expect(el.querySelector(`label[for="${control(el, 'distribution').id}"]`)!.textContent).to.not.contain('carried over');
    await submit(el);
    await waitUntil(() => proxy().posts.length === 2);
    expect(proxy().posts[1]!.transactionId).to.not.equal(proxy().posts[0]!.transactionId);
  });

  it('while sending, the button is disabled and progress is shown and announced', async () => {
    const el = await mountWidget();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fetchBefore = window.fetch;
    window.fetch = async (input, init) => {
      if (init?.method === 'POST') await gate;
      return fetchBefore(input, init);
    };
    await fillValidGift(el);
    await submit(el);
    const button = el.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(button.disabled).to.equal(true);
    expect(el.querySelector('progress')).to.not.equal(null);
    await waitUntil(() => el.querySelector('[role="status"]')!.textContent!.includes('Sending $25.00 from Ada Lovelace'));
    await expectNoAxeViolations(el);
    release();
    await waitUntil(() => !button.disabled);
  });

  it('a queued gift is followed by polling until it is accepted', async () => {
    proxy().next.push('queued');
    proxy().pollAnswers.push('accepted');
    const el = await mountWidget();
    const queued: GiftEventDetail[] = [];
    const accepted: GiftEventDetail[] = [];
    el.addEventListener('gift-queued', (e) => queued.push(e.detail));
    el.addEventListener('gift-accepted', (e) => accepted.push(e.detail));
    await fillValidGift(el);
    await submit(el);
    await waitUntil(() => el.querySelector('.AsiWarning.notice'));
    expect(queued.length).to.equal(1);
    expect(el.querySelector('.batch-table .status')!.textContent).to.equal('Queued');
    await waitUntil(() => el.querySelector('.batch-table .status')!.textContent === 'Recorded', 'polling did not see it accepted', { timeout: 5000 });
    expect(accepted.length).to.equal(1);
  });

  it('an upstream rejection is shown on its field, in staff words, and the corrected gift resends with the same transactionId', async () => {
    proxy().next.push({ status: 'rejected', message: 'Choose a fund: the campaign given is not mapped to a fund in iMIS', field: 'distribution' });
    const el = await mountWidget();
    const rejected: GiftEventDetail[] = [];
    el.addEventListener('gift-rejected', (e) => rejected.push(e.detail));
    await fillValidGift(el, { distribution: '', campaignCode: 'GALA' });
    await submit(el);
    await waitUntil(() => errorFor(el, 'distribution'));
    expect(errorFor(el, 'distribution')).to.contain('not mapped to a fund');
    expect(rejected.length).to.equal(1);
    expect(control(el, 'firstName').value).to.equal('Ada', 'nothing typed is lost');
    await fill(el, 'distribution', 'GEN');
    await submit(el);
    await waitUntil(() => el.querySelector('.AsiSuccess.notice'));
    expect(proxy().posts[1]!.transactionId).to.equal(proxy().posts[0]!.transactionId);
  });

  it('a network failure keeps everything typed and retries with the same transactionId', async () => {
    proxy().next.push('network');
    const el = await mountWidget();
    await fillValidGift(el);
    await submit(el);
    const box = await waitUntil(() => el.querySelector('.AsiError.notice'));
    expect(el.querySelector('.AsiError.notice')!.textContent).to.contain('nothing you typed is lost');
    expect(control(el, 'lastName').value).to.equal('Lovelace');
    void box;
    el.querySelector<HTMLButtonElement>('.AsiError.notice button')!.click();
    await waitUntil(() => el.querySelector('.AsiSuccess.notice'));
    expect(proxy().posts.length).to.equal(2);
    expect(proxy().posts[1]!.transactionId).to.equal(proxy().posts[0]!.transactionId);
  });

  it('a proxy refusal (e.g. a rotated key) is said plainly and nothing is lost', async () => {
    proxy().next.push({ error: 401, message: 'The gift entry key is not recognised (it may have been rotated). Ask your administrator for the current key.' });
    const el = await mountWidget();
    await fillValidGift(el);
    await submit(el);
    await waitUntil(() => el.querySelector('.AsiError.notice'));
    expect(el.querySelector('.AsiError.notice')!.textContent).to.contain('not recognised');
    expect(control(el, 'emailAddress').value).to.equal('ada@example.org');
  });
});
