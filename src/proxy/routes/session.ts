/**
 * The session the widget holds (SESSION_PATHS): GET answers it as a grant, DELETE signs out,
 * POST renew asks iMIS again — with the refresh token the proxy keeps, never sent to a
 * browser — whether the person is still signed in and still holds a gift entry role, and
 * answers a fresh grant (the old token stops working). Behind the caller key and the session
 * check (session-checks.ts), so a valid session is already known here.
 */
import { Hono } from 'hono';
import { SESSION_HEADER, SESSION_PATHS, type SessionGrant } from '../../contract/session-api.ts';
import { callerOf } from '../caller.ts';
import type { SignInService } from '../sign-in-service.ts';

export function sessionRoutes(signIn: SignInService): Hono {
  const app = new Hono();
  const tokenOf = (header: string | undefined) => header ?? '';

  app.get(SESSION_PATHS.session, (c) => {
    const token = tokenOf(c.req.header(SESSION_HEADER));
    const found = signIn.store.find(token);
    if (found.state !== 'valid') return signIn.need(c, found.state === 'expired' ? 'expired' : 'required');
    const { party, supervisor, expiresAt } = found.session;
    const grant: SessionGrant = { token, expiresAt: new Date(expiresAt).toISOString(), party, supervisor };
    return c.json(grant);
  });

  app.delete(SESSION_PATHS.session, (c) => {
    const party = callerOf(c).party;
    if (party) signIn.signOut(tokenOf(c.req.header(SESSION_HEADER)), party);
    return c.body(null, 204);
  });

  app.post(SESSION_PATHS.renew, async (c) => {
    const token = tokenOf(c.req.header(SESSION_HEADER));
    const found = signIn.store.find(token);
    if (found.state !== 'valid') return signIn.need(c, found.state === 'expired' ? 'expired' : 'required');
    const outcome = await signIn.renew(token, found.session.refreshToken);
    if (outcome.ok) return c.json(outcome.grant);
    if (outcome.state === 'broken') return c.json({ message: outcome.message }, 502);
    return signIn.need(c, outcome.state, outcome.message);
  });
  return app;
}
