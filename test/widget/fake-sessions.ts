/**
 * iMIS sign-in at the fake proxy (fake-proxy.ts asks it first about every call), per the session
 * contract: with sign-in on, a call without a valid X-Gift-Session answers 401 `signIn: required`
 * or `expired`, a person without the gift entry role 403 `refused`; /api/session answers the grant
 * and /api/session/renew a fresh one. Every answer is parsed with the contract's schemas.
 */
import * as z from 'zod/mini';
import { proxyErrorSchema } from '../../src/contract/proxy-api.ts';
import { SESSION_HEADER, SESSION_PATHS, type SessionGrant, type SignInNeed } from '../../src/contract/session-api.ts';
import { sessionGrantSchema, signInNeedSchema } from '../../src/contract/session-schema.ts';

/** The iMIS page with the Single Sign-On content item, as the fake proxy names it. */
export const SIGN_IN_URL = 'https://imis.example.org/Staff/GiftEntrySignIn';

export interface Person {
  id?: string;
  name?: string;
  supervisor?: boolean;
  /** Holds an iMIS role allowed to enter gifts (default true). */
  allowed?: boolean;
  /** How long the grant lasts (default an hour). */
  lifetimeMs?: number;
}

interface Session {
  grant: SessionGrant;
  allowed: boolean;
  lifetimeMs: number;
  expired: boolean;
}

export interface FakeSessions {
  /** Sign-in on: every API call needs a valid session. Off (the default): the double ignores sessions. */
  on: boolean;
  /** `signIn.url` as the proxy answers it (relative on the demo, where the stand-in iMIS is on the proxy). */
  url: string;
  /** A grant as the proxy's sign-in page hands it over after iMIS signed the person in. */
  grant(person?: Person): SessionGrant;
  /** The session ends now, as if its time ran out (the laptop slept through the renewal). */
  expire(token: string): void;
  /** Every call that reached the fake: its path, method and the session it carried. */
  calls: Array<{ path: string; method: string; session: string | null }>;
  /** The tokens renewed, in order. */
  renewed: string[];
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function needs(state: SignInNeed['state'], url: string, message: string, status: number): Response {
  const signIn = z.parse(signInNeedSchema, { state, url });
  return json(z.parse(proxyErrorSchema, { message, signIn }), status);
}

let issued = 0;

export function fakeSessions(): FakeSessions & { check(url: URL, init: RequestInit): Response | undefined } {
  const sessions = new Map<string, Session>();
  const issue = (person: Person): SessionGrant => {
    const lifetimeMs = person.lifetimeMs ?? 3_600_000;
    const grant = z.parse(sessionGrantSchema, {
      token: `session-${++issued}`,
      expiresAt: new Date(Date.now() + lifetimeMs).toISOString(),
      party: { id: person.id ?? 'STAFF7', name: person.name ?? 'Jane Doe' },
      supervisor: person.supervisor ?? false,
    });
    sessions.set(grant.token, { grant, allowed: person.allowed ?? true, lifetimeMs, expired: false });
    return grant;
  };
  const fake = {
    on: false,
    url: SIGN_IN_URL,
    calls: [] as FakeSessions['calls'],
    renewed: [] as string[],
    grant: (person: Person = {}) => issue(person),
    expire: (token: string) => {
      const session = sessions.get(token);
      if (session) session.expired = true;
    },
    /** The fake proxy's gate: an answer when the call may not go on, else undefined. */
    check(url: URL, init: RequestInit): Response | undefined {
      if (!url.pathname.startsWith('/api/')) return undefined;
      const token = new Headers(init.headers).get(SESSION_HEADER);
      const method = init.method ?? 'GET';
      fake.calls.push({ path: url.pathname, method, session: token });
      if (!fake.on) return undefined;
      const session = token ? sessions.get(token) : undefined;
      if (!session) return needs('required', fake.url, 'Sign in to iMIS to record gifts.', 401);
      if (session.expired || Date.parse(session.grant.expiresAt) <= Date.now())
        return needs('expired', fake.url, 'Your iMIS sign-in expired: sign in again.', 401);
      if (!session.allowed)
        return needs('refused', fake.url, `${session.grant.party.name} holds no iMIS role allowed to enter gifts.`, 403);
      if (url.pathname === SESSION_PATHS.session && method === 'GET') return json(session.grant);
      if (url.pathname === SESSION_PATHS.session && method === 'DELETE') {
        sessions.delete(session.grant.token);
        return new Response(null, { status: 204 });
      }
      if (url.pathname === SESSION_PATHS.renew && method === 'POST') {
        // Like the proxy: the old token ends with the renewal.
        sessions.delete(session.grant.token);
        fake.renewed.push(session.grant.token);
        const { id, name } = session.grant.party;
        return json(issue({ id, name, supervisor: session.grant.supervisor, lifetimeMs: session.lifetimeMs }));
      }
      return undefined;
    },
  };
  return fake;
}
