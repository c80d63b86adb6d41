/**
 * Verified staff identity through iMIS single sign-on: the proxy's session API, shared by the
 * widget, the proxy and the iMIS stand-in. Plain constants and types only: the schemas are in
 * session-schema.ts, so the widget's sign-in chunk imports these without bringing zod's object,
 * boolean and enum schemas into the main bundle.
 *
 * The flow: the widget opens the iMIS page that holds the Single Sign-On content item (its URL
 * comes from the proxy in `signIn.url`); iMIS POSTs the signed-in user's `refresh_token` to
 * SIGN_IN_PATH on the proxy; the proxy exchanges it at iMIS's /token, reads /api/user for the
 * party and roles, and answers a small page that hands a SessionGrant back to the widget with
 * postMessage (restricted to the allowed origins). Every API call then carries SESSION_HEADER.
 */
import type { SessionGrant } from './session-schema.ts';

export type { SessionGrant, SignInNeed } from './session-schema.ts';

/** Sent with every API call once signed in, beside the caller key. */
export const SESSION_HEADER = 'X-Gift-Session';

/** Where iMIS's Single Sign-On content item POSTs `refresh_token` (the client application's login redirect URL). */
export const SIGN_IN_PATH = '/sign-in/imis';

export const SESSION_PATHS = {
  /** GET: the session the header names; DELETE: sign out. */
  session: '/api/session',
  /** POST: a fresh grant before this one expires (the proxy checks with iMIS that the person still holds the role). */
  renew: '/api/session/renew',
} as const;

/** What the sign-in page posts to the widget's window (`window.opener`). */
export const SIGN_IN_MESSAGE = { granted: 'gift-entry:session', refused: 'gift-entry:sign-in-refused' } as const;
export type SignInMessage =
  { type: typeof SIGN_IN_MESSAGE.granted; grant: SessionGrant } | { type: typeof SIGN_IN_MESSAGE.refused; message: string };

/**
 * The demo's stand-in for an iMIS client application (`GIFT_DEMO_SIGN_IN=1 npm start`, no
 * upstream): the proxy signs in against the iMIS stand-in it serves itself. Never a real
 * iMIS's settings; the proxy refuses them outside the demo.
 */
export const DEMO_SIGN_IN = {
  /** Where the stand-in's iMIS site is mounted on the demo proxy (its /token and /api/user are under it). */
  imisPath: '/imis',
  /** The stand-in page holding the Single Sign-On content item. */
  pagePath: '/imis/Staff/Sign_in_to_gift_entry.aspx',
  clientId: 'gift-entry-demo',
  clientSecret: 'demo-client-app-7Kq2Wx9Rt4',
  entryRole: 'GiftEntry',
  supervisorRole: 'GiftSupervisor',
} as const;
