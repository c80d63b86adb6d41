/** The session API's shapes as schemas (the proxy and tests parse with them); constants and the flow are in session-api.ts. */
import * as z from 'zod/mini';

export const sessionGrantSchema = z.object({
  token: z.string(),
  /** ISO 8601; the widget renews well before it. */
  expiresAt: z.string(),
  party: z.object({ id: z.string(), name: z.string() }),
  /** Sees every gift, retries stuck gifts, posts and reopens others' batches. */
  supervisor: z.boolean(),
});
export type SessionGrant = z.infer<typeof sessionGrantSchema>;

/**
 * Carried by a 401 (required, expired) or 403 (refused: signed in but without a gift entry role)
 * problem when sign-in is on, so the widget knows to offer sign-in rather than blame the key.
 */
export const signInNeedSchema = z.object({
  state: z.enum(['required', 'expired', 'refused']),
  /** The iMIS page with the Single Sign-On content item. */
  url: z.string(),
});
export type SignInNeed = z.infer<typeof signInNeedSchema>;
