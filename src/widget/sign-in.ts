/**
 * Verified staff identity through iMIS single sign-on, the widget's side: a chunk, fetched by
 * proxy-client.ts only once a proxy asks for a session or this tab already holds one.
 *
 * A proxy with sign-in on answers a call without a valid session with `signIn` (see
 * src/contract/session-api.ts). Every call waiting on it shares one prompt per proxy and is
 * asked again once a grant arrives, so nothing in flight is lost — the gift being recorded
 * included. The grant comes from the proxy's sign-in page in the popup, by postMessage; it is
 * accepted only from the proxy's own origin and only in the contract's shape (any page can
 * post a message to this window). It is kept for the tab (sessionStorage, keyed per proxy) and
 * renewed at three quarters of its lifetime, or at once when the page wakes after a sleep.
 */
import { SESSION_HEADER as HEADER, SESSION_PATHS, SIGN_IN_MESSAGE, type SessionGrant, type SignInNeed } from '../contract/session-api.ts';
import type { ProxyClient } from './proxy-client.ts';
import { keepSession, storedSession as stored } from './session-store.ts';
import { SignInPanel, type PanelState } from './sign-in-panel.ts';

const SESSION_PATH = SESSION_PATHS.session;
const RENEW_PATH = SESSION_PATHS.renew;
const GRANTED = SIGN_IN_MESSAGE.granted;
const REFUSED = SIGN_IN_MESSAGE.refused;

// The grant's shape is checked by hand, not with the contract's sessionGrantSchema: zod's boolean
// and enum schemas would join the main bundle (about 0.5 KB gzip) for this chunk's sake.
type Check = (value: unknown) => boolean;
const isString: Check = (value) => typeof value === 'string';
/** True when `value` is an object whose every field passes its check. */
const shaped =
  (checks: Record<string, Check>): Check =>
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    Object.entries(checks).every(([field, check]) => check((value as Record<string, unknown>)[field]));
/** One check per field of the contract's SessionGrant: the compiler refuses a missing or an extra one. */
const GRANT_CHECKS: { [K in keyof SessionGrant]-?: Check } = {
  token: (value) => isString(value) && value !== '',
  expiresAt: (value) => isString(value) && !Number.isNaN(Date.parse(value as string)),
  party: shaped({ id: isString, name: isString } satisfies { [K in keyof SessionGrant['party']]-?: Check }),
  supervisor: (value) => typeof value === 'boolean',
};
const isGrant = shaped(GRANT_CHECKS) as (value: unknown) => value is SessionGrant;

/** Renew at this fraction of the grant's lifetime: late enough to be rare, early enough to survive a slow proxy. */
const RENEW_AT = 0.75;
/** A renewal that could not reach the proxy is tried again this much later (while the grant lasts). */
const RENEW_RETRY_MS = 30_000;
const POPUP_NAME = 'gift-entry-sign-in';
const POPUP_FEATURES = 'popup,width=520,height=640';

interface ProxySession {
  /** The latest client for this proxy (its key and host as the page has them now). */
  client: ProxyClient;
  /** What the proxy last asked for, until signed in. */
  need: SignInNeed | undefined;
  /** The iMIS sign-in page, as the proxy last named it (kept after signing out, for the next sign-in). */
  url: string | undefined;
  /** Signing out: an answer needing a sign-in then ends the call instead of prompting. */
  signingOut: boolean;
  /** Calls waiting for a sign-in: resolved true when a grant arrives, false when refused. */
  waiting: { promise: Promise<boolean>; resolve: (granted: boolean) => void } | undefined;
  popup: Window | null;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The token the renewal timer is set for. */
  scheduled: string | undefined;
  renewing: boolean;
  /** What the panels show: every element that talks to this proxy shows the same. */
  state: PanelState | undefined;
  panels: Set<SignInPanel>;
  /** Where focus was when a prompt took it, to give it back once signed in. */
  returnTo: HTMLElement | undefined;
}

const proxies = new Map<string, ProxySession>();

const originOf = (endpoint: string) => new URL(endpoint, location.href).origin;

