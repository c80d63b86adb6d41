/**
 * Sign-in through iMIS, between the HTTP routes and iMIS: turns a refresh token into a
 * proxy session for a person who holds a gift entry role (or refuses in words), renews a
 * session by asking iMIS again, and words what a caller without a session must do.
 * Logs name the party ID only (never a token, never the secret).
 */
import type { Context } from 'hono';
import type { SessionGrant, SignInNeed } from '../contract/session-api.ts';
import type { Party } from './caller.ts';
import { entitlement, identify, type ImisSsoSettings } from './imis-sso.ts';
import type { Log } from './logger.ts';
import type { SessionStore } from './sessions.ts';
import type { SignInConfig } from './sign-in-config.ts';

export type SignInOutcome =
  { ok: true; grant: SessionGrant } | { ok: false; state: 'expired' | 'refused' | 'broken'; message: string; party?: Party };

const NEED_MESSAGES: Record<SignInNeed['state'], string> = {
  required: 'Sign in through iMIS to enter gifts: this proxy records who enters each gift.',
  expired: 'Your gift entry sign-in has expired. Sign in again; nothing you typed is lost.',
  refused: 'Your iMIS user may not enter gifts. Ask your iMIS administrator for the gift entry role.',
};

export class SignInService {
  constructor(
    readonly config: SignInConfig,
    readonly store: SessionStore,
    private readonly sso: ImisSsoSettings,
    private readonly log: Log,
  ) {}

  /** The iMIS page with the Single Sign-On content item, as an absolute URL (the demo's is on this proxy). */
  pageUrl(c: Context): string {
    return new URL(this.config.pageUrl, new URL(c.req.url).origin).href;
  }

  /** 401 (required, expired) or 403 (refused), with what the widget needs to offer sign-in. */
  need(c: Context, state: SignInNeed['state'], message = NEED_MESSAGES[state]): Response {
    const signIn: SignInNeed = { state, url: this.pageUrl(c) };
    return c.json({ message, signIn }, state === 'refused' ? 403 : 401);
  }

  /** The person behind `refreshToken`, as a new session when they may enter gifts. */
  async signIn(refreshToken: string): Promise<SignInOutcome> {
    return this.open(refreshToken, undefined);
  }

  /** A fresh session for the same person, if iMIS still honours their sign-in and they still hold a role. */
  async renew(oldToken: string, refreshToken: string): Promise<SignInOutcome> {
    return this.open(refreshToken, oldToken);
  }

  signOut(token: string, party: Party): void {
    this.store.remove(token);
    this.log('info', 'signed_out', { party: party.id });
  }

  private async open(refreshToken: string, replacing: string | undefined): Promise<SignInOutcome> {
    const event = replacing ? 'session_renewal_refused' : 'sign_in_refused';
    const who = await identify(this.sso, refreshToken);
    if ('failure' in who) {
      this.log(who.failure === 'expired' ? 'info' : 'error', event, { reason: who.reason });
      if (replacing) this.store.remove(replacing);
      return { ok: false, state: who.failure, message: who.message };
    }
    const { enters, supervisor } = entitlement(who.roles, this.config);
    if (!enters) {
      this.log('warn', event, { party: who.party.id, reason: 'no gift entry role' });
      if (replacing) this.store.remove(replacing);
      const roles = [...this.config.entryRoles, ...this.config.supervisorRoles].join(' or ');
      return {
        ok: false,
        state: 'refused',
        party: who.party,
        message: `You are signed in to iMIS as ${who.party.name}, but your iMIS user has none of the roles that may enter gifts (${roles}). Ask your iMIS administrator to give you one.`,
      };
    }
    const identity = { party: who.party, supervisor, refreshToken: who.refreshToken, userName: who.userName };
    const { token, expiresAt } = replacing ? this.store.replace(replacing, identity) : this.store.create(identity);
    this.log('info', replacing ? 'session_renewed' : 'signed_in', {
      party: who.party.id,
      supervisor,
      expiresAt: new Date(expiresAt).toISOString(),
    });
    return { ok: true, grant: { token, expiresAt: new Date(expiresAt).toISOString(), party: who.party, supervisor } };
  }
}
