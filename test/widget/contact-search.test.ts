import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { withFakeProxy } from './fake-proxy.ts';
import type { GiftEntry } from '../../src/widget/gift-entry.ts';
import { IMIS_PARTY_SUMMARY_PATH, IMIS_VERIFICATION_HEADER } from '../../src/contract/imis-party.ts';
import { SAMPLE_CONTACTS, searchParties } from '../../src/imis-standin/party-search.ts';
import { control, expect, expectNoAxeViolations, fillValidGift, submit, waitUntil } from './widget-helpers.ts';

const TOKEN = 'page-verification-token';

/** iMIS's REST API on the page's origin, answered by the stand-in's own search code. */
function imisDouble() {
  const calls: string[] = [];
  let expired = false;
  const proxied = window.fetch;
  window.fetch = async (input, init) => {
    const url = new URL(String(input), location.href);
    if (!url.pathname.startsWith(IMIS_PARTY_SUMMARY_PATH)) return proxied(input, init);
    calls.push(url.pathname + url.search);
    const headers = new Headers(init?.headers);
    if (expired || headers.get(IMIS_VERIFICATION_HEADER) !== TOKEN) return new Response('{"Message":"Authorization has been denied for this request."}', { status: 401 });
    const id = url.pathname.slice(IMIS_PARTY_SUMMARY_PATH.length + 1);
    if (id) {
      const contact = SAMPLE_CONTACTS.find((c) => c.PartyId === id);
      return contact ? Response.json(contact) : new Response('{}', { status: 404 });
    }
    return Response.json(searchParties(url.searchParams));
  };
  return { calls, expire: () => (expired = true), restore: () => (window.fetch = proxied) };
}

function tokenField(): () => void {
  const field = document.createElement('input');
  field.type = 'hidden';
  field.id = '__RequestVerificationToken';
  field.value = TOKEN;
  document.body.append(field);
  return () => field.remove();
}

describe('finding the donor in iMIS', () => {
  const proxy = withFakeProxy();
  let imis: ReturnType<typeof imisDouble>;
  let removeToken: () => void;
  beforeEach(() => {
    removeToken = tokenField();
    imis = imisDouble();
  });
  afterEach(() => {
    imis.restore();
    removeToken();
  });

  async function mount(): Promise<GiftEntry> {
    sessionStorage.clear();
    const el = await fixture<GiftEntry>(html`<gift-entry></gift-entry>`);
    await waitUntil(() => el.querySelector('select[name="distribution"]:not([disabled])'));
    return el;
  }
  const search = (el: Element, which = 0) => el.querySelectorAll<HTMLInputElement>('gift-contact-picker input[role="combobox"]')[which]!;
  const options = (el: Element) => [...el.querySelectorAll('[role="option"]')].map((o) => o.textContent!.trim());

  it('typing searches once after a pause, lists matches, and the keyboard chooses one, filling the iMIS ID', async () => {
    const el = await mount();
    search(el).focus();
    await sendKeys({ type: 'lovelace' });
    await waitUntil(() => options(el).length === 2, 'results listed');
    expect(imis.calls, 'debounced: one request for the whole word').to.deep.equal([`${IMIS_PARTY_SUMMARY_PATH}?limit=10&offset=0&lastName=startsWith%3Alovelace`]);
    expect(search(el).getAttribute('aria-expanded')).to.equal('true');
    expect(el.querySelector('gift-contact-picker [role="status"]')!.textContent).to.contain('2 contacts found');
    await expectNoAxeViolations(el);

    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(search(el).getAttribute('aria-activedescendant')).to.equal(el.querySelectorAll('[role="option"]')[1]!.id);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(control(el, 'imisId').value).to.equal('102');
    expect(el.querySelector('.chosen-contact')!.textContent).to.contain('Byron Lovelace').and.contain('iMIS ID 102');
    expect(proxy().posts.length, 'Enter chose the contact, it did not submit the gift').to.equal(0);

    await fillValidGift(el, { firstName: '', lastName: '' });
    await submit(el);
    await waitUntil(() => el.querySelector('.AsiSuccess.notice'));
    expect(proxy().posts[0]!.imisId).to.equal('102');
    await el.updateComplete;
    expect(el.querySelector('.chosen-contact'), 'the next gift starts without a chosen donor').to.equal(null);
    expect(el.querySelector('gift-contact-picker [role="status"]')!.textContent).to.equal('');
  });

  it('"Change" clears the choice and returns to the search', async () => {
    const el = await mount();
    search(el).focus();
    await sendKeys({ type: '101' });
    await waitUntil(() => options(el).length === 1);
    options(el);
    (el.querySelector('[role="option"]') as HTMLElement).click();
    await el.updateComplete;
    el.querySelector<HTMLButtonElement>('.chosen-contact button')!.click();
    await el.updateComplete;
    expect(control(el, 'imisId').value).to.equal('');
    expect(document.activeElement).to.equal(search(el));
  });

  it('says so when nothing matches', async () => {
    const el = await mount();
    search(el).focus();
    await sendKeys({ type: 'zzzz' });
    await waitUntil(() => el.querySelector('gift-contact-picker [role="status"]')!.textContent!.includes('No contacts in iMIS match “zzzz”'));
    expect(search(el).getAttribute('aria-expanded')).to.equal('false');
  });

  it('an expired iMIS login gets a clear message, and nothing typed is lost', async () => {
    const el = await mount();
    await fillValidGift(el, { amount: '30' });
    imis.expire();
    search(el).focus();
    await sendKeys({ type: 'lovelace' });
    await waitUntil(() => el.querySelector('gift-contact-picker [role="status"]')!.textContent!.includes('iMIS login has expired'));
    expect(control(el, 'amount').value).to.equal('30.00');
  });

  it('pages long result lists with "More results"', async () => {
    const el = await mount();
    search(el).focus();
    await sendKeys({ type: 'smith' });
    await waitUntil(() => options(el).length === 11);
    expect(options(el).at(-1)).to.equal('More results…');
    (el.querySelectorAll('[role="option"]')[10] as HTMLElement).click();
    await waitUntil(() => options(el).length === 21);
  });

  it('the same search fills the soft credit', async () => {
    const el = await mount();
    search(el, 1).focus();
    await sendKeys({ type: 'hopper' });
    await waitUntil(() => options(el).length === 1);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(control(el, 'softCreditId').value).to.equal('103');
  });
});

describe('outside iMIS', () => {
  withFakeProxy();
  it('there is no search, only the plain iMIS ID inputs', async () => {
    sessionStorage.clear();
    const el = await fixture<GiftEntry>(html`<gift-entry></gift-entry>`);
    await waitUntil(() => el.querySelector('select[name="distribution"]:not([disabled])'));
    expect(el.querySelector('gift-contact-picker')).to.equal(null);
    expect(control(el, 'imisId')).to.not.equal(null);
  });
});
