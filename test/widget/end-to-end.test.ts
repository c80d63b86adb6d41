import { fixture, html } from '@open-wc/testing';
import type { GiftEntry } from '../../src/widget/gift-entry.ts';
import '../../src/widget/gift-entry.ts';
import { control, expect, fillValidGift, submit, waitUntil } from './widget-helpers.ts';

describe('end to end: widget → real proxy → simulator', () => {
  it('records a gift through the real proxy, with the caller key, from an allowed origin', async () => {
    sessionStorage.clear();
    const { url, key } = window.__PROXY__;
    const el = await fixture<GiftEntry>(html`<gift-entry mode="immediate" endpoint=${url} key=${key}></gift-entry>`);
    await waitUntil(() => el.querySelector('select[name="distribution"]:not([disabled])'), 'lookups from the simulator', { timeout: 5000 });
    const funds = [...control(el, 'distribution').querySelectorAll('option')].map((o) => o.textContent);
    expect(funds).to.include('Zeta Beta (ZEBE)');
    await fillValidGift(el, { amount: '$75', distribution: 'ZEBE', lastName: 'Lovelace-King' });
    await submit(el);
    await waitUntil(() => el.querySelector('.AsiSuccess.notice'), 'stored by the proxy', { timeout: 8000 });
    await waitUntil(() => el.querySelector('.batch-table tbody tr .status')?.textContent === 'Recorded', 'accepted by the simulator', {
      timeout: 8000,
    });
    const row = el.querySelector('.batch-table tbody tr')!;
    expect(row.textContent).to.contain('Recorded').and.contain('Ada Lovelace-King').and.contain('$75.00').and.contain('Zeta Beta');
    const transactionId = row.querySelector('code')!.textContent!;
    const status = await (await fetch(`${url}/api/gifts/${transactionId}`, { headers: { 'X-Gift-Entry-Key': key } })).json();
    expect(status.status).to.equal('accepted');
  });

  it('without the key, the proxy refuses and the widget says so', async () => {
    sessionStorage.clear();
    const el = await fixture<GiftEntry>(html`<gift-entry mode="immediate" endpoint=${window.__PROXY__.url}></gift-entry>`);
    await waitUntil(() => el.querySelector('.lookups-error'), 'refusal shown', { timeout: 5000 });
    expect(el.querySelector('.lookups-error')!.textContent).to.contain('key attribute');
  });
});
