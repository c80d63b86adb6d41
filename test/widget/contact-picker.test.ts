/**
 * The donor search as a processor at the keyboard meets it: an empty search for every gift,
 * Home/End/PageUp/PageDown in the results, city and email beside each name, and a pick that
 * says who was chosen. The iMIS behind it is the stand-in's search (test/widget/imis-double.ts).
 */
import { fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { withFakeProxy } from './fake-proxy.ts';
import { IMIS_TOKEN, withImisPage } from './imis-double.ts';
import type { ContactChosenEvent, ContactPicker } from '../../src/widget/contact-picker.ts';
import type { GiftEntry } from '../../src/widget/gift-entry.ts';
import { expect, expectNoAxeViolations, mountWidget, waitUntil } from './widget-helpers.ts';

/** People whose last name starts with "smith" in the stand-in: Sam Smith, Sam Smith 2 … Sam Smith 24. */
const SMITHS = 24;
const PAGE = 10;

const picker = (el: Element) => el.querySelector<ContactPicker>('gift-contact-picker')!;
const search = (el: Element) => picker(el).querySelector<HTMLInputElement>('input[role="combobox"]')!;
const options = (el: Element) => [...picker(el).querySelectorAll<HTMLElement>('[role="option"]')];
const texts = (el: Element) => options(el).map((o) => o.textContent!.replace(/\s+/g, ' ').trim());
const status = (el: Element) => picker(el).querySelector('[role="status"]')!.textContent!.trim();
/** The highlighted option's position, -1 for none. */
const active = (el: Element) => {
  const id = search(el).getAttribute('aria-activedescendant');
  return id ? options(el).findIndex((o) => o.id === id) : -1;
};
const press = (key: string) => sendKeys({ press: key });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** mulberry32: the same key sequence on every run, another one per seed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the donor search at the keyboard', () => {
  withFakeProxy();
  const page = withImisPage();

  async function searchFor(text: string, listed: number): Promise<GiftEntry> {
    const el = await mountWidget();
    search(el).focus();
    await sendKeys({ type: text });
    await waitUntil(() => options(el).length === listed, `${listed} options for "${text}"`);
    return el;
  }

  it('Home and End jump to the first and the last result, and the highlight stays in view', async () => {
    const el = await searchFor('smith', PAGE + 1);
    await press('End');
    expect(active(el), 'End: the last result, not "More results…"').to.equal(PAGE - 1);
    const list = picker(el).querySelector('[role="listbox"]')!.getBoundingClientRect();
    const last = options(el)[PAGE - 1]!.getBoundingClientRect();
    expect(last.top >= list.top && last.bottom <= list.bottom, 'scrolled into the list’s view').to.equal(true);
    await press('Home');
    expect(active(el)).to.equal(0);
    expect(search(el).value, 'the keys moved in the list, the text is as typed').to.equal('smith');
  });

  it('PageDown reaches "More results…", and PageDown again loads and highlights the 11th result', async () => {
    const el = await searchFor('smith', PAGE + 1);
    await press('PageDown');
    expect(texts(el)[active(el)]).to.equal('More results…');
    await press('PageDown');
    await waitUntil(() => options(el).length === 2 * PAGE + 1, 'the next page');
    expect(active(el), 'the first result of the new page').to.equal(PAGE);
    expect(texts(el)[PAGE]).to.equal('Sam Smith 11 — Springfield · sam10@example.org · iMIS ID 310');
    expect(status(el)).to.contain('number 11 highlighted');
    await press('PageUp');
    expect(active(el), 'PageUp: a page back').to.equal(0);
    await press('PageUp');
    expect(active(el), 'and no further than the first').to.equal(0);
  });

  it('with the list closed, Home and End stay in the text', async () => {
    const el = await searchFor('smith', PAGE + 1);
    await press('Escape');
    expect(search(el).getAttribute('aria-expanded')).to.equal('false');
    await press('Home');
    expect(search(el).selectionStart, 'the caret went to the start').to.equal(0);
    await press('End');
    expect(search(el).selectionStart).to.equal('smith'.length);
  });

  for (const seed of [1, 2, 3]) {
    it(`any sequence of list keys lands where the APG combobox says (seed ${seed})`, async () => {
      const el = await searchFor('smith', PAGE + 1);
      const next = random(seed);
      const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageUp', 'PageDown', 'PageDown'];
      // The model: n results loaded, whether "More results…" follows them, which is highlighted.
      let n = PAGE;
      let more = true;
      let at = 0;
      const pressed: string[] = [];
      for (let step = 0; step < 30; step++) {
        const key = keys[Math.floor(next() * keys.length)]!;
        pressed.push(key);
        const total = n + (more ? 1 : 0);
        if (key === 'PageDown' && more && at === total - 1) {
          at = n;
          n = Math.min(n + PAGE, SMITHS);
          more = n < SMITHS;
        } else
          at = {
            ArrowDown: (at + 1) % total,
            ArrowUp: (at - 1 + total) % total,
            Home: 0,
            End: n - 1,
            PageUp: Math.max(at - PAGE, 0),
            PageDown: Math.min(at + PAGE, total - 1),
          }[key]!;
        await press(key);
        const expected = { options: n + (more ? 1 : 0), active: at };
        await waitUntil(
          () => options(el).length === expected.options && active(el) === expected.active,
          `after ${pressed.join(' ')}: expected ${JSON.stringify(expected)}, got ${JSON.stringify({ options: options(el).length, active: active(el) })}`,
        );
      }
    });
  }

  it('each result shows city and email beside the name, so two Lovelaces (or Sam Smiths) are told apart', async () => {
    const el = await searchFor('lovelace', 2);
    expect(texts(el)).to.deep.equal([
      'Ada Lovelace — London · ada@example.org · iMIS ID 101',
      'Byron Lovelace — London · byron@example.org · iMIS ID 102',
    ]);
    expect(options(el)[0]!.hasAttribute('aria-label'), 'the accessible name is this text').to.equal(false);
    await expectNoAxeViolations(el);
  });

  it('at 320 px a long email wraps inside the list: nothing scrolls sideways', async () => {
    const imis = window.fetch;
    // The stand-in's emails are short: lengthen them as a development office's might be.
    window.fetch = async (input, init) => {
      const response = await imis(input, init);
      if (!String(input).includes('api/PartySummary?')) return response;
      const body = (await response.json()) as { Items: { $values: { Email: string }[] } };
      for (const c of body.Items.$values) c.Email = c.Email.replace('@', '.majorgiftsandplannedgivingoffice@');
      return Response.json(body);
    };
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await searchFor('lovelace', 2);
      const list = picker(el).querySelector<HTMLElement>('[role="listbox"]')!;
      expect(texts(el)[0]).to.contain('ada.majorgiftsandplannedgivingoffice@example.org');
      expect(list.scrollWidth, 'the list does not scroll sideways').to.be.at.most(list.clientWidth);
      // The donor search's own box; the page as a whole is the soft-credit fieldset's (issue 14, item 6).
      for (const box of [picker(el), ...options(el)]) expect(box.getBoundingClientRect().right).to.be.at.most(320);
      await expectNoAxeViolations(el);
    } finally {
      window.fetch = imis;
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('a pick tells the host, once, who was chosen with city and iMIS ID, for its live region; axe is clean after it', async () => {
    const el = await searchFor('smith', PAGE + 1);
    const told: ContactChosenEvent[] = [];
    el.addEventListener('contact-chosen', (e) => told.push(e));
    await press('PageDown');
    await press('PageDown');
    await waitUntil(() => active(el) === PAGE, 'the 11th result highlighted');
    await press('Enter');
    await waitUntil(() => el.querySelector('.contact-card'), 'the chosen donor is shown');
    expect(told.map((e) => [e.detail.Id, e.announcement])).to.deep.equal([['310', 'Donor chosen: Sam Smith 11, Springfield, iMIS ID 310']]);
    await waitUntil(
      () => el.querySelector('.visually-hidden[role="status"]')?.textContent === 'Donor chosen: Sam Smith 11, Springfield, iMIS ID 310',
      'the widget speaks who was chosen, in its live region',
    );
    await expectNoAxeViolations(el);
  });

  it('the host names the choice: chosen-label="Donor chosen"', async () => {
    const told: string[] = [];
    const el = await fixture<ContactPicker>(
      html`<gift-contact-picker
        chosen-label="Donor chosen"
        .token=${IMIS_TOKEN}
        @contact-chosen=${(e: ContactChosenEvent) => told.push(e.announcement)}
      ></gift-contact-picker>`,
    );
    el.focus();
    await sendKeys({ type: 'hopp' });
    await press('Enter');
    await waitUntil(() => told.length > 0, 'a pick');
    expect(told).to.deep.equal(['Donor chosen: Grace Hopper, Arlington, iMIS ID 103']);
  });

  describe('reset(): every gift starts with an empty search', () => {
    it('after a new donor typed by hand, the next search is for what is typed next, not "NúñezAcme"', async () => {
      const el = await searchFor('Núñez', 0);
      await waitUntil(() => status(el).includes('No contacts in iMIS match “Núñez”'));
      picker(el).reset();
      await picker(el).updateComplete;
      expect([search(el).value, status(el), options(el).length]).to.deep.equal(['', '', 0]);
      page.imis().calls.length = 0;
      search(el).focus();
      await sendKeys({ type: 'Acme' });
      await waitUntil(() => options(el).length === 1, 'Acme found');
      expect(page.imis().calls.map((call) => new URL(call, location.href).searchParams.toString())).to.deep.equal([
        'limit=10&offset=0&lastName=startsWith%3AAcme',
        'limit=10&offset=0&name=startsWith%3AAcme',
      ]);
      expect(texts(el)[0]).to.match(/^Acme Foundation — Springfield/);
    });

    it('a search still waiting for the typing pause is never sent', async () => {
      const el = await mountWidget();
      search(el).focus();
      await sendKeys({ type: 'lovelace' });
      picker(el).reset();
      await sleep(500);
      expect(page.imis().calls, 'no search went to iMIS').to.deep.equal([]);
      expect([search(el).value, status(el), options(el).length]).to.deep.equal(['', '', 0]);
    });

    it('a search on its way is dropped: its answer never fills the new gift’s list', async () => {
      const el = await mountWidget();
      const release = page.imis().hold();
      search(el).focus();
      await sendKeys({ type: 'lovelace' });
      await waitUntil(() => page.imis().calls.length === 2, 'the search sent');
      expect(status(el)).to.equal('Searching iMIS…');
      picker(el).reset();
      release();
      await sleep(100);
      await picker(el).updateComplete;
      expect([search(el).value, status(el), options(el).length]).to.deep.equal(['', '', 0]);
      expect(search(el).getAttribute('aria-expanded')).to.equal('false');
    });

    it('an open list is closed and emptied', async () => {
      const el = await searchFor('smith', PAGE + 1);
      await press('PageDown');
      picker(el).reset();
      await picker(el).updateComplete;
      expect([search(el).value, status(el), options(el).length, active(el)]).to.deep.equal(['', '', 0, -1]);
      await sendKeys({ type: 'lovelace' });
      await waitUntil(() => options(el).length === 2);
      expect(active(el), 'a new search starts at its first result').to.equal(0);
    });
  });
});
