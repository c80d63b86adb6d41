/** Speed of a stack of checks: donor first, Enter from anywhere, never a wait, and a layout that fits. */
import { fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { GiftEntry } from '../../src/widget/gift-entry.ts';
import { withFakeProxy } from './fake-proxy.ts';
import { withImisPage } from './imis-double.ts';
import { control, expect, expectNoAxeViolations, fillValidGift, mountWidget, waitUntil } from './widget-helpers.ts';

describe('a stack of checks at speed', () => {
  const proxy = withFakeProxy();

  it('Enter on a focused picker records the gift (a select has no Enter of its own)', async () => {
    const el = await mountWidget();
    await fillValidGift(el);
    control(el, 'appealCode').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => proxy().posts.length === 1, 'recorded from the select');
  });

  it('Ctrl+Enter records from Notes, where Enter alone is a new line', async () => {
    const el = await mountWidget();
    await fillValidGift(el);
    control(el, 'notes').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(proxy().posts.length).to.equal(0);
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    await waitUntil(() => proxy().posts.length === 1);
  });

  it('Alt+B jumps to the expected count of the batch', async () => {
    const el = await mountWidget();
    control(el, 'amount').focus();
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'b' });
    await sendKeys({ up: 'Alt' });
    expect(document.activeElement?.id).to.match(/expected-count$/);
  });

  it('never waits on iMIS: the form is ready for the next gift as soon as the proxy stored it, and a later refusal leaves it alone', async () => {
    proxy().next.push({ status: 'rejected', message: 'The gift service rejected this gift: bad', field: 'imisId' });
    // iMIS takes its time: the refusal comes after a few rounds of "still queued".
    proxy().pollAnswers.push('queued', 'queued', 'queued', 'queued', 'queued', 'queued');
    const el = await mountWidget();
    await fillValidGift(el);
    control(el, 'emailAddress').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => control(el, 'lastName').value === '', 'a fresh form');
    expect(el.querySelector('.batch-table .status')!.textContent).to.equal('Queued');
    await fillValidGift(el, { firstName: 'Grace', lastName: 'Hopper' });
    await waitUntil(() => el.querySelector('.batch-table .status')?.textContent === 'Needs correcting', 'the refusal arrives', {
      timeout: 4000,
    });
    expect(control(el, 'lastName').value, 'the gift being typed is untouched').to.equal('Hopper');
    expect(el.querySelector('.notice')!.textContent).to.contain('Needs correcting');
  });

  for (const width of [640, 400]) {
    it(`at ${width} px (${width === 640 ? '200 % zoom of 1280' : 'a phone'}) nothing scrolls sideways: the batch table becomes stacked rows`, async () => {
      await setViewport({ width, height: 800 });
      try {
        const el = await mountWidget();
        await fillValidGift(el);
        el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
        await waitUntil(() => el.querySelector('.batch-table tbody tr'));
        expect(document.documentElement.scrollWidth, 'no sideways scroll').to.be.at.most(width);
        const cell = el.querySelector('.batch-table td')!;
        expect(getComputedStyle(cell).display).to.equal('block');
        await expectNoAxeViolations(el);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  describe('inside iMIS', () => {
    withImisPage();

    it('donor first: the search, then the amount; autofocus puts focus in the search', async () => {
      sessionStorage.clear();
      const el = await fixture<GiftEntry>(html`<gift-entry mode="immediate" autofocus></gift-entry>`);
      await waitUntil(() => document.activeElement?.matches('gift-contact-picker input'), 'autofocus in the donor search');
      await waitUntil(() => el.querySelector('select[name="distribution"]:not([disabled])'));
      const order = [...el.querySelectorAll('form input, form select, form textarea')].map((c) => (c as HTMLInputElement).name || 'search');
      expect(order.slice(0, 2)).to.deep.equal(['search', 'amount']);
    });

    it('a known donor in twelve keys: four letters, Enter, the amount, Enter; focus returns to the search', async () => {
      sessionStorage.clear();
      const el = await fixture<GiftEntry>(html`<gift-entry mode="immediate" autofocus fund="GEN"></gift-entry>`);
      await waitUntil(() => document.activeElement?.matches('gift-contact-picker input'));
      await waitUntil(() => el.querySelector('select[name="distribution"]:not([disabled])'));
      await sendKeys({ type: 'Hopp' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => document.activeElement === control(el, 'amount'), 'the single match picked, focus on the amount');
      expect(el.querySelector('.contact-card')!.textContent).to.contain('grace@example.org');
      await expectNoAxeViolations(el);
      await sendKeys({ type: '25' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => proxy().posts.length === 1);
      expect(proxy().posts[0]).to.include({ imisId: '103', emailAddress: 'grace@example.org', amount: 25, distribution: 'GEN' });
      await waitUntil(() => document.activeElement?.matches('gift-contact-picker input'), 'ready for the next gift');
    });
  });
});
