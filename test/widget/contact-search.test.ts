import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { withFakeProxy } from './fake-proxy.ts';
import { IMIS_BASE_URL, IMIS_TOKEN, withImisPage } from './imis-double.ts';
import type { GiftEntry } from '../../src/widget/gift-entry.ts';
import { partySummary } from '../../src/imis-standin/party-search.ts';
import { contactDetails, nameMatches, searchContacts, type SearchOutcome } from '../../src/widget/imis-search.ts';
import { control, expect, expectNoAxeViolations, fill, fillValidGift, submit, waitUntil, pickersReady } from './widget-helpers.ts';

const TOKEN = IMIS_TOKEN;
const BASE_URL = IMIS_BASE_URL;
const SUMMARY = `${BASE_URL}api/PartySummary`;
const options = (el: Element) => [...el.querySelectorAll('[role="option"]')].map((o) => o.textContent!.trim());

describe('finding the donor in iMIS', () => {
  const proxy = withFakeProxy();
  const page = withImisPage();

  async function mount(): Promise<GiftEntry> {
    sessionStorage.clear();
    const el = await fixture<GiftEntry>(html`<gift-entry mode="immediate"></gift-entry>`);
    await waitUntil(() => el.querySelector('select[name="distribution"]:not([disabled])'));
    await pickersReady(el);
    return el;
  }
  const search = (el: Element, which = 0) => el.querySelectorAll<HTMLInputElement>('gift-contact-picker input[role="combobox"]')[which]!;

  const card = (el: Element, field = 'imisId') => el.querySelector(`.contact-card [data-field="${field}"]`)?.textContent ?? '';

  it('typing searches once after a pause, lists matches, and the keyboard chooses one as the donor', async () => {
    const el = await mount();
    search(el).focus();
    await sendKeys({ type: 'lovelace' });
    await waitUntil(() => options(el).length === 2, 'results listed');
    expect(
      page.imis().calls,
      'debounced: one search (a person and an organisation query) for the whole word, under the site’s baseUrl',
    ).to.deep.equal([
      `${SUMMARY}?limit=10&offset=0&lastName=startsWith%3Alovelace`,
      `${SUMMARY}?limit=10&offset=0&name=startsWith%3Alovelace`,
    ]);
    expect(search(el).getAttribute('aria-expanded')).to.equal('true');
    expect(el.querySelector('gift-contact-picker [role="status"]')!.textContent).to.contain('2 contacts found');
    await expectNoAxeViolations(el);

    expect(search(el).getAttribute('aria-activedescendant'), 'the first match is highlighted').to.equal(
      el.querySelectorAll('[role="option"]')[0]!.id,
    );
    await sendKeys({ press: 'ArrowDown' });
    expect(search(el).getAttribute('aria-activedescendant')).to.equal(el.querySelectorAll('[role="option"]')[1]!.id);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => card(el), 'the chosen donor is shown');
    expect(card(el)).to.equal('102');
    expect(el.querySelector('.contact-card')!.textContent).to.contain('Byron Lovelace');
    expect(proxy().posts.length, 'Enter chose the contact, it did not submit the gift').to.equal(0);

    await fill(el, 'amount', '25');
    await fill(el, 'distribution', 'GEN');
    await submit(el);
    await waitUntil(() => el.querySelector('.AsiSuccess.notice'));
    expect(proxy().posts[0]!.imisId).to.equal('102');
    await el.updateComplete;
    expect(el.querySelector('.contact-card'), 'the next gift starts without a chosen donor').to.equal(null);
  });

  it('"Change" clears the choice and returns to the search', async () => {
    const el = await mount();
    search(el).focus();
    await sendKeys({ type: '101' });
    await waitUntil(() => options(el).length === 1);
    options(el);
    (el.querySelector('[role="option"]') as HTMLElement).click();
    await waitUntil(() => card(el) === '101');
    el.querySelector<HTMLButtonElement>('.contact-card button')!.click();
    await waitUntil(() => document.activeElement === search(el), 'focus back in the search');
    expect(el.querySelector('.contact-card')).to.equal(null);
  });

  it('says so when nothing matches', async () => {
    const el = await mount();
    search(el).focus();
    await sendKeys({ type: 'zzzz' });
    await waitUntil(() =>
      el.querySelector('gift-contact-picker [role="status"]')!.textContent!.includes('No contacts in iMIS match “zzzz”'),
    );
    expect(search(el).getAttribute('aria-expanded')).to.equal('false');
  });

  it('an expired iMIS login gets a clear message, and nothing typed is lost', async () => {
    const el = await mount();
    await fillValidGift(el, { amount: '30' });
    page.imis().expire();
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
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => card(el, 'softCreditId'));
    expect(card(el, 'softCreditId')).to.equal('103');
  });
});

