/**
 * A gift that waited in the browser while the iMIS sign-in expired goes after the next sign-in,
 * under the session of the person who typed it — and never under anyone else's.
 */
import { fixture } from '@open-wc/testing';
import { SIGN_IN_MESSAGE, type SessionGrant } from '../../src/contract/session-api.ts';
import type { GiftEntry } from '../../src/widget/gift-entry.ts';
import { sessionKey } from '../../src/widget/proxy-client.ts';
import type { StoredSession } from '../../src/widget/session-store.ts';
import { withFakeProxy } from './fake-proxy.ts';
import { emptyOutbox } from './outbox-store.ts';
import { expect, expectNoAxeViolations, fillValidGift, submit, waitUntil } from './widget-helpers.ts';

const STORAGE_KEY = sessionKey(location.origin);
const realOpen = window.open;
const signInButton = (el: Element) => el.querySelector<HTMLButtonElement>('gift-sign-in .sign-in-prompt button');
const rowStatus = (el: Element, id: string) => el.querySelector(`tr[data-id="${id}"] .status`)?.textContent?.trim();
const giftPosts = (calls: Array<{ path: string; method: string; session: string | null }>) =>
  calls.filter((call) => call.path === '/api/gifts' && call.method === 'POST');

describe('waiting gifts and iMIS sign-in', () => {
  const proxy = withFakeProxy();
  beforeEach(async () => {
    await emptyOutbox();
    proxy().sessions.on = true;
    window.open = (() => ({ close: () => {} }) as unknown as Window) as typeof window.open;
  });
  afterEach(() => {
    window.open = realOpen;
    sessionStorage.clear();
  });

  /** Signed in as STAFF1, a gift typed while the proxy was down, then the session ended while it waited. */
  async function waitingWhileSignedOut(): Promise<{ el: GiftEntry; id: string; first: SessionGrant }> {
    const first = proxy().sessions.grant({ id: 'STAFF1', name: 'Sam Carter' });
    sessionStorage.clear();
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ grant: first, renewAt: Date.now() + 3_600_000 } satisfies StoredSession));
    const el = await fixture<GiftEntry>('<gift-entry mode="immediate"></gift-entry>');
    await waitUntil(() => el.querySelector('select[name="distribution"]:not([disabled])'), 'the form, signed in');
    await waitUntil(() => (el as unknown as { outbox?: object }).outbox, 'the outbox is open');
    proxy().down = true;
    await fillValidGift(el);
    await submit(el);
    await waitUntil(() => el.querySelector('tbody tr'), 'the gift has its row');
    const id = el.querySelector<HTMLElement>('tbody tr')!.dataset['id']!;
    expect(rowStatus(el, id)).to.equal('Waiting for the gift proxy');
    proxy().sessions.expire(first.token);
    proxy().down = false;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => signInButton(el), 'the sign-in prompt comes up for the waiting gift', { timeout: 5000 });
    expect(giftPosts(proxy().sessions.calls).filter((call) => call.session !== first.token)).to.deep.equal([]);
    await expectNoAxeViolations(el);
    return { el, id, first };
  }

  it('the same person signs in again: the gift goes once, under their new session', async () => {
    const { el, id } = await waitingWhileSignedOut();
    signInButton(el)!.click();
    const again = proxy().sessions.grant({ id: 'STAFF1', name: 'Sam Carter' });
    window.postMessage({ type: SIGN_IN_MESSAGE.granted, grant: again }, location.origin);
    await waitUntil(() => rowStatus(el, id) === 'Recorded', 'sent after the sign-in, without a click', { timeout: 5000 });
    const accepted = giftPosts(proxy().sessions.calls).filter((call) => call.session === again.token);
    expect(accepted.length, 'once').to.equal(1);
    expect(proxy().posts.filter((gift) => gift.transactionId === id).length).to.equal(1);
  });

  it('someone else signs in on that browser: the gift is not sent under their session; it waits for its own person', async () => {
    const { el, id } = await waitingWhileSignedOut();
    signInButton(el)!.click();
    const other = proxy().sessions.grant({ id: 'STAFF2', name: 'Lee Chen' });
    window.postMessage({ type: SIGN_IN_MESSAGE.granted, grant: other }, location.origin);
    await waitUntil(() => el.querySelector('select[name="distribution"]:not([disabled])'), 'the form works for Lee');
    window.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(giftPosts(proxy().sessions.calls).filter((call) => call.session === other.token)).to.deep.equal([]);
    expect(proxy().posts.filter((gift) => gift.transactionId === id)).to.deep.equal([]);
  });
});