/** This proxy's state, with a panel in the element that made the call. */
function proxyFor(client: ProxyClient): ProxySession {
  let p = proxies.get(client.endpoint);
  if (!p) {
    const session = stored(client.endpoint);
    p = {
      client,
      need: undefined,
      url: undefined,
      signingOut: false,
      waiting: undefined,
      popup: null,
      timer: undefined,
      scheduled: undefined,
      renewing: false,
      state: session && { kind: 'signed-in', grant: session.grant },
      panels: new Set(),
      returnTo: undefined,
    };
    proxies.set(client.endpoint, p);
  }
  p.client = client;
  for (const panel of p.panels) if (!panel.isConnected) p.panels.delete(panel);
  const host = client.host;
  if (host && !host.querySelector(':scope > gift-sign-in')) {
    const panel = new SignInPanel();
    panel.state = p.state;
    panel.onSignIn = () => open(p!);
    panel.onSignOut = () => void signOut(p!);
    host.prepend(panel);
    p.panels.add(panel);
  }
  return p;
}

function show(p: ProxySession, state: PanelState | undefined): void {
  p.state = state;
  for (const panel of p.panels) panel.state = state;
}

/** The headers every call to this proxy carries while this tab holds a grant for it. */
export function headers(client: ProxyClient): Record<string, string> {
  const p = proxyFor(client);
  const session = stored(client.endpoint);
  if (!session) return {};
  const { grant } = session;
  // The grant came from elsewhere than this page's sign-in (kept from before a reload): show it, follow it.
  if (p.state?.kind !== 'signed-in' || p.state.grant.token !== grant.token) show(p, { kind: 'signed-in', grant });
  if (p.scheduled !== grant.token && !p.renewing) schedule(p);
  p.waiting?.resolve(true);
  p.waiting = undefined;
  return { [HEADER]: session.grant.token };
}

/**
 * A call answered `signIn`: says what is needed and waits for the person to sign in.
 * True: signed in, ask again. False: refused, the call's own error stands.
 */
export function signedIn(client: ProxyClient, need: SignInNeed, sent: Record<string, string>): Promise<boolean> {
  const p = proxyFor(client);
  p.url = need.url;
  if (p.signingOut) return Promise.resolve(false);
  const session = stored(client.endpoint);
  // Renewed (or signed in from another call) while this one was on its way: ask again with the new grant.
  if (session && session.grant.token !== sent[HEADER]) return Promise.resolve(true);
  keepSession(client.endpoint, undefined);
  clearTimeout(p.timer);
  p.timer = p.scheduled = undefined;
  p.need = need;
  if (need.state === 'refused') {
    refuse(p, undefined);
    return Promise.resolve(false);
  }
  // A prompt already showing (another call asked first, or the popup is open) stays as it is.
  const kind = p.state?.kind;
  if (!p.waiting || !kind || kind === 'signed-in' || kind === 'refused') prompt(p, need.state);
  if (!p.waiting) {
    let resolve!: (granted: boolean) => void;
    const promise = new Promise<boolean>((done) => (resolve = done));
    p.waiting = { promise, resolve };
  }
  holdSaving(p, true);
  return p.waiting.promise;
}

/**
 * A gift pressed as the session ended waits for the sign-in and then goes as it was pressed; its
 * form (the one saving: aria-busy) is inert meanwhile, so an edit made while signing in is never
 * silently left out of what is sent and then cleared with the form.
 */
function holdSaving(p: ProxySession, held: boolean): void {
  for (const panel of p.panels)
    panel.parentElement?.querySelector(held ? 'form[aria-busy="true"]' : 'form[inert]')?.toggleAttribute('inert', held);
}

/** Shows a prompt; takes focus only from a person who is not typing (a button, or nothing focused). */
function prompt(p: ProxySession, kind: 'required' | 'expired' | 'refused' | 'signed-out', message?: string): void {
  show(p, kind === 'refused' ? { kind, message } : { kind });
  const active = document.activeElement as HTMLElement | null;
  const idle = !active || active === document.body || active.tagName === 'BUTTON';
  const panel = [...p.panels].find((candidate) => candidate.isConnected);
  if (!idle || !panel) return;
  p.returnTo = active && active !== document.body ? active : undefined;
  void panel.updateComplete.then(() => panel.button?.focus());
}

function refuse(p: ProxySession, message: string | undefined): void {
  p.popup?.close();
  prompt(p, 'refused', message);
  holdSaving(p, false);
  p.waiting?.resolve(false);
  p.waiting = undefined;
}

