/**
 * Signing in through iMIS, as staff meet it: the widget says when a sign-in is needed, takes the
 * grant only from the proxy's own sign-in page, sends the session with every call, renews it
 * before it ends, and loses nothing — the gift being recorded included — while the person signs
 * in again. The proxy is the fake (fake-sessions.ts); the popup is a stub whose message the test
 * posts the way the proxy's answer page posts it to `window.opener`.
 */
import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SESSION_HEADER, SIGN_IN_MESSAGE, type SessionGrant, type SignInMessage } from '../../src/contract/session-api.ts';
import type { GiftEntry } from '../../src/widget/gift-entry.ts';
import { sessionKey } from '../../src/widget/proxy-client.ts';
import type { StoredSession } from '../../src/widget/session-store.ts';
import { withFakeProxy } from './fake-proxy.ts';
import { SIGN_IN_URL } from './fake-sessions.ts';
import { withImisPage } from './imis-double.ts';
import { control, expect, expectNoAxeViolations, fill, fillValidGift, pickersReady, waitUntil } from './widget-helpers.ts';

const STORAGE_KEY = sessionKey(location.origin);

/** The popup as the widget sees it: what it opened, whether the browser blocked it, whether it closed it. */
const popup = { opened: [] as string[], blocked: false, closed: 0 };
const realOpen = window.open;

function granted(grant: SessionGrant): SignInMessage {
  return { type: SIGN_IN_MESSAGE.granted, grant };
}

/** The proxy's sign-in page posting to its opener: from the proxy's origin, which is this page's here. */
function postFromSignInPage(message: unknown): void {
  window.postMessage(message, location.origin);
}

const panelText = (el: Element) => el.querySelector('gift-sign-in')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const signInButton = (el: Element) => el.querySelector<HTMLButtonElement>('gift-sign-in .sign-in-prompt button');
/** Who the widget says is signed in (the status line alone, without its Sign out button). */
const signedInAs = (el: Element) => el.querySelector('gift-sign-in [role="status"]')?.textContent?.trim() ?? '';
const lookupsLoaded = (el: Element) => el.querySelector('select[name="distribution"]:not([disabled])');

async function mountSignedOut(attributes = 'mode="immediate"'): Promise<GiftEntry> {
  sessionStorage.clear();
  const el = await fixture<GiftEntry>(`<gift-entry ${attributes}></gift-entry>`);
  await waitUntil(() => signInButton(el), 'the sign-in prompt');
  return el;
}

/** A tab that signed in earlier (before a reload): the grant is in sessionStorage. */
async function mountSignedIn(grant: SessionGrant, attributes = 'mode="immediate"', renewAt = Date.now() + 3_600_000): Promise<GiftEntry> {
  sessionStorage.clear();
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ grant, renewAt } satisfies StoredSession));
  const el = await fixture<GiftEntry>(`<gift-entry ${attributes}></gift-entry>`);
  await waitUntil(() => lookupsLoaded(el), 'lookups with the session');
  return el;
}

