/**
 * With sign-in on, every /api/ call needs a live session besides the caller key: the key
 * says which page calls, the session says who. The verified party (and whether it
 * supervises) joins the caller (caller.ts), which decides what it sees and is journaled as
 * who entered, posted or re-queued each gift. Without a session: 401 with `signIn`
 * (state required or expired, and the iMIS page to sign in on), so the widget offers sign-in.
 */
import type { MiddlewareHandler } from 'hono';
import { SESSION_HEADER } from '../contract/session-api.ts';
import { callerOf, setCaller } from './caller.ts';
import type { SignInService } from './sign-in-service.ts';

export function sessionChecks(signIn: SignInService): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const found = signIn.store.find(c.req.header(SESSION_HEADER));
    if (found.state === 'expired') return signIn.need(c, 'expired');
    if (found.state === 'unknown') return signIn.need(c, 'required');
    setCaller(c, { ...callerOf(c), party: found.session.party, supervisor: found.session.supervisor });
    return next();
  };
}
