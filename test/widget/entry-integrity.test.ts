/**
 * What staff see on the form is exactly what is recorded: one test per reproduction
 * of issue 7, each acting as a hurried gift processor would (keyboard and mouse mixed).
 */
import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AMOUNT_TEXT_MESSAGE } from '../../src/contract/amount-text.ts';
import type { GiftEntry } from '../../src/widget/gift-entry.ts';
import { withFakeProxy } from './fake-proxy.ts';
import { withImisPage } from './imis-double.ts';
import { control, errorFor, expect, expectNoAxeViolations, fill, fillValidGift, mountWidget, submit, waitUntil } from './widget-helpers.ts';

const shownOption = (select: HTMLSelectElement) => select.selectedOptions[0]?.value ?? '';

async function press(...keys: string[]): Promise<void> {
  for (const key of keys) await sendKeys({ press: key });
}

/** The proxy stores the gift, but its answer never reaches this page (it reloads first). */
function answerNeverArrives(): { posted: () => boolean; restore: () => void } {
  const fetchBefore = window.fetch;
  let posted = false;
  window.fetch = async (input, init) => {
    const answer = fetchBefore(input, init);
    if (init?.method !== 'POST') return answer;
    posted = true;
    return new Promise<Response>(() => void answer);
  };
  return { posted: () => posted, restore: () => void (window.fetch = fetchBefore) };
}

