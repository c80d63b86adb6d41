/**
 * Our own HTTP API between the widget and the proxy, as schemas. Errors are
 * always `{ message, field? }`. The widget imports only types from here (and
 * plain constants from proxy-routes.ts), so these schemas stay out of its bundle.
 */
import * as z from 'zod/mini';
import { GIFT_FIELDS } from './gift-fields.ts';
import { GIFT_STATUSES } from './proxy-routes.ts';
import { codeDescriptionSchema, distributionSchema } from './lookups.ts';
import { signInNeedSchema } from './session-schema.ts';

const fieldProblemSchema = z.object({
  message: z.string(),
  field: z.optional(z.enum(GIFT_FIELDS)),
});

/** The first problem at the top level; every problem, when a gift has several, in `problems`. */
export const proxyErrorSchema = z.object({
  message: z.string(),
  field: z.optional(z.enum(GIFT_FIELDS)),
  problems: z.optional(z.array(fieldProblemSchema)),
  /** With iMIS sign-in on: why this call needs (another) sign-in, and where. */
  signIn: z.optional(signInNeedSchema),
});
export type ProxyError = z.infer<typeof proxyErrorSchema>;

export const giftStatusSchema = z.enum(GIFT_STATUSES);

/** One gift as the journal reports it: enough for the batch view, no full donor record. */
export const giftRecordSchema = z.object({
  transactionId: z.string(),
  status: giftStatusSchema,
  /** Staff wording: why rejected, why held, why stuck (with the last upstream answer), or why still retrying. */
  message: z.optional(z.string()),
  field: z.optional(z.enum(GIFT_FIELDS)),
  /** The upstream's own words, kept for support when it rejected the gift. */
  upstreamMessage: z.optional(z.string()),
  amount: z.number(),
  donor: z.string(),
  distribution: z.string(),
  attempts: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The staff member's party ID as the page reported it, when it did. */
  enteredBy: z.optional(z.string()),
  /** In the journal listing only: the fields as sent upstream, by their upstream names. */
  gift: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});
export type GiftRecord = z.infer<typeof giftRecordSchema>;

export const journalSchema = z.object({ gifts: z.array(giftRecordSchema) });
export type Journal = z.infer<typeof journalSchema>;

/** POST /api/gifts/retry-stuck: how many stuck gifts went back in the queue. */
export const retryStuckAnswerSchema = z.object({ requeued: z.number() });
export type RetryStuckAnswer = z.infer<typeof retryStuckAnswerSchema>;

export const lookupsResponseSchema = z.object({
  distributions: z.array(distributionSchema),
  appeals: z.array(codeDescriptionSchema),
  campaigns: z.array(codeDescriptionSchema),
  /** The deployment's transactionId prefix, so every widget on it uses the same one. */
  transactionIdPrefix: z.string(),
  fetchedAt: z.string(),
});
export type LookupsResponse = z.infer<typeof lookupsResponseSchema>;

export const UPSTREAM_STATES = ['ok', 'retrying', 'held'] as const;
export const healthSchema = z.object({
  /** The process answers (liveness). */
  ok: z.boolean(),
  /** Gifts can be taken: the journal accepts writes and the proxy is not shutting down. */
  ready: z.boolean(),
  /** Why not ready, in words for an administrator. */
  message: z.optional(z.string()),
  queueDepth: z.number(),
  /** Gifts set aside after failing again and again: each waits for a person to re-queue it. */
  stuck: z.number(),
  upstream: z.object({
    state: z.enum(UPSTREAM_STATES),
    message: z.optional(z.string()),
    simulated: z.boolean(),
  }),
});
export type Health = z.infer<typeof healthSchema>;

export const HELD_MESSAGE =
  'The gift service rejected the proxy’s credentials; gifts are kept and will be sent once an administrator fixes the token';
