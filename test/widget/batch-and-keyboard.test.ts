import { sendKeys } from '@web/test-runner-commands';
import { fixture, html } from '@open-wc/testing';
import { withFakeProxy } from './fake-proxy.ts';
import type { GiftEntry } from '../../src/widget/gift-entry.ts';
import { control, expect, fill, fillValidGift, mountWidget, submit, waitUntil } from './widget-helpers.ts';

async function tabTo(el: GiftEntry, field: string, limit = 30): Promise<void> {
  for (let i = 0; i < limit && document.activeElement !== control(el, field); i++) await sendKeys({ press: 'Tab' });
  expect(document.activeElement, `reached ${field} by Tab`).to.equal(control(el, field));
}

describe('a stack of checks, by keyboard, with control totals', () => {
  const proxy = withFakeProxy();

  it('three gifts are entered with the keyboard alone, each starting from the batch’s fund', async () => {
    const el = await mountWidget('fund=GEN');
    control(el, 'imisId').focus();
    const donors = [
      ['Ada', 'Lovelace', '25'],
      ['Grace', 'Hopper', '50.5'],
      ['Alan', 'Turing', '100'],
    ];
    for (const [index, [first, last, amount]] of donors.entries()) {
      await waitUntil(() => document.activeElement === control(el, 'imisId'), `focus on the first donor field for gift ${index + 1}`);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: amount! });
      await tabTo(el, 'firstName');
      await sendKeys({ type: first! });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: last! });
      await tabTo(el, 'emailAddress');
      await sendKeys({ type: `${first!.toLowerCase()}@example.org` });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => proxy().posts.length === index + 1, `gift ${index + 1} sent`);
      await waitUntil(() => el.querySelector('.AsiSuccess.notice')?.textContent?.includes(last!), `gift ${index + 1} saved`);
      await waitUntil(() => document.activeElement === control(el, 'imisId'));
      expect(el.querySelectorAll('.field-error').length, 'the fresh form shows no errors').to.equal(0);
    }
    await waitUntil(() => el.querySelectorAll('.batch-table tbody tr').length === 3);
    expect(proxy().posts.map((p) => [p.firstName, p.amount, p.distribution])).to.deep.equal([
      ['Ada', 25, 'GEN'],
      ['Grace', 50.5, 'GEN'],
      ['Alan', 100, 'GEN'],
    ]);
    expect(el.querySelector('.batch-totals')!.textContent).to.contain('3 gifts').and.contain('$175.50');
  });

  it('shows the difference from the expected count and total until it is zero', async () => {
    const el = await mountWidget();
    const countInput = el.querySelector<HTMLInputElement>('[id$="expected-count"]')!;
    const totalInput = el.querySelector<HTMLInputElement>('[id$="expected-total"]')!;
    for (const [input, value] of [
      [countInput, '2'],
      [totalInput, '75'],
    ] as const) {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await el.updateComplete;
    expect(el.querySelector('.batch-difference')!.textContent).to.contain('2 gifts still to enter').and.contain('$75.00 still to enter');
    await fillValidGift(el, { amount: '25' });
    await submit(el);
    await waitUntil(() => el.querySelector('.AsiSuccess.notice'));
    expect(el.querySelector('.batch-difference')!.textContent).to.contain('1 gift still to enter').and.contain('$50.00');
    await fillValidGift(el, { amount: '50', firstName: 'Grace', lastName: 'Hopper' });
    await submit(el);
    await waitUntil(() => el.querySelector('.batch-difference.AsiSuccess'), 'matches', { timeout: 4000 });
    expect(el.querySelector('.batch-difference')!.textContent).to.contain('Matches');
  }).timeout(10_000);

  it('a rejected gift in the batch can be reopened, corrected and resent under its transactionId', async () => {
    proxy().next.push('queued');
    proxy().pollAnswers.push('rejected');
    const el = await mountWidget();
    await fillValidGift(el, { imisId: '99999' });
    await submit(el);
    await waitUntil(() => el.querySelector('.batch-table .status')?.textContent === 'Needs correcting', 'rejected by polling', {
      timeout: 5000,
    });
    expect(el.querySelector('.batch-totals')!.textContent, 'a refused gift is not counted').to.contain('0 gifts');
    el.querySelector<HTMLButtonElement>('.batch-table button')!.click();
    await el.updateComplete;
    expect(control(el, 'imisId').value).to.equal('99999');
    expect(control(el, 'firstName').value).to.equal('Ada');
    await fill(el, 'imisId', '12345');
    await submit(el);
    await waitUntil(() => el.querySelector('.AsiSuccess.notice'));
    expect(proxy().posts[1]!.transactionId).to.equal(proxy().posts[0]!.transactionId);
    expect(el.querySelectorAll('.batch-table tbody tr').length).to.equal(1);
    await waitUntil(() => el.querySelector('.batch-table .status')!.textContent === 'Recorded', 'recorded', { timeout: 4000 });
  }).timeout(10_000);

  it('a batch saved by the release before batches is still shown after the upgrade, and can be corrected', async () => {
    sessionStorage.clear();
    const draft = {
      amount: '25.00',
      receivedDate: '2026-11-23',
      distribution: 'GEN',
      firstName: 'Ada',
      lastName: 'Lovelace',
      emailAddress: 'ada@example.org',
    };
    // The release before batches: rows without fund, campaign or appeal of their own, the figures beside them.
    const old = {
      entries: [
        {
          transactionId: '7000000000000042',
          amount: 25,
          donor: 'Ada Lovelace',
          fund: 'General Fund',
          status: 'rejected',
          message: 'No',
          at: new Date().toISOString(),
          sent: { draft, transactionId: '7000000000000042', sentAt: new Date().toISOString() },
        },
      ],
      expected: { count: '1', total: '25' },
    };
    sessionStorage.setItem(`gift-entry:batch:${location.origin}`, JSON.stringify(old));
    const el = await fixture<GiftEntry>(html`<gift-entry mode="immediate"></gift-entry>`);
    await waitUntil(() => el.querySelector('select[name="distribution"]:not([disabled])'));
    expect(el.querySelector('.batch-table')!.textContent).to.contain('Ada Lovelace').and.contain('7000000000000042');
    el.querySelector<HTMLButtonElement>('.batch-table button')!.click();
    await el.updateComplete;
    expect(control(el, 'lastName').value).to.equal('Lovelace');
  });

  it('the gift being typed survives a reload, with a visible notice; a sent gift is not restored', async () => {
    const el = await mountWidget();
    await fillValidGift(el, { amount: '42' });
    el.remove();
    const again = await fixture<GiftEntry>(html`<gift-entry mode="immediate"></gift-entry>`);
    await waitUntil(() => again.querySelector('select[name="distribution"]:not([disabled])'));
    expect(control(again, 'amount').value).to.equal('42.00');
    expect(control(again, 'lastName').value).to.equal('Lovelace');
    expect(again.querySelector('.AsiWarning.notice')!.textContent).to.match(/restored/i);
    await submit(again);
    await waitUntil(() => again.querySelector('.AsiSuccess.notice'));
    again.remove();
    const third = await fixture<GiftEntry>(html`<gift-entry mode="immediate"></gift-entry>`);
    await waitUntil(() => third.querySelector('select[name="distribution"]:not([disabled])'));
    expect(control(third, 'lastName').value).to.equal('');
    expect(third.querySelector('.batch-table tbody tr'), 'the batch survives too').to.not.equal(null);
  });
});
