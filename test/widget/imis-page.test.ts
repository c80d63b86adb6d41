import { fixture, html } from '@open-wc/testing';
import { withFakeProxy } from './fake-proxy.ts';
import type { GiftEntry } from '../../src/widget/gift-entry.ts';
import { todayIso } from '../../src/widget/gift-draft.ts';
import { control, expect, expectNoAxeViolations, fillValidGift, mountWidget, submit, waitUntil } from './widget-helpers.ts';

function imisContext(context: object): () => void {
  const field = document.createElement('input');
  field.type = 'hidden';
  field.id = '__ClientContext';
  field.value = JSON.stringify(context);
  document.body.append(field);
  return () => field.remove();
}

async function mountInPage(markup: ReturnType<typeof html>): Promise<GiftEntry> {
  sessionStorage.clear();
  const el = await fixture<GiftEntry>(markup);
  await waitUntil(() => el.querySelector('select[name="distribution"]:not([disabled])'));
  return el;
}

describe('inside an iMIS page', () => {
  const proxy = withFakeProxy();

  it('sends the logged-in staff member from __ClientContext as enteredBy', async () => {
    const remove = imisContext({ loggedInPartyId: 'STAFF7', selectedPartyId: '12345' });
    try {
      const el = await mountInPage(html`<gift-entry mode="immediate"></gift-entry>`);
      await fillValidGift(el);
      await submit(el);
      await waitUntil(() => el.querySelector('.AsiSuccess.notice'));
      expect(proxy().enteredBy).to.deep.equal(['STAFF7']);
      expect(proxy().posts[0]).to.not.have.property('enteredBy');
    } finally {
      remove();
    }
  });

  it('with prefill-donor, starts each gift with a selected contact other than the staff member; without it, does not', async () => {
    const remove = imisContext({ loggedInPartyId: 'STAFF7', selectedPartyId: '12345' });
    try {
      const prefilled = await mountInPage(html`<gift-entry mode="immediate" prefill-donor></gift-entry>`);
      expect(control(prefilled, 'imisId').value).to.equal('12345');
      await fillValidGift(prefilled, { firstName: '', lastName: '' });
      await submit(prefilled);
      await waitUntil(() => prefilled.querySelector('.AsiSuccess.notice'));
      expect(proxy().posts[0]!.imisId).to.equal('12345');
      expect(control(prefilled, 'imisId').value).to.equal('12345', 'the next gift starts with the contact too');
      prefilled.remove();
      const plain = await mountInPage(html`<gift-entry mode="immediate"></gift-entry>`);
      expect(control(plain, 'imisId').value).to.equal('');
    } finally {
      remove();
    }
  });

  it('on a plain staff page (iMIS sets selectedPartyId to the staff member) the staff member is not made the donor', async () => {
    const remove = imisContext({ loggedInPartyId: 'STAFF7', selectedPartyId: 'STAFF7', baseUrl: '/imis/' });
    try {
      const el = await mountInPage(html`<gift-entry mode="immediate" prefill-donor></gift-entry>`);
      expect(control(el, 'imisId').value).to.equal('');
    } finally {
      remove();
    }
  });

  it('the URL’s ID is the donor, even when iMIS also reports the staff member as selected', async () => {
    const remove = imisContext({ loggedInPartyId: 'STAFF7', selectedPartyId: 'STAFF7' });
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?ID=777`);
    try {
      const el = await mountInPage(html`<gift-entry mode="immediate" prefill-donor></gift-entry>`);
      expect(control(el, 'imisId').value).to.equal('777');
    } finally {
      history.replaceState(null, '', before);
      remove();
    }
  });
});

describe('readImisPage', () => {
  it('reports the site’s application path from __ClientContext, ending in one slash (/ outside one)', async () => {
    const { readImisPage } = await import('../../src/widget/imis-page.ts');
    for (const [baseUrl, expected] of [
      ['/imis', '/imis/'],
      ['/ALALM/', '/ALALM/'],
      [undefined, '/'],
    ] as const) {
      const remove = imisContext(baseUrl === undefined ? {} : { baseUrl });
      try {
        expect(readImisPage().baseUrl).to.equal(expected);
      } finally {
        remove();
      }
    }
  });
});

describe('a possible duplicate gift', () => {
  const proxy = withFakeProxy();
  const earlier = () => ({
    transactionId: '5550001112223334',
    status: 'accepted' as const,
    amount: 25,
    donor: 'Ada Lovelace',
    distribution: 'GEN',
    attempts: 1,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    gift: { firstName: 'Ada', lastName: 'Lovelace', amount: 25, receivedDate: `${todayIso()}T09:00:00`, transactionId: '5550001112223334' },
  });

  it('asks before recording the same donor, amount and date again, naming the earlier gift; "Record anyway" sends it', async () => {
    proxy().journal.push(earlier());
    const el = await mountWidget();
    await fillValidGift(el, { amount: '25' });
    await submit(el);
    const notice = await waitUntil(() => el.querySelector('.AsiWarning.notice'), 'warning shown');
    void notice;
    const text = el.querySelector('.AsiWarning.notice')!.textContent!;
    expect(text).to.contain('Possible duplicate').and.contain('5550001112223334').and.contain('$25.00');
    expect(proxy().posts.length).to.equal(0, 'nothing sent before staff confirm');
    expect(document.activeElement).to.equal(el.querySelector('.notice'));
    await expectNoAxeViolations(el);
    const confirm = el.querySelector<HTMLButtonElement>('.AsiWarning.notice button')!;
    expect(confirm.textContent!.trim()).to.equal('Record anyway');
    confirm.click();
    await waitUntil(() => el.querySelector('.AsiSuccess.notice'));
    expect(proxy().posts.length).to.equal(1);
  });

  it('does not ask when the amount differs', async () => {
    proxy().journal.push(earlier());
    const el = await mountWidget();
    await fillValidGift(el, { amount: '26' });
    await submit(el);
    await waitUntil(() => el.querySelector('.AsiSuccess.notice'));
    expect(proxy().posts.length).to.equal(1);
  });
});