describe('entry integrity: the form shows exactly what is sent', () => {
  const proxy = withFakeProxy();

  it('1. a campaign chosen and reset to "(none)" by keyboard is not sent, now or with the next gift', async () => {
    const el = await mountWidget();
    await fillValidGift(el, { distribution: '' });
    const campaign = control(el, 'campaignCode') as unknown as HTMLSelectElement;
    campaign.focus();
    await press('ArrowDown', 'ArrowDown', 'ArrowUp', 'ArrowUp');
    await el.updateComplete;
    expect(shownOption(campaign)).to.equal('');
    const fund = control(el, 'distribution') as unknown as HTMLSelectElement;
    fund.focus();
    await press('ArrowDown');
    await el.updateComplete;
    expect(shownOption(fund)).to.equal('GEN');
    await submit(el);
    await waitUntil(() => proxy().posts.length === 1);
    expect(proxy().posts[0]!.campaignCode, 'campaign shown as (none)').to.equal(undefined);
    expect(shownOption(campaign), 'the next gift carries what is shown').to.equal('');
    await fillValidGift(el, { distribution: 'GEN', firstName: 'Grace', lastName: 'Hopper' });
    await submit(el);
    await waitUntil(() => proxy().posts.length === 2);
    expect(proxy().posts[1]!.campaignCode).to.equal(undefined);
  });

  it("1b. after a campaign was chosen and reset by hand, a fund's default campaign is shown before it is sent; resetting it by mouse sticks", async () => {
    const el = await mountWidget();
    await fillValidGift(el, { distribution: '' });
    const campaign = control(el, 'campaignCode') as unknown as HTMLSelectElement;
    campaign.focus();
    await press('ArrowDown', 'ArrowDown', 'ArrowUp', 'ArrowUp');
    await fill(el, 'distribution', 'ANNUAL');
    expect(shownOption(campaign), "the fund's default campaign is visible").to.equal('GALA');
    await submit(el);
    await waitUntil(() => proxy().posts.length === 1);
    expect(proxy().posts[0]!.campaignCode).to.equal('GALA');
    expect(shownOption(campaign), 'the next gift starts from the batch (no campaign), not from the last gift').to.equal('');
    await fillValidGift(el, { distribution: 'ANNUAL', firstName: 'Grace', lastName: 'Hopper', amount: '7' });
    expect(shownOption(campaign)).to.equal('GALA');
    campaign.value = '';
    campaign.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    await submit(el);
    await waitUntil(() => proxy().posts.length === 2);
    expect(proxy().posts[1]!.campaignCode).to.equal(undefined);
    expect(proxy().posts[1]!.appealCode).to.equal('SPRING');
    expect(shownOption(control(el, 'appealCode') as unknown as HTMLSelectElement), 'the next gift: the batch’s appeal (none)').to.equal('');
  });

  for (const typed of ['12,50', '12,5', '1.000,00', '1,2,3', '12.345', '$1,00']) {
    it(`2. the amount "${typed}" is refused with the expected form, never rescaled`, async () => {
      const el = await mountWidget();
      await fillValidGift(el, { amount: typed });
      expect(errorFor(el, 'amount')).to.equal(AMOUNT_TEXT_MESSAGE);
      expect(control(el, 'amount').value, 'left as typed').to.equal(typed);
      await submit(el);
      expect(proxy().posts.length).to.equal(0);
    });
  }

  it('2b. unambiguous US amounts are read exactly: "$1,234.5" → 1234.5, "1234" → 1234, ".75" → 0.75', async () => {
    const el = await mountWidget();
    for (const [typed, sent] of [
      ['$1,234.5', 1234.5],
      ['1234', 1234],
      ['.75', 0.75],
    ] as const) {
      await fillValidGift(el, { amount: typed, firstName: `Ada${sent}` });
      await submit(el);
      await waitUntil(() => proxy().posts.some((p) => p.firstName === `Ada${sent}`));
      expect(proxy().posts.at(-1)!.amount).to.equal(sent);
    }
  });

  it('2c. an amount at or above confirm-above needs an explicit, announced confirmation', async () => {
    const el = await mountWidget('confirm-above=5000');
    await fillValidGift(el, { amount: '12,000' });
    await submit(el);
    await waitUntil(() => el.querySelector('.notice button[data-action="confirm-amount"]'));
    expect(proxy().posts.length, 'nothing sent before the confirmation').to.equal(0);
    expect(el.querySelector('.notice')!.textContent).to.contain('$12,000.00');
    expect(document.activeElement).to.equal(el.querySelector('.notice'));
    await expectNoAxeViolations(el);
    el.querySelector<HTMLButtonElement>('.notice button[data-action="confirm-amount"]')!.click();
    await waitUntil(() => proxy().posts.length === 1);
    expect(proxy().posts[0]!.amount).to.equal(12000);
  });

  it('3. a gift sent with Enter and refused by the proxy keeps the error on its field and in the focused summary until that field is edited', async () => {
    proxy().next.push({ error: 400, message: 'Choose a fund: the campaign given is not mapped to a fund in iMIS', field: 'distribution' });
    const el = await mountWidget();
    await fillValidGift(el, { distribution: '', campaignCode: 'SAFE' });
    control(el, 'emailAddress').focus();
    await press('Enter');
    await waitUntil(() => errorFor(el, 'distribution'), 'error on the fund');
    await waitUntil(() => document.activeElement === el.querySelector('.error-summary'), 'the summary takes focus');
    // Moving around the form (leaving fields) must not wipe the server's verdict.
    control(el, 'firstName').focus();
    await press('Tab', 'Tab', 'Tab');
    control(el, 'amount').focus();
    control(el, 'amount').blur();
    await el.updateComplete;
    expect(errorFor(el, 'distribution')).to.contain('not mapped to a fund');
    expect(el.querySelector('.error-summary')!.textContent).to.contain('not mapped to a fund');
    await fill(el, 'distribution', 'GEN');
    expect(errorFor(el, 'distribution')).to.equal(undefined);
  });

  it('3b. a later refusal, reopened for correction, stays on its field until edited, whatever is focused', async () => {
    proxy().next.push({
      status: 'rejected',
      message: 'Choose a fund: the campaign given is not mapped to a fund in iMIS',
      field: 'distribution',
    });
    const el = await mountWidget();
    await fillValidGift(el, { distribution: '', campaignCode: 'SAFE' });
    control(el, 'emailAddress').focus();
    await press('Enter');
    await waitUntil(() => el.querySelector('.notice button[data-action="correct"]'), 'the refusal arrives', { timeout: 4000 });
    el.querySelector<HTMLButtonElement>('.notice button[data-action="correct"]')!.click();
    await waitUntil(() => document.activeElement === el.querySelector('.error-summary'));
    for (const field of ['amount', 'firstName', 'emailAddress']) {
      control(el, field).focus();
      control(el, field).blur();
    }
    await el.updateComplete;
    expect(errorFor(el, 'distribution')).to.contain('not mapped');
  });

  describe('inside iMIS', () => {
    const page = withImisPage();

    async function search(el: GiftEntry, text: string): Promise<HTMLInputElement> {
      const input = el.querySelector<HTMLInputElement>('gift-contact-picker[data-field="imisId"] input')!;
      input.focus();
      await sendKeys({ type: text });
      return input;
    }

    it('4. Enter in the donor search before results arrive never records the gift; it picks the single match when it comes', async () => {
      const el = await mountWidget();
      await fillValidGift(el, { firstName: '', lastName: '', emailAddress: '' });
      const release = page.imis().hold();
      await search(el, 'Hopper');
      await press('Enter');
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(proxy().posts.length, 'Enter before results does not submit').to.equal(0);
      release();
      await waitUntil(() => el.querySelector('.contact-card'), 'the single match is chosen');
      expect(proxy().posts.length).to.equal(0);
      await waitUntil(() => document.activeElement === control(el, 'amount'), 'focus moves on to the amount');
      const change = el.querySelector<HTMLButtonElement>('.contact-card button')!;
      expect(change.textContent!.trim()).to.equal('Change donor');
      await expectNoAxeViolations(el);
    });

    it('4b. with several matches, Enter picks the highlighted one; the soft-credit button has its own name', async () => {
      const el = await mountWidget();
      await search(el, 'Love');
      await waitUntil(() => el.querySelectorAll('[role="option"]').length >= 2, 'matches listed');
      await press('ArrowDown', 'Enter');
      await waitUntil(() => el.querySelector('.contact-card'));
      const chosenId = el.querySelector('.contact-card [data-field="imisId"]')!.textContent;
      expect(chosenId).to.equal('102');
      const soft = el.querySelector<HTMLInputElement>('gift-contact-picker[data-field="softCreditId"] input')!;
      soft.focus();
      await sendKeys({ type: 'Hopper' });
      await waitUntil(() => el.querySelectorAll('[role="option"]').length === 1);
      await press('Enter');
      await waitUntil(() => el.querySelectorAll('.contact-card').length === 2);
      const names = [...el.querySelectorAll('.contact-card button')].map((b) => b.textContent!.trim());
      expect(names).to.deep.equal(['Change donor', 'Change soft-credit contact']);
      expect(proxy().posts.length).to.equal(0);
    });

    it('7. a donor chosen from iMIS is named in the receipt and the batch, and the name travels as metadata only', async () => {
      const el = await mountWidget();
      await search(el, 'Lovelace');
      await waitUntil(() => el.querySelectorAll('[role="option"]').length >= 1);
      await press('Enter');
      await waitUntil(() => el.querySelector('.contact-card'));
      expect(el.querySelector('.contact-card')!.textContent).to.contain('Ada Lovelace').and.contain('ada@example.org');
      await fill(el, 'amount', '40');
      await fill(el, 'distribution', 'GEN');
      await submit(el);
      await waitUntil(() => proxy().posts.length === 1);
      const sent = proxy().posts[0]!;
      expect(sent.imisId).to.equal('101');
      expect(sent.emailAddress, 'the email iMIS knows is sent').to.equal('ada@example.org');
      expect(sent.firstName, 'no hidden name travels').to.equal(undefined);
      expect(proxy().donorNames[0]).to.equal('Ada Lovelace');
      await waitUntil(() => el.querySelector('.notice')?.textContent?.includes('Ada Lovelace (iMIS ID 101)'));
      expect(el.querySelector('.batch-table')!.textContent).to.contain('Ada Lovelace (iMIS ID 101)');
    });

    it('7b. a donor prefilled from the page is named with the email iMIS knows, and that is what is sent', async () => {
      page.context({ loggedInPartyId: 'STAFF1', selectedPartyId: '103' });
      sessionStorage.clear();
      const el = await fixture<GiftEntry>(html`<gift-entry mode="immediate" prefill-donor fund="GEN"></gift-entry>`);
      await waitUntil(() => el.querySelector('.contact-card [data-field="emailAddress"]'), 'the prefilled contact is looked up');
      expect(el.querySelector('.contact-card')!.textContent).to.contain('Grace Hopper').and.contain('grace@example.org');
      await fill(el, 'amount', '15');
      await submit(el);
      await waitUntil(() => proxy().posts.length === 1);
      expect(proxy().posts[0]).to.include({ imisId: '103', emailAddress: 'grace@example.org' });
      expect(proxy().donorNames[0]).to.equal('Grace Hopper');
    });

    it('4c. choosing a contact clears a donor typed by hand: nothing unseen travels with the gift', async () => {
      const el = await mountWidget();
      await fill(el, 'firstName', 'Typed');
      await fill(el, 'company', 'Typed Co');
      await search(el, 'Hopper');
      await waitUntil(() => el.querySelectorAll('[role="option"]').length === 1);
      await press('Enter');
      await waitUntil(() => el.querySelector('.contact-card'));
      await fill(el, 'amount', '10');
      await fill(el, 'distribution', 'GEN');
      await submit(el);
      await waitUntil(() => proxy().posts.length === 1);
      expect(proxy().posts[0]!.firstName).to.equal(undefined);
      expect(proxy().posts[0]!.company).to.equal(undefined);
      expect(proxy().posts[0]!.imisId).to.equal('103');
    });
  });

  it('5. reloading while a gift is on its way: the gift is shown in the batch and the form starts fresh, with no collision', async () => {
    const el = await mountWidget();
    const sent = answerNeverArrives();
    await fillValidGift(el, { amount: '33' });
    await submit(el);
    await waitUntil(sent.posted);
    sent.restore();
    el.remove();
    const again = await fixture<GiftEntry>(html`<gift-entry mode="immediate"></gift-entry>`);
    await waitUntil(() => again.querySelector('.batch-table tbody tr'), 'the gift is in the batch');
    expect(again.querySelector('.batch-table')!.textContent).to.contain('$33.00').and.contain('Ada Lovelace');
    expect(control(again, 'amount').value, 'a fresh form').to.equal('');
    expect(again.querySelector('.notice')!.textContent).to.contain('reached the proxy');
    expect(proxy().posts.length).to.equal(1);
  });

  it('5b. a restored draft whose status could not be checked resends as the very same gift, never colliding with its own ID', async () => {
    const el = await mountWidget();
    const fetchBefore = window.fetch;
    const sent = answerNeverArrives();
    await fillValidGift(el, { amount: '34' });
    await submit(el);
    await waitUntil(sent.posted);
    // After the reload the proxy cannot be asked at first (a network blip).
    window.fetch = async (input, init) =>
      /\/api\/gifts\/\d/.test(String(input)) ? Promise.reject(new TypeError('Failed to fetch')) : fetchBefore(input, init);
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const again = await fixture<GiftEntry>(html`<gift-entry mode="immediate"></gift-entry>`);
    await waitUntil(() => again.querySelector('.notice')?.textContent?.includes('Restored'));
    window.fetch = fetchBefore;
    expect(control(again, 'amount').value).to.equal('34.00');
    await submit(again);
    await waitUntil(() => proxy().posts.length === 2);
    expect(proxy().posts[1]).to.deep.equal(proxy().posts[0], 'the very same JSON, so the proxy answers with the gift it has');
    await waitUntil(() => again.querySelector('.AsiSuccess.notice'));
    expect(again.querySelector('.AsiError')).to.equal(null);
  });

  it('6. a batch whose only gift was refused never "matches"; expected count and total survive a reload', async () => {
    proxy().next.push({ status: 'rejected', message: 'The gift service rejected this gift: no', field: 'imisId' });
    const el = await mountWidget();
    const count = el.querySelector<HTMLInputElement>('[id$="expected-count"]')!;
    const total = el.querySelector<HTMLInputElement>('[id$="expected-total"]')!;
    count.value = '1';
    count.dispatchEvent(new Event('input', { bubbles: true }));
    total.value = '25';
    total.dispatchEvent(new Event('input', { bubbles: true }));
    await fillValidGift(el);
    await submit(el);
    await waitUntil(() => el.querySelector('.batch-table .status')?.textContent === 'Needs correcting', 'refused', { timeout: 4000 });
    expect(el.querySelector('.batch-difference.AsiSuccess')).to.equal(null);
    expect(el.querySelector('.batch-difference')!.textContent, 'the refused check is in hand: not done, not "still to enter"').to.contain(
      'not done',
    );
    el.remove();
    const again = await fixture<GiftEntry>(html`<gift-entry mode="immediate"></gift-entry>`);
    await again.updateComplete;
    expect(again.querySelector<HTMLInputElement>('[id$="expected-count"]')!.value).to.equal('1');
    expect(again.querySelector<HTMLInputElement>('[id$="expected-total"]')!.value).to.equal('25');
    expect(again.querySelector('.batch-difference')!.textContent, 'still not done after the reload').to.contain('not done');
  });
});