/** Opens the iMIS page holding the Single Sign-On content item, in a small window. */
function open(p: ProxySession): void {
  const url = p.url;
  if (!url) return;
  // A relative address is on the proxy (the demo's stand-in iMIS), not on the page that holds the widget.
  p.popup = window.open(new URL(url, `${originOf(p.client.endpoint)}/`).href, POPUP_NAME, POPUP_FEATURES);
  show(p, { kind: p.popup ? 'waiting' : 'blocked' });
}

function accept(p: ProxySession, grant: SessionGrant): void {
  const now = Date.now();
  const lifetime = Math.max(0, Date.parse(grant.expiresAt) - now);
  keepSession(p.client.endpoint, { grant, renewAt: now + lifetime * RENEW_AT });
  const prompted = p.need !== undefined;
  p.need = undefined;
  p.popup?.close();
  p.popup = null;
  show(p, { kind: 'signed-in', grant });
  schedule(p);
  holdSaving(p, false);
  if (prompted) giveFocusBack(p);
  p.waiting?.resolve(true);
  p.waiting = undefined;
}

/** The prompt's button is gone: focus goes back where it was before the prompt took it. */
function giveFocusBack(p: ProxySession): void {
  const active = document.activeElement;
  const lost = !active || active === document.body || [...p.panels].some((panel) => panel.contains(active));
  if (lost && p.returnTo?.isConnected) p.returnTo.focus();
  p.returnTo = undefined;
}

function schedule(p: ProxySession): void {
  clearTimeout(p.timer);
  const session = stored(p.client.endpoint);
  p.scheduled = session?.grant.token;
  p.timer = session ? setTimeout(() => void renew(p), Math.max(0, session.renewAt - Date.now())) : undefined;
}

/** Ends the session at the proxy and forgets it here; the next call asks for a sign-in again. */
async function signOut(p: ProxySession): Promise<void> {
  p.signingOut = true;
  try {
    await p.client.call(SESSION_PATH, { method: 'DELETE' });
    keepSession(p.client.endpoint, undefined);
    clearTimeout(p.timer);
    p.timer = p.scheduled = undefined;
    // Asked without a session, the proxy names its sign-in page (signedIn keeps it), ready for the next sign-in.
    await p.client.call(SESSION_PATH);
  } finally {
    p.signingOut = false;
  }
  prompt(p, 'signed-out');
}

/** A fresh grant before this one expires. An expired one is met by the call's own prompt. */
async function renew(p: ProxySession): Promise<void> {
  if (p.renewing || !stored(p.client.endpoint)) return;
  p.renewing = true;
  clearTimeout(p.timer);
  p.timer = p.scheduled = undefined;
  try {
    const answer = await p.client.call<unknown>(RENEW_PATH, { method: 'POST' });
    if (answer.ok && isGrant(answer.value)) accept(p, answer.value);
    else if (!answer.ok && answer.network) {
      p.scheduled = stored(p.client.endpoint)?.grant.token;
      p.timer = setTimeout(() => void renew(p), RENEW_RETRY_MS);
    }
  } finally {
    p.renewing = false;
  }
}

/** After a sleep, timers fire late or not at all: renew at once when the page wakes past its time. */
function wake(): void {
  if (document.visibilityState === 'hidden') return;
  for (const p of proxies.values()) {
    const session = stored(p.client.endpoint);
    if (session && Date.now() >= session.renewAt) void renew(p);
  }
}

/** The sign-in page's message: only from the proxy's origin, only in the contract's shape. */
function receive(event: MessageEvent): void {
  const data: unknown = event.data;
  if (typeof data !== 'object' || data === null || !('type' in data)) return;
  for (const p of proxies.values()) {
    if (event.origin !== originOf(p.client.endpoint)) continue;
    if (data.type === GRANTED && 'grant' in data && isGrant(data.grant)) {
      accept(p, data.grant);
    } else if (data.type === REFUSED && 'message' in data && typeof data.message === 'string') {
      refuse(p, data.message);
    }
  }
}

window.addEventListener('message', receive);
window.addEventListener('focus', wake);
document.addEventListener('visibilitychange', wake);
