import { withFakeProxy } from './fake-proxy.ts';
import { CALLER_KEY_HEADER } from '../../src/contract/proxy-routes.ts';
import { TRANSACTION_ID_PATTERN } from '../../src/contract/transaction-id.ts';
import type { GiftEventDetail } from '../../src/widget/gift-events.ts';
import { control, errorFor, expect, expectNoAxeViolations, fill, fillValidGift, mountWidget, submit, waitUntil } from './widget-helpers.ts';

describe('sending a gift and knowing what happened to it', () => {
  const proxy = withFakeProxy();

  it('a saved gift shows a receipt at once, fires gift-accepted when recorded, starts the next gift from the batch (not the last gift), and refocuses the donor', async () => {
    const el = await mountWidget('key=page-key-123');
    const events: GiftEventDetail[] = [];
    el.addEventListener('gift-accepted', (e) => events.push(e.detail));
    await fillValidGift(el, { amount: '1,234.50' });
    await submit(el);
    await waitUntil(() => el.querySelector('.AsiSuccess.notice'));
    await waitUntil(() => events.length === 1, 'polling saw it recorded', { timeout: 4000 });
    const sent = proxy().posts[0]!;
    expect(sent.amount).to.equal(1234.5);
    expect(sent.transactionId).to.match(TRANSACTION_ID_PATTERN);
    expect(sent).to.not.have.property('financialAccountId');
    expect(proxy().headers.at(-1)!.get(CALLER_KEY_HEADER)).to.equal('page-key-123');
    const receipt = el.querySelector('.AsiSuccess.notice')!.textContent!;
    expect(receipt).to.contain('$1,234.50').and.contain('Ada Lovelace').and.contain('General Fund');
    expect(el.querySelector('.batch-table')!.textContent).to.contain(sent.transactionId).and.contain('Recorded');
    expect(events).to.deep.equal([{ transactionId: sent.transactionId, amount: 1234.5, donor: 'Ada Lovelace' }]);
    expect(control(el, 'amount').value).to.equal('');
    expect(control(el, 'firstName').value).to.equal('');
    expect(control(el, 'distribution').value, 'the batch has no fund: the last gift’s fund does not ride along').to.equal('');
    expect(el.querySelector(`label[for="${control(el, 'distribution').id}"]`)!.textContent).to.not.contain('not the batch');
    await waitUntil(() => document.activeElement === control(el, 'imisId'), 'focus back on the first donor field for the next gift');
    await expectNoAxeViolations(el);
  });

  it('the next gift gets a new transactionId; a value changed for one gift is marked as not the batch’s and is not kept', async () => {
    const el = await mountWidget('fund=GEN');
    const label = (field: string) => el.querySelector(`label[for="${control(el, field).id}"]`)!.textContent;
    expect(control(el, 'distribution').value, 'the batch’s fund').to.equal('GEN');
    expect(label('distribution')).to.not.contain('not the batch');
    await fillValidGift(el, { distribution: 'ANNUAL' });
    expect(label('distribution')).to.contain('not the batch');
    expect(label('appealCode'), 'the fund’s own default appeal differs from the batch too').to.contain('not the batch');
    await submit(el);
    await waitUntil(() => el.querySelector('.AsiSuccess.notice'));
    expect(control(el, 'distribution').value, 'back to the batch’s fund').to.equal('GEN');
    expect(control(el, 'appealCode').value).to.equal('');
    expect(label('distribution')).to.not.contain('not the batch');
    await fillValidGift(el, { firstName: 'Grace', lastName: 'Hopper', distribution: 'GEN' });
    await submit(el);
    await waitUntil(() => proxy().posts.length === 2);
    expect(proxy().posts[1]!.transactionId).to.not.equal(proxy().posts[0]!.transactionId);
    expect(proxy().posts[1]!.appealCode, 'nothing of the first gift rode along').to.equal(undefined);
  });

  it('while saving, the button refuses a second press (keeping focus) and progress is shown', async () => {
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
    await waitUntil(() => button.getAttribute('aria-disabled') === 'true');
    expect(el.querySelector('progress')).to.not.equal(null);
    button.click();
    await expectNoAxeViolations(el);
    release();
    await waitUntil(() => button.getAttribute('aria-disabled') === 'false');
    expect(proxy().posts.length, 'a second press while saving sends nothing').to.equal(1);
  });

  it('a queued gift is followed (long-poll) until it is accepted, and the verdict shows within a second', async () => {
    proxy().next.push('queued');
    proxy().pollAnswers.push('accepted');
    const el = await mountWidget();
    const queued: GiftEventDetail[] = [];
    const accepted: GiftEventDetail[] = [];
    el.addEventListener('gift-queued', (e) => queued.push(e.detail));
    el.addEventListener('gift-accepted', (e) => accepted.push(e.detail));
    await fillValidGift(el);
    await submit(el);
    await waitUntil(() => el.querySelector('.AsiSuccess.notice'));
    expect(queued.length).to.equal(1);
    await waitUntil(() => el.querySelector('.batch-table .status')!.textContent === 'Recorded', 'the watch did not see it accepted', {
      timeout: 1000,
    });
    expect(accepted.length).to.equal(1);
  });

  it('an upstream rejection is shown on its field, in staff words, and the corrected gift resends with the same transactionId', async () => {
    proxy().next.push({
      status: 'rejected',
      message: 'Choose a fund: the campaign given is not mapped to a fund in iMIS',
      field: 'distribution',
    });
    const el = await mountWidget();
    const rejected: GiftEventDetail[] = [];
    el.addEventListener('gift-rejected', (e) => rejected.push(e.detail));
    await fillValidGift(el, { distribution: '', campaignCode: 'GALA' });
    await submit(el);
    await waitUntil(
      () => el.querySelector('.notice button[data-action="correct"]'),
      'the later rejection is announced with a way to correct it',
      { timeout: 4000 },
    );
    el.querySelector<HTMLButtonElement>('.notice button[data-action="correct"]')!.click();
    await waitUntil(() => errorFor(el, 'distribution'));
    expect(errorFor(el, 'distribution')).to.contain('not mapped to a fund');
    expect(rejected.length).to.equal(1);
    expect(control(el, 'firstName').value).to.equal('Ada', 'nothing typed is lost');
    await fill(el, 'distribution', 'GEN');
    await submit(el);
    await waitUntil(() => proxy().posts.length === 2);
    expect(proxy().posts[1]!.transactionId).to.equal(proxy().posts[0]!.transactionId);
  });

  it('a proxy refusal (e.g. a rotated key) is said plainly and nothing is lost', async () => {
    proxy().next.push({
      error: 401,
      message: 'The gift entry key is not recognised (it may have been rotated). Ask your administrator for the current key.',
    });
    const el = await mountWidget();
    await fillValidGift(el);
    await submit(el);
    await waitUntil(() => el.querySelector('.AsiError.notice'));
    expect(el.querySelector('.AsiError.notice')!.textContent).to.contain('not recognised');
    expect(control(el, 'emailAddress').value).to.equal('ada@example.org');
  });
});
