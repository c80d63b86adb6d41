/**
 * A proxy with sign-in through iMIS on, against the iMIS stand-in (src/imis-standin/sso.ts)
 * served on its own loopback port, and the calls a signed-in widget makes: sign in as one of
 * the stand-in's users (the refresh token handed out as the Single Sign-On content item would
 * post it), then call the API with the caller key and the session.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { runInNewContext } from 'node:vm';
import { CALLER_KEY_HEADER } from '../../src/contract/index.ts';
import { DEMO_SIGN_IN, SESSION_HEADER, SIGN_IN_PATH, type SessionGrant, type SignInMessage } from '../../src/contract/session-api.ts';
import { imisStandInRoutes } from '../../src/imis-standin/routes.ts';
import { SSO_CONTROL_PATH } from '../../src/imis-standin/sso.ts';
import type { Env } from '../../src/proxy/config.ts';
import { startHarness, type Harness } from './harness.ts';

export const KEY = 'front-desk-key-5c1e9a0b7d3f';

export interface SignInHarness extends Harness {
  imisUrl: string;
  /** The stand-in's control: who is signed in to iMIS, roles, expiring refresh tokens. */
  imis(control: Record<string, unknown>): Promise<void>;
  /** A refresh token for `user`, as the content item posts it. */
  refreshToken(user: string): Promise<string>;
  /** POSTs a refresh token to the proxy's sign-in path as iMIS does; the page and the message it hands back. */
  signInWith(
    refreshToken: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; html: string; message: SignInMessage; csp: string }>;
  signIn(user: string): Promise<SessionGrant>;
  /** An API call with the caller key and, when given, the session. */
  api(
    path: string,
    session: string | undefined,
    init?: { method?: string; body?: unknown },
  ): Promise<{ status: number; body: Record<string, unknown> }>;
}

/** The JSON block the hand-back page carries, read as the page's script reads it. */
export function handBackData(html: string): { message: SignInMessage; targets: string[]; noOpener: string } {
  const json = /<script type="application\/json" id="gift-entry-sign-in">([^<]*)<\/script>/.exec(html)?.[1];
  if (json === undefined) throw new Error(`no hand-back data in ${html.slice(0, 200)}`);
  return JSON.parse(json) as { message: SignInMessage; targets: string[]; noOpener: string };
}

/** Runs the served hand-back script against a fake window; returns what it posted and said. */
export function runHandBack(
  script: string,
  html: string,
  withOpener: boolean,
): { posted: Array<{ message: unknown; origin: string }>; closed: boolean; outcome: string | null } {
  const posted: Array<{ message: unknown; origin: string }> = [];
  const elements: Record<string, { textContent: string | null }> = {
    'gift-entry-sign-in': { textContent: JSON.stringify(handBackData(html)) },
    outcome: { textContent: 'as served' },
  };
  const window = {
    opener: withOpener ? { postMessage: (message: unknown, origin: string) => posted.push({ message, origin }) } : null,
    document: { getElementById: (id: string) => elements[id] ?? null },
    closed: false,
    close() {
      window.closed = true;
    },
  };
  runInNewContext(script, window);
  return { posted, closed: window.closed, outcome: elements.outcome!.textContent };
}

export async function startSignInHarness(env: Env = {}): Promise<SignInHarness> {
  const standIn: ServerType = await new Promise((resolve) => {
    const server = serve({ fetch: imisStandInRoutes({ autoInstall: false }).fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(server));
  });
  const imisUrl = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}${DEMO_SIGN_IN.imisPath}`;
  const h = await startHarness({
    GIFT_ENTRY_KEYS: KEY,
    GIFT_IMIS_URL: imisUrl,
    GIFT_IMIS_CLIENT_ID: DEMO_SIGN_IN.clientId,
    GIFT_IMIS_CLIENT_SECRET: DEMO_SIGN_IN.clientSecret,
    GIFT_IMIS_SIGN_IN_PAGE: `${imisUrl}/Staff/Sign_in_to_gift_entry.aspx`,
    GIFT_IMIS_ENTRY_ROLES: DEMO_SIGN_IN.entryRole,
    GIFT_IMIS_SUPERVISOR_ROLES: DEMO_SIGN_IN.supervisorRole,
    ...env,
  });
  const close = h.close.bind(h);
  const control = async (path: string, body: unknown) => {
    const response = await fetch(`${imisUrl}/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`stand-in control: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const harness: SignInHarness = Object.assign(h, {
    imisUrl,
    async imis(body: Record<string, unknown>) {
      await control(SSO_CONTROL_PATH, body);
    },
    async refreshToken(user: string) {
      return String((await control(`${SSO_CONTROL_PATH}/refresh-token`, { user })).refresh_token);
    },
    async signInWith(refreshToken: string, headers: Record<string, string> = {}) {
      const response = await fetch(`${h.proxy.url}${SIGN_IN_PATH}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams({ refresh_token: refreshToken }),
      });
      const html = await response.text();
      return {
        status: response.status,
        html,
        message: handBackData(html).message,
        csp: response.headers.get('content-security-policy') ?? '',
      };
    },
    async signIn(user: string) {
      const { message } = await harness.signInWith(await harness.refreshToken(user));
      if (message.type !== 'gift-entry:session') throw new Error(`${user} was not signed in: ${message.message}`);
      return message.grant;
    },
    async api(path: string, session: string | undefined, init: { method?: string; body?: unknown } = {}) {
      const response = await fetch(`${h.proxy.url}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          [CALLER_KEY_HEADER]: KEY,
          ...(session ? { [SESSION_HEADER]: session } : {}),
          ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
    async close() {
      await close();
      await new Promise<void>((resolve) => standIn.close(() => resolve()));
    },
  });
  return harness;
}