describe('signing in through iMIS', () => {
  const proxy = withFakeProxy();
  beforeEach(() => {
    proxy().sessions.on = true;
    Object.assign(popup, { opened: [], blocked: false, closed: 0 });
    window.open = ((url?: string | URL) => {
      popup.opened.push(String(url));
      return popup.blocked ? null : ({ close: () => popup.closed++ } as unknown as Window);
    }) as typeof window.open;
  });
  afterEach(() => {
    window.open = realOpen;
    sessionStorage.clear();
  });

  it('asks for a sign-in, takes the grant only from the proxy’s origin and in the right shape, then records with the session and shows the verified name', async () => {
    const el = await mountSignedOut();
    expect(panelText(el)).to.contain('Sign in to iMIS to record gifts.');
    expect(el.querySelector('gift-sign-in [role="alert"]'), 'spoken as an alert').to.exist;
    expect(document.activeElement, 'nobody was typing: focus on the Sign in button').to.equal(signInButton(el));
    await expectNoAxeViolations(el);

    signInButton(el)!.click();
    expect(popup.opened).to.deep.equal([SIGN_IN_URL]);
    await el.updateComplete;
    expect(panelText(el)).to.contain('Finish signing in in the iMIS window that opened');
    expect(document.activeElement, 'focus stays on the button, which can open the window again').to.equal(signInButton(el));
    await expectNoAxeViolations(el);

    const grant = proxy().sessions.grant({ id: 'STAFF7', name: 'Jane Doe' });
    // Any page may post to this window: another origin's message is ignored, and so is a wrong shape from the right one.
    window.dispatchEvent(new MessageEvent('message', { data: granted(grant), origin: 'http://evil.example' }));
    postFromSignInPage({ type: SIGN_IN_MESSAGE.granted, grant: { ...grant, party: { id: 'STAFF7' } } });
    postFromSignInPage({ type: 'gift-entry:something-else', grant });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sessionStorage.getItem(STORAGE_KEY), 'no grant taken').to.equal(null);
    expect(lookupsLoaded(el), 'still waiting for a sign-in').to.equal(null);

    postFromSignInPage(granted(grant));
    await waitUntil(() => lookupsLoaded(el), 'the calls that waited go on with the session');
    expect(signedInAs(el)).to.equal('Signed in as Jane Doe');
    expect(el.querySelector('gift-sign-in [role="status"]')).to.exist;
    expect(popup.closed, 'the sign-in window is closed').to.equal(1);
    await expectNoAxeViolations(el);

    await fillValidGift(el);
    el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => proxy().posts.length === 1, 'recorded');
    const posted = proxy().sessions.calls.filter((call) => call.path === '/api/gifts' && call.method === 'POST');
    expect(posted.map((call) => call.session)).to.deep.equal([grant.token]);
    expect(proxy().headers.filter((headers) => headers.get(SESSION_HEADER) === grant.token).length).to.be.greaterThan(1);
  });

  it('a session expiring mid-batch: says so, keeps the gift typed and the batch, and sends that gift once after signing in again', async () => {
    const first = proxy().sessions.grant({ name: 'Jane Doe' });
    const el = await mountSignedIn(first, 'mode="review" fund="GEN"');
    await waitUntil(() => el.querySelector('select[name="batch-distribution"]:not([disabled])'), 'the batch form');
    for (const [field, value] of Object.entries({ receivedDate: '12/02/2026', count: '2', total: '75' }))
      await fill(el, `batch-${field}`, value);
    el.querySelector<HTMLButtonElement>('form.batch-setup button[type="submit"]')!.click();
    await waitUntil(() => el.querySelector('.batch-line'), 'the batch started');
    await fillValidGift(el, { amount: '50' });
    el.querySelector<HTMLButtonElement>('form.gift-form button[type="submit"]')!.click();
    await waitUntil(() => el.querySelectorAll('.batch-table tbody tr').length === 1, 'the first gift kept');
    await el.updateComplete;

    proxy().sessions.expire(first.token);
    await fillValidGift(el, { amount: '25', firstName: 'Grace', lastName: 'Hopper', emailAddress: 'grace@example.org' });
    el.querySelector<HTMLButtonElement>('form.gift-form button[type="submit"]')!.click();
    await waitUntil(
      () => panelText(el).includes('Your sign-in expired — sign in again; the gift you were typing is kept.'),
      'the expiry said',
    );
    expect(el.querySelector('gift-sign-in .AsiWarning')).to.exist;
    expect(control(el, 'lastName').value, 'the gift typed is on screen').to.equal('Hopper');
    expect(control(el, 'amount').value).to.equal('25.00');
    expect(el.querySelectorAll('.batch-table tbody tr').length, 'the batch is still there').to.equal(1);
    expect(el.querySelector<HTMLFormElement>('form.gift-form')!.inert, 'the gift waiting to go cannot be changed behind its back').to.equal(
      true,
    );
    expect(document.activeElement, 'focus on Sign in again (the person had just pressed a button)').to.equal(signInButton(el));
    await expectNoAxeViolations(el);

    signInButton(el)!.click();
    const second = proxy().sessions.grant({ name: 'Jane Doe' });
    postFromSignInPage(granted(second));
    await waitUntil(() => el.querySelectorAll('.batch-table tbody tr').length === 2, 'the gift that waited is kept in the batch');
    const [batch] = [...proxy().batches.values()];
    expect(batch!.gifts.map((row) => row.gift.amount)).to.deep.equal([50, 25]);
    const puts = proxy().sessions.calls.filter((call) => call.method === 'PUT');
    expect(
      puts.map((call) => call.session),
      'each gift stored once: the first with the old session, the one that waited with the new',
    ).to.deep.equal([first.token, second.token]);
    expect(signedInAs(el)).to.equal('Signed in as Jane Doe');
    await waitUntil(() => control(el, 'lastName').value === '', 'a fresh form for the next gift');
    expect(el.querySelector<HTMLFormElement>('form.gift-form')!.inert).to.equal(false);
    await expectNoAxeViolations(el);
  });

  it('renews the session at three quarters of its life, and at once when the page wakes after a sleep', async () => {
    const short = proxy().sessions.grant({ name: 'Jane Doe', lifetimeMs: 1600 });
    const el = await mountSignedIn(short, 'mode="immediate"', Date.now() + 1200);
    await waitUntil(() => proxy().sessions.renewed.length === 1, 'renewed before it ended', { timeout: 3000 });
    expect(proxy().sessions.renewed).to.deep.equal([short.token]);
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY)!) as StoredSession;
    expect(stored.grant.token).to.not.equal(short.token);
    await fillValidGift(el);
    el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => proxy().posts.length === 1);
    const posted = proxy().sessions.calls.find((call) => call.path === '/api/gifts' && call.method === 'POST');
    expect(posted?.session, 'the gift goes with the renewed session').to.equal(stored.grant.token);
    expect(signInButton(el), 'never asked to sign in').to.equal(null);

    // The laptop slept: the renewal's timer did not fire in time. Waking (focus) renews at once.
    const late = JSON.parse(sessionStorage.getItem(STORAGE_KEY)!) as StoredSession;
    const renewals = proxy().sessions.renewed.length;
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ ...late, renewAt: Date.now() - 1 }));
    window.dispatchEvent(new Event('focus'));
    await waitUntil(() => proxy().sessions.renewed.length === renewals + 1, 'renewed on waking');
  });

  it('a person without the gift entry role is told so in words, and sees no form to fill in vain', async () => {
    const el = await mountSignedOut();
    signInButton(el)!.click();
    postFromSignInPage({ type: SIGN_IN_MESSAGE.refused, message: 'Sam Smith holds no iMIS role allowed to enter gifts.' });
    await waitUntil(() => el.querySelector('gift-sign-in .AsiError'), 'the refusal');
    expect(panelText(el)).to.contain(
      'Your iMIS account is not allowed to enter gifts (ask your iMIS administrator for the gift entry role',
    );
    expect(panelText(el)).to.contain('Sam Smith holds no iMIS role allowed to enter gifts.');
    expect(popup.closed).to.equal(1);
    await waitUntil(() => el.querySelector('.lookups-error'), 'the calls that waited end with the proxy’s words');
    await expectNoAxeViolations(el);
  });

  it('a signed-in person whose role was taken away is refused by the proxy (403) and told so', async () => {
    const el = await mountSignedOut();
    const grant = proxy().sessions.grant({ name: 'Sam Smith', allowed: false });
    signInButton(el)!.click();
    postFromSignInPage(granted(grant));
    await waitUntil(() => el.querySelector('gift-sign-in .AsiError'), 'the refusal');
    expect(panelText(el)).to.contain('Your iMIS account is not allowed to enter gifts');
    expect(el.querySelector('.lookups-error')!.textContent).to.contain('Sam Smith holds no iMIS role allowed to enter gifts.');
    await expectNoAxeViolations(el);
  });

  it('a browser that blocks the sign-in window is told how to go on', async () => {
    popup.blocked = true;
    const el = await mountSignedOut();
    signInButton(el)!.click();
    await el.updateComplete;
    await el.querySelector('gift-sign-in')!.updateComplete;
    expect(panelText(el)).to.contain(
      'Your browser blocked the iMIS sign-in window. Allow pop-ups for this page, then press Sign in again.',
    );
    expect(document.activeElement, 'focus stays on the button').to.equal(signInButton(el));
    await expectNoAxeViolations(el);
  });

  it('a sign-in page given relative to the proxy opens on the proxy, not on the page holding the widget', async () => {
    proxy().sessions.url = '/imis/Staff/Sign_in_to_gift_entry.aspx';
    const el = await mountSignedOut('mode="immediate" endpoint="http://proxy.example:8080/"');
    signInButton(el)!.click();
    expect(popup.opened).to.deep.equal(['http://proxy.example:8080/imis/Staff/Sign_in_to_gift_entry.aspx']);
  });

  it('a supervisor is named as one', async () => {
    const el = await mountSignedIn(proxy().sessions.grant({ name: 'Pat Lee', supervisor: true }));
    await waitUntil(() => signedInAs(el));
    expect(signedInAs(el)).to.equal('Signed in as Pat Lee (supervisor: sees every gift)');
    await expectNoAxeViolations(el);
  });

  it('Sign out ends the session at the proxy and here; Sign in then opens the page the proxy names', async () => {
    const grant = proxy().sessions.grant({ name: 'Jane Doe' });
    const el = await mountSignedIn(grant);
    await waitUntil(() => signedInAs(el) === 'Signed in as Jane Doe');
    const OTHER_PAGE = 'https://imis.example.org/Staff/Another_sign_in_page';
    proxy().sessions.url = OTHER_PAGE;
    el.querySelector<HTMLButtonElement>('gift-sign-in .signed-in button')!.click();
    await waitUntil(() => panelText(el).includes('You signed out of gift entry. Sign in to iMIS to record gifts.'), 'signed out');
    const ended = proxy().sessions.calls.filter((call) => call.path === '/api/session' && call.method === 'DELETE');
    expect(ended.map((call) => call.session)).to.deep.equal([grant.token]);
    expect(sessionStorage.getItem(STORAGE_KEY)).to.equal(null);
    await el.querySelector('gift-sign-in')!.updateComplete;
    expect(document.activeElement, 'focus on Sign in, not lost with the Sign out button').to.equal(signInButton(el));
    await expectNoAxeViolations(el);
    signInButton(el)!.click();
    expect(popup.opened, 'the sign-in page the proxy names, asked for after signing out').to.deep.equal([OTHER_PAGE]);
    const again = proxy().sessions.grant({ name: 'Jane Doe' });
    postFromSignInPage(granted(again));
    await waitUntil(() => signedInAs(el) === 'Signed in as Jane Doe', 'signed in again');
    await fillValidGift(el);
    el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => proxy().posts.length === 1, 'recorded once signed in again');
    expect(proxy().sessions.calls.find((call) => call.method === 'POST' && call.path === '/api/gifts')?.session).to.equal(again.token);
  });

  describe('inside iMIS', () => {
    withImisPage();

    it('a known donor is still twelve keys once signed in', async () => {
      sessionStorage.clear();
      const grant = proxy().sessions.grant({ name: 'Jane Doe' });
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ grant, renewAt: Date.now() + 3_600_000 } satisfies StoredSession));
      const el = await fixture<GiftEntry>(html`<gift-entry mode="immediate" autofocus fund="GEN"></gift-entry>`);
      await pickersReady(el);
      await waitUntil(() => document.activeElement?.matches('gift-contact-picker input'), 'autofocus in the donor search');
      await waitUntil(() => lookupsLoaded(el));
      await waitUntil(() => signedInAs(el) === 'Signed in as Jane Doe');
      let keys = 0;
      const press = async (key: string) => (keys++, sendKeys({ press: key }));
      for (const letter of 'Hopp') await press(letter);
      await press('Enter');
      await waitUntil(() => document.activeElement === control(el, 'amount'), 'the single match picked');
      for (const digit of '25') await press(digit);
      await press('Enter');
      await waitUntil(() => proxy().posts.length === 1, 'recorded');
      expect(keys).to.be.at.most(12);
      expect(proxy().posts[0]).to.include({ imisId: '103', amount: 25, distribution: 'GEN' });
      expect(proxy().sessions.calls.find((call) => call.method === 'POST' && call.path === '/api/gifts')?.session).to.equal(grant.token);
      await waitUntil(() => document.activeElement?.matches('gift-contact-picker input'), 'ready for the next gift');
    });
  });
});
