/**
 * The stand-in plays iMIS's single sign-on for one client application, as iMIS documents it
 * (README: Signing in through iMIS, with sources):
 *
 * - a page holding the Single Sign-On content item: for the signed-in iMIS user it issues a
 *   refresh token and POSTs it, as the one form value `refresh_token`, to the client
 *   application's login redirect URL (the proxy's SIGN_IN_PATH);
 * - POST /token with grant_type=refresh_token, client_id and client_secret: an access token
 *   and the `userName`, or `invalid_client` / `invalid_grant` as OAuth2 says;
 * - GET /api/user?username=… with the bearer token: the paged envelope of UserData, with
 *   `Party.PartyId`, `Party.Name` and `Roles.$values[].Description`.
 *
 * For tests and the demo, POST /__standin/sso (JSON) chooses who is signed in to iMIS
 * (`signedInAs`), makes every refresh token issued so far expire (`expireRefreshTokens`),
 * changes a user's roles (`roles`) or the login redirect URL; POST /__standin/sso/refresh-token
 * `{ user }` hands out a refresh token as the content item would have posted it.
 */
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { DEMO_SIGN_IN, SIGN_IN_PATH } from '../contract/session-api.ts';
import { escapeHtml } from './page-assembly.ts';

export interface SsoUser {
  partyId: string;
  name: string;
  roles: string[];
}

/** Who can sign in to the stand-in's iMIS: a staff member, a second one, a supervisor, and a member without the role. */
export function ssoUsers(): Record<string, SsoUser> {
  return {
    STAFF1: { partyId: 'STAFF1', name: 'Sam Carter', roles: ['Staff', DEMO_SIGN_IN.entryRole] },
    STAFF2: { partyId: 'STAFF2', name: 'Lee Chen', roles: ['Staff', DEMO_SIGN_IN.entryRole] },
    SUPER1: { partyId: 'SUPER1', name: 'Pat Morgan', roles: ['Staff', DEMO_SIGN_IN.entryRole, DEMO_SIGN_IN.supervisorRole] },
    MEMBER1: { partyId: 'MEMBER1', name: 'Val Jones', roles: ['Member'] },
  };
}

export const SSO_PAGE = DEMO_SIGN_IN.pagePath.slice(DEMO_SIGN_IN.imisPath.length + 1);
export const SSO_CONTROL_PATH = '__standin/sso';
const AUTOPOST_SCRIPT = 'sso-autopost.js';

/** Submits the content item's form at once, as iMIS's redirect does; served as its own source (self-contained). */
export function autoPost(): void {
  const page = globalThis as unknown as { document: { getElementById(id: string): { submit(): void } | null } };
  page.document.getElementById('sso-redirect')?.submit();
}

interface Grant {
  user: string;
  expiresAt: number;
}

export interface SsoOptions {
  clientId?: string;
  clientSecret?: string;
  /** Where the content item posts; relative to this site's origin (the demo proxy) or absolute. */
  loginRedirectUrl?: string;
}

