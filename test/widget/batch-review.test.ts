/**
 * A batch kept for review: started with its defaults and the stack's figures, gifts
 * kept at the proxy and never sent until posted, edited and removed row by row,
 * continued from another browser, posted only when it matches the stack (or with a
 * reason), then followed to its verdicts — refusals listed until resolved.
 */
import { fixture } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { withImisPage } from './imis-double.ts';
import type { GiftEntry } from '../../src/widget/gift-entry.ts';
import { withFakeProxy } from './fake-proxy.ts';
import { control, expect, expectNoAxeViolations, fill, fillValidGift, pickersReady, waitUntil } from './widget-helpers.ts';

async function mountReview(): Promise<GiftEntry> {
  const el = await fixture<GiftEntry>(`<gift-entry mode="review" fund="GEN"></gift-entry>`);
  await waitUntil(() => el.querySelector('select[name="batch-distribution"]:not([disabled])'), 'the batch form with its lookups');
  return el;
}

async function startBatch(el: GiftEntry, values: Record<string, string>): Promise<void> {
  for (const [field, value] of Object.entries(values)) await fill(el, `batch-${field}`, value);
  el.querySelector<HTMLButtonElement>('form.batch-setup button[type="submit"]')!.click();
  await waitUntil(() => el.querySelector('.batch-line'), 'the batch started');
}

async function record(el: GiftEntry, overrides: Record<string, string> = {}): Promise<void> {
  const rows = el.querySelectorAll('.batch-table tbody tr').length;
  await fillValidGift(el, { distribution: control(el, 'distribution').value, ...overrides });
  el.querySelector<HTMLButtonElement>('form.gift-form button[type="submit"]')!.click();
  await waitUntil(
    () => el.querySelectorAll('.batch-table tbody tr').length > rows || el.querySelector('.notice [data-action="record-anyway"]'),
    'kept',
  );
  el.querySelector<HTMLButtonElement>('.notice [data-action="record-anyway"]')?.click();
  await waitUntil(() => el.querySelectorAll('.batch-table tbody tr').length > rows, 'the row is shown');
}