describe('the search finds a donor however staff type them', () => {
  withFakeProxy();
  const page = withImisPage();
  const ids = (outcome: SearchOutcome) => (outcome.kind === 'found' ? outcome.contacts.map((c) => c.Id) : outcome.kind);
  const find = async (text: string) => ids(await searchContacts(text, 0, TOKEN, new AbortController().signal));

  it('by last name, "first last", "last, first", email, exact iMIS ID and organisation name', async () => {
    expect(await find('Lovelace')).to.deep.equal(['101', '102']);
    expect(await find('ada love')).to.deep.equal(['101']);
    expect(await find('Lovelace, Ada')).to.deep.equal(['101']);
    expect(await find('grace@example')).to.deep.equal(['103']);
    expect(await find('104')).to.deep.equal(['104']);
    expect(page.imis().calls.at(-1), 'an ID is looked up exactly').to.equal(`${SUMMARY}/104`);
    expect(await find('Acme')).to.deep.equal(['200']);
    expect(await find('Acme Foundation')).to.deep.equal(['200']);
    expect(
      page.imis().calls.every((path) => path.startsWith(SUMMARY)),
      page.imis().calls.join('\n'),
    ).to.equal(true);
  });

  it('an iMIS that refuses the organisation filter still finds people; a contact in both lists appears once', async () => {
    page.imis().nameFilter = 'refused';
    expect(await find('Lovelace')).to.deep.equal(['101', '102']);
    expect(await find('Acme'), 'no organisation, and no failure either').to.deep.equal([]);
    page.imis().nameFilter = 'applied';
    expect(await find('Sam'), 'first-name matches via the name filter, no duplicates').to.have.length(10);
  });

  describe('organisations are kept only when their name matches what was typed, whatever iMIS does with `name`', () => {
    const more = async (text: string) => {
      const outcome = await searchContacts(text, 0, TOKEN, new AbortController().signal);
      return outcome.kind === 'found' && outcome.nextOffset !== undefined;
    };

    it('applied: iMIS’s own matches, paged', async () => {
      page.imis().nameFilter = 'applied';
      expect(await find('Acme')).to.deep.equal(['200']);
      expect(await find('Acme Found')).to.deep.equal(['200']);
      expect(await find('Sam')).to.deep.equal(['300', '301', '302', '303', '304', '305', '306', '307', '308', '309']);
      expect(await more('Sam'), 'the next page is iMIS’s next matches').to.equal(true);
    });

    it('refused: no organisation, people still found', async () => {
      page.imis().nameFilter = 'refused';
      expect(await find('Acme')).to.deep.equal([]);
      expect(await find('Ada Lovelace')).to.deep.equal(['101']);
    });

    it('ignored: the unrelated contacts iMIS sends are dropped, and "More" does not page through the whole site', async () => {
      page.imis().nameFilter = 'ignored';
      expect(await find('Acme')).to.deep.equal(['200']);
      expect(await find('ÁCME found'), 'case and accents aside, each word begins a word of the name').to.deep.equal(['200']);
      expect(await find('foundation')).to.deep.equal(['200']);
      expect(await find('Lovelace')).to.deep.equal(['101', '102']);
      expect(await find('zzzz')).to.deep.equal([]);
      expect(await more('Acme')).to.equal(false);
    });

    it('ignored, in the picker: typing "Acme" lists Acme Foundation alone', async () => {
      page.imis().nameFilter = 'ignored';
      const el = await fixture<GiftEntry>(html`<gift-entry></gift-entry>`);
      await waitUntil(() => el.querySelector('select[name="distribution"]:not([disabled])'));
      el.querySelector<HTMLInputElement>('gift-contact-picker input')!.focus();
      await sendKeys({ type: 'Acme' });
      await waitUntil(() => el.querySelector('gift-contact-picker [role="status"]')!.textContent!.includes('found'));
      expect([...el.querySelectorAll('[role="option"]')].map((o) => o.textContent!.trim())).to.deep.equal([
        'Acme Foundation — Springfield · giving@acme.example · iMIS ID 200',
      ]);
    });

    it('ignored, in the picker: a person the ignored query brings back on a later page is listed once', async () => {
      page.imis().nameFilter = 'ignored';
      const el = await fixture<GiftEntry>(html`<gift-entry></gift-entry>`);
      await waitUntil(() => el.querySelector('select[name="distribution"]:not([disabled])'));
      el.querySelector<HTMLInputElement>('gift-contact-picker input')!.focus();
      await sendKeys({ type: 'smith' });
      await waitUntil(() => options(el).length === 11);
      await sendKeys({ press: 'PageDown' });
      await sendKeys({ press: 'PageDown' });
      await waitUntil(() => options(el).length === 21, 'the second page');
      const ids = options(el)
        .map((text) => /iMIS ID (\d+)/.exec(text)?.[1])
        .filter(Boolean);
      expect(ids).to.deep.equal(Array.from({ length: 20 }, (_, i) => String(300 + i)));
    });

    it('the match: each typed word begins a word of the name, or the name begins with the text', () => {
      expect(nameMatches('Fundación Núñez', 'nunez')).to.equal(true);
      expect(nameMatches('Fundacion Nunez', 'Fundación NÚÑEZ')).to.equal(true);
      expect(nameMatches('Acme Foundation', 'found acme')).to.equal(true);
      expect(nameMatches("O'Brien Trust", 'obrien')).to.equal(true);
      expect(nameMatches("O'Brien Trust", "o'brien tr")).to.equal(true);
      expect(nameMatches('Acme Foundation', 'cme')).to.equal(false);
      expect(nameMatches('Acme Foundation', 'acme trust')).to.equal(false);
      expect(nameMatches('Ada Lovelace', 'Acme')).to.equal(false);
      expect(nameMatches('Ada Lovelace', '  ')).to.equal(false);
    });
  });

  it('a chosen contact’s names and email come from the full Party record under the baseUrl', async () => {
    const signal = new AbortController().signal;
    expect(await contactDetails(partySummary('101')!, TOKEN, signal)).to.deep.equal({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.org',
      organizationName: '',
    });
    expect(page.imis().calls.at(-1)).to.equal(`${BASE_URL}api/Party/101`);
    expect(await contactDetails(partySummary('200')!, TOKEN, signal)).to.deep.equal({
      firstName: '',
      lastName: '',
      email: 'giving@acme.example',
      organizationName: 'Acme Foundation',
    });
  });
});

describe('outside iMIS', () => {
  withFakeProxy();
  it('there is no search, only the plain iMIS ID inputs', async () => {
    sessionStorage.clear();
    const el = await fixture<GiftEntry>(html`<gift-entry mode="immediate"></gift-entry>`);
    await waitUntil(() => el.querySelector('select[name="distribution"]:not([disabled])'));
    expect(el.querySelector('gift-contact-picker')).to.equal(null);
    expect(control(el, 'imisId')).to.not.equal(null);
  });
});
