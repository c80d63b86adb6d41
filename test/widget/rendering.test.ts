import { LOOKUPS, withFakeProxy } from './fake-proxy.ts';
import { control, expect, expectNoAxeViolations, fill, mountWidget, waitUntil } from './widget-helpers.ts';
import { MAX_LENGTH } from '../../src/contract/gift-fields.ts';
import { fixture, html } from '@open-wc/testing';
import type { GiftEntry } from '../../src/widget/gift-entry.ts';

describe('<gift-entry> renders as part of the iMIS page', () => {
  const proxy = withFakeProxy();

  it('uses iMIS panel markup in light DOM, so the theme styles it', async () => {
    const el = await mountWidget();
    expect(el.shadowRoot).to.equal(null);
    const amount = control(el, 'amount');
    const panel = amount.closest('.PanelField')!;
    expect(panel.querySelector('label')!.classList.contains('Required')).to.equal(true);
    expect(panel.querySelector('label')!.htmlFor).to.equal(amount.id);
    expect(amount.closest('.PanelFieldValue')).to.not.equal(null);
    const submit = el.querySelector('.CommandBar button[type="submit"]')!;
    expect([...submit.classList]).to.include.members(['TextButton', 'PrimaryButton']);
    const required = [...el.querySelectorAll('label.Required')].map((l) => l.textContent!.trim());
    expect(required, 'in the order of the screen: donor first, then amount').to.deep.equal(['Amount', 'Email', 'Fund']);
    for (const field of ['amount', 'distribution', 'emailAddress'])
      expect(control(el, field).getAttribute('aria-required'), field).to.equal('true');
  });

  it('fills the fund, campaign and appeal pickers from one lookups request, showing titles', async () => {
    const el = await mountWidget();
    const lookupCalls = proxy().headers.length;
    expect(lookupCalls).to.equal(1);
    const funds = [...control(el, 'distribution').querySelectorAll('option')].map((o) => o.textContent);
    expect(funds).to.include('General Fund (GEN)');
    expect(control(el, 'campaignCode').querySelectorAll('option').length).to.equal(LOOKUPS.campaigns.length + 1);
  });

  it('choosing a fund prefills its default appeal and campaign', async () => {
    const el = await mountWidget();
    await fill(el, 'distribution', 'ANNUAL');
    expect(control(el, 'appealCode').value).to.equal('SPRING');
    expect(control(el, 'campaignCode').value).to.equal('GALA');
  });

  it('enforces every max length from the contract while typing', async () => {
    const el = await mountWidget();
    for (const [field, max] of Object.entries(MAX_LENGTH)) {
      const input = el.querySelector<HTMLInputElement>(`input[name="${field}"], textarea[name="${field}"]`);
      if (input) expect(input.maxLength, field).to.equal(max);
    }
    expect(el.querySelectorAll('[maxlength]').length).to.be.greaterThan(15);
  });

  it('says the lookups failed and offers a retry that works', async () => {
    proxy().lookupsFail = true;
    const el = await mountWidget();
    const box = el.querySelector('.lookups-error')!;
    expect(box.textContent).to.contain('could not be loaded');
    proxy().lookupsFail = false;
    box.querySelector('button')!.click();
    await waitUntil(() => el.querySelector('select[name="distribution"]:not([disabled])'));
    expect(el.querySelector('.lookups-error')).to.equal(null);
  });

  it('a wrong endpoint (a server that is not the proxy) is named in the message', async () => {
    const fetchBefore = window.fetch;
    window.fetch = async () => new Response('<html>Page not found</html>', { status: 404, headers: { 'Content-Type': 'text/html' } });
    try {
      const el = await mountWidget();
      expect(el.querySelector('.lookups-error')!.textContent).to.contain('answered 404').and.contain('endpoint');
    } finally {
      window.fetch = fetchBefore;
    }
  });

  it('a bad prefix attribute is reported instead of breaking the form', async () => {
    sessionStorage.clear();
    const el = await fixture<GiftEntry>(html`<gift-entry mode="immediate" prefix="NOT-OK"></gift-entry>`);
    await waitUntil(() => el.querySelector('select[name="distribution"]:not([disabled])'));
    expect(el.querySelector('.AsiError.notice')!.textContent).to.contain('prefix attribute').and.contain('at most 6 letters or digits');
    expect(control(el, 'amount')).to.not.equal(null);
  });

  it('has no accessibility violations when empty', async () => {
    const el = await mountWidget();
    await expectNoAxeViolations(el);
  });
});