const rowTexts = (el: GiftEntry) => [...el.querySelectorAll('.batch-table tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' '));

describe('a batch kept for review before it reaches iMIS', () => {
  const proxy = withFakeProxy();
  beforeEach(() => sessionStorage.clear());

  it('starts with its defaults and figures in one line, keeps gifts without sending them, and says so', async () => {
    const el = await mountReview();
    expect(control(el, 'batch-distribution').value, 'the placement’s fund is offered').to.equal('GEN');
    await expectNoAxeViolations(el);
    await startBatch(el, { appealCode: 'SPRING', receivedDate: '12/02/2026', count: '2', total: '75' });
    expect(el.querySelector('.batch-line')!.textContent!.replace(/\s+/g, ' ')).to.contain(
      'General Fund · no campaign · SPRING - Spring mailing · 12/02/2026 · 2 gifts, $75.00 expected',
    );
    expect(control(el, 'appealCode').value, 'the gift starts from the batch').to.equal('SPRING');
    expect(control(el, 'receivedDate').value).to.equal('12/02/2026');
    await record(el, { amount: '50' });
    await record(el, { amount: '25', firstName: 'Grace', lastName: 'Hopper', emailAddress: 'grace@example.org' });
    expect(proxy().posts, 'nothing goes to the queue before the batch is posted').to.deep.equal([]);
    const [batch] = [...proxy().batches.values()];
    expect(batch!.gifts.map((row) => [row.gift.amount, row.gift.appealCode, row.gift.receivedDate?.slice(0, 10)])).to.deep.equal([
      [50, 'SPRING', '2026-12-02'],
      [25, 'SPRING', '2026-12-02'],
    ]);
    expect(rowTexts(el)[0]).to.contain('Grace Hopper').and.contain('In the batch (not sent yet)').and.contain('12/02/2026');
    expect(el.querySelector('.notice')!.textContent).to.contain('goes to iMIS when the batch is posted');
    expect(el.querySelector('.batch-difference')!.textContent).to.contain('Matches the stack in hand');
    await expectNoAxeViolations(el);
  });

  it('a row is edited in place or removed before posting; a changed value is marked as not the batch’s', async () => {
    const el = await mountReview();
    await startBatch(el, { count: '2', total: '60' });
    await record(el, { amount: '10' });
    await record(el, { amount: '20', firstName: 'Grace', lastName: 'Hopper', emailAddress: 'grace@example.org', campaignCode: 'GALA' });
    expect(el.querySelector('.batch-table tbody tr.differs-row td.differs')!.textContent).to.contain('GALA').and.contain('not the batch’s');
    const ada = [...el.querySelectorAll<HTMLButtonElement>('.batch-table button')].find((b) =>
      /Edit the gift of \$10\.00/.test(b.ariaLabel ?? ''),
    )!;
    ada.click();
    await waitUntil(() => control(el, 'amount').value === '10.00', 'the row is back in the form');
    await fill(el, 'amount', '40');
    el.querySelector<HTMLButtonElement>('form.gift-form button[type="submit"]')!.click();
    await waitUntil(() => rowTexts(el).some((text) => text.includes('$40.00')), 'the edit is saved');
    expect(rowTexts(el).length, 'edited, not added').to.equal(2);
    expect(el.querySelector('.batch-difference')!.textContent).to.contain('Matches');
    const grace = [...el.querySelectorAll<HTMLButtonElement>('.batch-table button')].find((b) =>
      /Remove the gift of \$20\.00/.test(b.ariaLabel ?? ''),
    )!;
    grace.click();
    await waitUntil(() => rowTexts(el).length === 1, 'removed');
    expect([...proxy().batches.values()][0]!.gifts.length).to.equal(1);
    expect(el.querySelector('.batch-difference')!.textContent).to.contain('1 gift still to enter').and.contain('$20.00 still to enter');
  });

  it('posting is gated on count and total; "post anyway" needs a reason; then every gift goes once and its verdict shows', async () => {
    const el = await mountReview();
    await startBatch(el, { count: '3', total: '75' });
    await record(el, { amount: '50' });
    await record(el, { amount: '25', firstName: 'Grace', lastName: 'Hopper', emailAddress: 'grace@example.org' });
    el.querySelector<HTMLButtonElement>('.batch-post button.PrimaryButton')!.click();
    await waitUntil(() => el.querySelector('.post-anyway'), 'asked why');
    expect(proxy().posts.length).to.equal(0);
    await expectNoAxeViolations(el);
    el.querySelector<HTMLButtonElement>('.post-anyway button')!.click();
    await waitUntil(() => el.querySelector('.post-anyway .Important'), 'a reason is required');
    await fill(el, 'post-reason', 'One check was returned to the donor');
    el.querySelector<HTMLButtonElement>('.post-anyway button')!.click();
    await waitUntil(() => rowTexts(el).every((text) => text.includes('Queued') || text.includes('Recorded')), 'posted');
    const [batch] = [...proxy().batches.values()];
    expect(batch!.state).to.equal('posted');
    expect(batch!.postReason).to.equal('One check was returned to the donor');
    for (const row of batch!.gifts) proxy().settle(row.transactionId, 'accepted');
    await waitUntil(() => rowTexts(el).every((text) => text.includes('Recorded')), 'verdicts shown');
    expect(el.querySelector('.batch-post')!.textContent).to.contain('Every gift of this batch is recorded');
    await expectNoAxeViolations(el);
  });

  it('a batch kept open survives a closed tab: another browser lists it and continues it', async () => {
    const el = await mountReview();
    await startBatch(el, { count: '2' });
    await record(el, { amount: '12' });
    el.remove();
    sessionStorage.clear(); // another browser: nothing of this tab remains
    const again = await mountReview();
    await waitUntil(() => again.querySelector('.open-batches button'), 'the open batch is listed');
    expect(again.querySelector('.open-batches')!.textContent).to.contain('1 gift, $12.00');
    again.querySelector<HTMLButtonElement>('.open-batches button')!.click();
    await waitUntil(() => rowTexts(again).length === 1, 'its gifts are back');
    expect(rowTexts(again)[0]).to.contain('$12.00').and.contain('In the batch');
    await record(again, { amount: '13', firstName: 'Grace', lastName: 'Hopper', emailAddress: 'grace@example.org' });
    expect([...proxy().batches.values()][0]!.gifts.length).to.equal(2);
  });

  it('a refusal after posting stays under "Needs correcting" until corrected or withdrawn, and the batch is not "done" meanwhile', async () => {
    const el = await mountReview();
    await startBatch(el, { count: '2', total: '30' });
    await record(el, { amount: '10' });
    await record(el, { amount: '20', firstName: 'Grace', lastName: 'Hopper', emailAddress: 'grace@example.org' });
    el.querySelector<HTMLButtonElement>('.batch-post button.PrimaryButton')!.click();
    await waitUntil(() => [...proxy().batches.values()][0]!.state === 'posted', 'posted');
    const [first, second] = [...proxy().batches.values()][0]!.gifts;
    proxy().settle(first!.transactionId, 'accepted');
    proxy().settle(second!.transactionId, {
      status: 'rejected',
      message: 'Either a distribution code, or a (mapped) campaign code are required.',
      field: 'distribution',
    });
    await waitUntil(() => el.querySelector('.needs-correcting'), 'listed');
    expect(el.querySelector('.batch-difference')!.textContent).to.contain('not done');
    // Another gift typed meanwhile does not hide it.
    await fill(el, 'lastName', 'Turing');
    expect(el.querySelector('.needs-correcting')!.textContent).to.contain('$20.00 from Grace Hopper');
    [...el.querySelectorAll<HTMLButtonElement>('.needs-correcting button')].find((b) => b.textContent!.includes('Withdraw'))!.click();
    await waitUntil(() => !el.querySelector('.needs-correcting'), 'withdrawn deliberately');
    expect(rowTexts(el).some((text) => text.includes('Withdrawn (not sent)'))).to.equal(true);
    await expectNoAxeViolations(el);
  });
});

describe('at 320 CSS px (WCAG 1.4.10)', () => {
  const proxy = withFakeProxy();
  withImisPage();
  beforeEach(() => sessionStorage.clear());

  it('nothing scrolls sideways: the batch form, the line, a kept gift with a soft credit, the table and the post step', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await mountReview();
      expect(document.documentElement.scrollWidth, 'the batch form').to.be.at.most(320);
      await startBatch(el, { count: '3', total: '1234.50' });
      expect(document.documentElement.scrollWidth, 'the batch line').to.be.at.most(320);
      await pickersReady(el);
      const search = el.querySelector<HTMLInputElement>('gift-contact-picker[data-field="softCreditId"] input')!;
      search.focus();
      await sendKeys({ type: 'Smith' });
      await waitUntil(() => el.querySelector('gift-contact-picker[data-field="softCreditId"] [role="option"]'), 'soft-credit results');
      expect(document.documentElement.scrollWidth, 'the soft-credit search with its results').to.be.at.most(320);
      await record(el, { amount: '10' });
      el.querySelector<HTMLButtonElement>('.batch-post button.PrimaryButton')!.click();
      await waitUntil(() => el.querySelector('.post-anyway'));
      expect(document.documentElement.scrollWidth, 'the table and the post step').to.be.at.most(320);
      await expectNoAxeViolations(el);
      void proxy;
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('keyboard reach and what a screen reader hears', () => {
  const proxy = withFakeProxy();
  beforeEach(() => sessionStorage.clear());

  it('Alt+D returns to the donor search, Alt+S reaches soft credit, Alt+N notes, Alt+B the batch figures', async () => {
    const el = await fixture<GiftEntry>(`<gift-entry mode="immediate"></gift-entry>`);
    await waitUntil(() => el.querySelector('select[name="distribution"]:not([disabled])'));
    const chord = async (code: string) => {
      await sendKeys({ down: 'Alt' });
      await sendKeys({ press: code });
      await sendKeys({ up: 'Alt' });
    };
    control(el, 'notes').focus();
    await chord('KeyD');
    expect(document.activeElement).to.equal(control(el, 'imisId'));
    await chord('KeyS');
    expect(document.activeElement).to.equal(control(el, 'softCreditId'));
    await chord('KeyN');
    expect(document.activeElement).to.equal(control(el, 'notes'));
    await chord('KeyB');
    expect((document.activeElement as HTMLElement).id).to.match(/expected-count$/);
    await chord('KeyD');
    expect(document.activeElement, 'back from the batch figures in one chord').to.equal(control(el, 'imisId'));
    void proxy;
  });

  it('the received date is one Tab stop', async () => {
    const el = await fixture<GiftEntry>(`<gift-entry mode="immediate"></gift-entry>`);
    await waitUntil(() => el.querySelector('select[name="distribution"]:not([disabled])'));
    control(el, 'receivedDate').focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.not.equal(control(el, 'receivedDate'));
    expect((document.activeElement as HTMLElement).getAttribute('name')).to.not.equal('receivedDate');
  });

  it('each gift is spoken once: when saved, not again when recorded; the restore notice after a reload is spoken', async () => {
    const el = await fixture<GiftEntry>(`<gift-entry mode="immediate"></gift-entry>`);
    await waitUntil(() => el.querySelector('select[name="distribution"]:not([disabled])'));
    const region = el.querySelector('.visually-hidden[role="status"]')!;
    const spoken: string[] = [];
    new MutationObserver(() => region.textContent && spoken.push(region.textContent)).observe(region, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    proxy().next.push('queued');
    proxy().pollAnswers.push('accepted');
    await fillValidGift(el);
    el.querySelector<HTMLButtonElement>('form.gift-form button[type="submit"]')!.click();
    await waitUntil(() => el.querySelector('.batch-table .status')?.textContent === 'Recorded', 'recorded');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(spoken.filter((text) => text.includes('Ada Lovelace')).length, spoken.join(' | ')).to.equal(1);
    await fillValidGift(el, { amount: '9' });
    el.remove();
    const again = await fixture<GiftEntry>(`<gift-entry mode="immediate"></gift-entry>`);
    await waitUntil(
      () => again.querySelector('.visually-hidden[role="status"]')?.textContent?.includes('Restored'),
      'the restore is spoken',
    );
  });
});
