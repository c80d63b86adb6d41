/**
 * Where iMIS's Single Sign-On content item POSTs the signed-in user's `refresh_token`
 * (form-encoded, one value: help.imis.com, Single Sign-On) — the client application's login
 * redirect URL. Not under /api: no caller key rides on a browser's form POST. The answer is
 * the hand-back page (sign-in-page.ts), whatever the outcome, so the person always reads
 * what happened. Only pages from iMIS, ALLOWED_ORIGINS or the proxy itself may post here.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { SIGN_IN_MESSAGE, SIGN_IN_PATH, type SignInMessage } from '../../contract/session-api.ts';
import { clientAddress, trustedHops } from '../caller-checks.ts';
import type { ProxyConfig } from '../config.ts';
import { KeyFailures } from '../key-failures.ts';
import { HAND_BACK_SCRIPT, HAND_BACK_SOURCE, SIGN_IN_PAGE_CSP, signInPage } from '../sign-in-page.ts';
import type { SignInService } from '../sign-in-service.ts';

interface Deps {
  config: Pick<ProxyConfig, 'allowedOrigins'> & Partial<Pick<ProxyConfig, 'trustedProxies'>>;
  signIn: SignInService;
  /** Refresh tokens iMIS does not honour: slowed like wrong keys, so the proxy is no free way to try tokens on iMIS. */
  failures?: KeyFailures;
}

const NO_OPENER =
  'This window was not opened by the gift entry page, so the sign-in could not be handed to it. Close this window and choose "Sign in" on the gift entry page.';

export function signInRoutes({ config, signIn, failures = new KeyFailures('sign_in_token_refused') }: Deps): Hono {
  const app = new Hono();
  const trusted = trustedHops(config.trustedProxies ?? []);
  const scriptPath = `${SIGN_IN_PATH}/${HAND_BACK_SCRIPT}`;

  /** Origins the hand-back may reach: the iMIS pages the widget lives on, and this proxy (route B, the demo). */
  const targets = (c: Context) => [...new Set([...config.allowedOrigins, new URL(c.req.url).origin])];
  const page = (c: Context, message: SignInMessage, outcome: string, status: 200 | 400 | 401 | 403 | 502) => {
    c.header('Content-Security-Policy', SIGN_IN_PAGE_CSP);
    return c.html(signInPage({ message, targets: targets(c), noOpener: `${outcome} ${NO_OPENER}` }, outcome, scriptPath), status);
  };
  const refused = (c: Context, message: string, status: 400 | 401 | 403 | 502) =>
    page(c, { type: SIGN_IN_MESSAGE.refused, message }, message, status);

  app.get(scriptPath, (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(HAND_BACK_SOURCE);
  });

  app.post(
    SIGN_IN_PATH,
    bodyLimit({ maxSize: 16 * 1024, onError: (c) => refused(c, 'The sign-in request was too large to be one from iMIS.', 400) }),
    async (c) => {
      const origin = c.req.header('Origin');
      const imisOrigins = [signIn.pageUrl(c), ...(signIn.config.imisBaseUrl ? [signIn.config.imisBaseUrl] : [])].map(
        (url) => new URL(url).origin,
      );
      if (origin !== undefined && origin !== 'null' && !targets(c).includes(origin) && !imisOrigins.includes(origin)) {
        return refused(c, `A page on ${origin} may not sign anyone in to gift entry; sign in from your iMIS site.`, 403);
      }
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const refreshToken = typeof form.refresh_token === 'string' ? form.refresh_token.trim() : '';
      if (refreshToken === '') {
        return refused(c, 'iMIS sent no sign-in (no refresh_token). Open gift entry from your iMIS site and choose "Sign in" again.', 400);
      }
      const address = clientAddress(c, trusted);
      if (failures.busy(address)) return refused(c, 'Too many sign-ins failed from this address; wait a minute and try again.', 401);
      const outcome = await signIn.signIn(refreshToken);
      if (!outcome.ok && outcome.state !== 'refused') await failures.wait(address, failures.fail(address, outcome.state).delayMs);
      if (!outcome.ok) {
        return refused(c, outcome.message, outcome.state === 'refused' ? 403 : outcome.state === 'expired' ? 401 : 502);
      }
      const { grant } = outcome;
      return page(
        c,
        { type: SIGN_IN_MESSAGE.granted, grant },
        `You are signed in to gift entry as ${grant.party.name}${grant.supervisor ? ' (supervisor)' : ''}. This window closes by itself.`,
        200,
      );
    },
  );
  return app;
}