export function imisSsoRoutes(appPath: string, options: SsoOptions = {}): Hono {
  const users = ssoUsers();
  const client = { id: options.clientId ?? DEMO_SIGN_IN.clientId, secret: options.clientSecret ?? DEMO_SIGN_IN.clientSecret };
  const state = { signedInAs: 'STAFF1', refreshMinutes: 60, loginRedirectUrl: options.loginRedirectUrl ?? SIGN_IN_PATH };
  const refreshTokens = new Map<string, Grant>();
  const accessTokens = new Map<string, Grant>();
  const issue = (user: string, minutes: number, into: Map<string, Grant>) => {
    const token = randomBytes(24).toString('base64url');
    into.set(token, { user, expiresAt: Date.now() + minutes * 60_000 });
    return token;
  };
  const live = (into: Map<string, Grant>, token: string | undefined) => {
    const grant = token === undefined ? undefined : into.get(token);
    return grant && grant.expiresAt > Date.now() ? grant : undefined;
  };
  const app = new Hono();

  app.get(`/${SSO_PAGE}`, (c) => {
    const user = c.req.query('as') ?? state.signedInAs;
    if (!users[user]) return c.text(`The stand-in's iMIS has no user ${user}.`, 404);
    const refreshToken = issue(user, state.refreshMinutes, refreshTokens);
    c.header('Content-Security-Policy', "default-src 'none'; script-src 'self'; base-uri 'none'");
    return c.html(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Signing in to gift entry – iMIS (stand-in)</title></head>
<body>
<p>Signed in to iMIS as ${escapeHtml(users[user].name)}. Taking you to gift entry…</p>
<form id="sso-redirect" method="post" action="${escapeHtml(state.loginRedirectUrl)}">
  <input type="hidden" name="refresh_token" value="${escapeHtml(refreshToken)}">
  <noscript><button type="submit">Continue to gift entry</button></noscript>
</form>
<script src="${appPath}${AUTOPOST_SCRIPT}"></script>
</body></html>`);
  });

  app.get(`/${AUTOPOST_SCRIPT}`, (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(`(${autoPost.toString()})();\n`);
  });

  app.post('/token', async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    if (form.grant_type !== 'refresh_token') return c.json({ error: 'unsupported_grant_type' }, 400);
    if (form.client_id !== client.id || form.client_secret !== client.secret) return c.json({ error: 'invalid_client' }, 400);
    const grant = live(refreshTokens, typeof form.refresh_token === 'string' ? form.refresh_token : undefined);
    if (!grant) return c.json({ error: 'invalid_grant', error_description: 'The refresh token is invalid or has expired.' }, 400);
    const accessToken = issue(grant.user, 20, accessTokens);
    const issued = new Date();
    return c.json({
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: 1199,
      refresh_token: form.refresh_token,
      userName: grant.user,
      '.issued': issued.toUTCString(),
      '.expires': new Date(issued.getTime() + 1199_000).toUTCString(),
    });
  });

  app.get('/api/user', (c) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    if (!live(accessTokens, bearer)) return c.json({ Message: 'Authorization has been denied for this request.' }, 401);
    const name = (c.req.query('username') ?? '').toUpperCase();
    const user = users[name];
    const items = user
      ? [
          {
            $type: 'Asi.Soa.Membership.DataContracts.User.UserData, Asi.Contracts',
            UserId: name,
            UserName: name,
            Party: { $type: 'Asi.Soa.Membership.DataContracts.PartyData, Asi.Contracts', PartyId: user.partyId, Name: user.name },
            Roles: {
              $type: 'Asi.Soa.Membership.DataContracts.User.RoleDataCollection, Asi.Contracts',
              $values: user.roles.map((role) => ({
                $type: 'Asi.Soa.Membership.DataContracts.User.RoleData, Asi.Contracts',
                Description: role,
              })),
            },
          },
        ]
      : [];
    return c.json({
      $type: 'Asi.Soa.Core.DataContracts.PagedResult, Asi.Contracts',
      Items: { $type: 'System.Collections.Generic.List`1[[System.Object, mscorlib]], mscorlib', $values: items },
      Offset: 0,
      Limit: 100,
      Count: items.length,
      TotalCount: items.length,
      HasNext: false,
      NextOffset: 0,
    });
  });

  app.post(`/${SSO_CONTROL_PATH}`, async (c) => control(c));
  app.post(`/${SSO_CONTROL_PATH}/refresh-token`, async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { user?: unknown };
    const user = typeof body.user === 'string' ? body.user : state.signedInAs;
    if (!users[user]) return c.json({ Message: `No user ${user}.` }, 400);
    return c.json({ refresh_token: issue(user, state.refreshMinutes, refreshTokens) });
  });

  async function control(c: Context): Promise<Response> {
    const body = (await c.req.json().catch(() => ({}))) as {
      signedInAs?: unknown;
      expireRefreshTokens?: unknown;
      refreshTokenMinutes?: unknown;
      roles?: unknown;
      loginRedirectUrl?: unknown;
    };
    if (typeof body.signedInAs === 'string') {
      if (!users[body.signedInAs])
        return c.json({ Message: `No user ${body.signedInAs}; the stand-in has ${Object.keys(users).join(', ')}.` }, 400);
      state.signedInAs = body.signedInAs;
    }
    if (body.expireRefreshTokens === true) for (const grant of refreshTokens.values()) grant.expiresAt = 0;
    if (typeof body.refreshTokenMinutes === 'number') state.refreshMinutes = body.refreshTokenMinutes;
    if (typeof body.loginRedirectUrl === 'string') state.loginRedirectUrl = body.loginRedirectUrl;
    if (typeof body.roles === 'object' && body.roles !== null) {
      for (const [user, roles] of Object.entries(body.roles as Record<string, unknown>)) {
        if (users[user] && Array.isArray(roles)) users[user].roles = roles.filter((r): r is string => typeof r === 'string');
      }
    }
    return c.json({ signedInAs: state.signedInAs, users: Object.keys(users) });
  }

  return app;
}
